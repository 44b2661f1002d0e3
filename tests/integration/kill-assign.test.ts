import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { killCycles } from '../helpers/kill-cycles.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The crash test for rule-based assignment runs (with import-kill and kill-recompute): SIGKILL `assign --rules` —
 * plan, then one transaction writing every move — at random points. After each kill the store opens sound and the
 * assignments are either exactly as before or exactly as a finished run leaves them, never part of a plan.
 */
const CYCLES = 12;
const tmp = makeTempDir('kill-assign');
const base = path.join(tmp.dir, 'base.db');
const rulesFile = path.join(tmp.dir, 'rules.json');
let before = '';
let after = '';
let fullMs = 0;

/** The primary assignments and recorded changes, as one comparable fingerprint. */
const stateOf = (db: string): string => {
  const raw = new Sqlite(db, { readonly: true });
  try {
    const a = raw.prepare("SELECT count(*) AS n, total(client_id * 7 + manager_id * 13 + julianday(valid_from)) AS s FROM assignment WHERE role = 'primary'").get() as { n: number; s: number };
    const c = raw.prepare('SELECT count(*) FROM assignment_change').pluck().get() as number;
    return `${a.n}:${a.s}:${c}`;
  } finally {
    raw.close();
  }
};

beforeAll(() => {
  expect(runCli(['demo', '--db', base, '--clients', '20000', '--managers', '8']).status).toBe(0);
  const raw = new Sqlite(base);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const asOf = raw.prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get() as string;
  raw.close();
  // Replan every client across the branch (one pool) at a wide tolerance: thousands of moves in one transaction.
  fs.writeFileSync(rulesFile, JSON.stringify({ asOf, eligible: { statuses: ['active', 'leave'], vipFullTimeOnly: false, sameOutletOnly: false }, objective: { tolerancePct: 25, keepExisting: false } }));
  before = stateOf(base);
  const finished = path.join(tmp.dir, 'finished.db');
  fs.copyFileSync(base, finished);
  const started = performance.now();
  // Plain output: the JSON preview lists every move (megabytes at this size).
  const r = runCli(['assign', '--db', finished, '--rules', rulesFile]);
  fullMs = performance.now() - started;
  expect(r.status, r.stderr).toBe(0);
  expect(Number(/(\d+) moves/.exec(r.stdout)?.[1])).toBeGreaterThan(2000);
  after = stateOf(finished);
  expect(after).not.toBe(before);
}, 240_000);
afterAll(() => tmp.cleanup());

describe('killing a rule-based assignment run at random points', () => {
  it(`leaves a sound store with the assignments wholly before or wholly after (${CYCLES} cycles)`, async () => {
    const outcomes = await killCycles({ cycles: CYCLES, seed: 4242, base, dir: tmp.dir, args: ['assign', '--db', '{db}', '--rules', rulesFile], fullMs, stateOf, before, after });
    process.stderr.write(`assign kill test: ${JSON.stringify(outcomes)}\n`);
    expect(outcomes.killedBefore).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
