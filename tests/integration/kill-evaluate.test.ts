import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { killCycles } from '../helpers/kill-cycles.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The crash test for evaluations (with import-kill, kill-recompute and kill-assign): SIGKILL `evaluate` — save the
 * scheme version, then one transaction computing and storing every manager's scorecard — at random points. After
 * each kill the store opens sound and holds either no run or the whole run, never part of one.
 */
const CYCLES = 12;
const tmp = makeTempDir('kill-evaluate');
const base = path.join(tmp.dir, 'base.db');
const schemeFile = path.join(tmp.dir, 'scheme.json');
let before = '';
let after = '';
let fullMs = 0;

/** Runs, stored scorecards and their totals, as one comparable fingerprint (schemes are compared apart). */
const stateOf = (db: string): string => {
  const raw = new Sqlite(db, { readonly: true });
  try {
    const runs = raw.prepare('SELECT count(*) FROM evaluation_run').pluck().get() as number;
    const s = raw.prepare('SELECT count(*) AS n, total(coalesce(total, 0) + manager_id) AS t, total(length(card)) AS c FROM evaluation_score').get() as { n: number; t: number; c: number };
    const trail = raw.prepare('SELECT count(*) FROM evaluation_signoff').pluck().get() as number;
    return `${runs}:${s.n}:${s.t}:${s.c}:${trail}`;
  } finally {
    raw.close();
  }
};

const SCHEME = {
  code: 'KILL-M',
  name: '崩溃测试方案',
  periodType: 'month',
  items: [
    { key: 'dep', name: '存款净增', weight: 40, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '100000000' },
    { key: 'avg', name: '日均存款', weight: 30, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'ratio' }, fixedTarget: '5000000000' },
    { key: 'cover', name: '联系计划覆盖率', weight: 30, source: { kind: 'metric', metric: 'contact_coverage' }, method: { type: 'ratio' }, fixedTarget: '9000' },
  ],
};

beforeAll(() => {
  expect(runCli(['demo', '--db', base, '--clients', '20000', '--managers', '8']).status).toBe(0);
  const raw = new Sqlite(base);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  fs.writeFileSync(schemeFile, JSON.stringify(SCHEME));
  before = stateOf(base);
  const finished = path.join(tmp.dir, 'finished.db');
  fs.copyFileSync(base, finished);
  const started = performance.now();
  const r = runCli(['evaluate', '--db', finished, '--scheme', schemeFile, '--period', '2026-10']);
  fullMs = performance.now() - started;
  expect(r.status, r.stderr).toBe(0);
  after = stateOf(finished);
  expect(after.startsWith('1:8:')).toBe(true);
}, 240_000);
afterAll(() => tmp.cleanup());

describe('killing an evaluation at random points', () => {
  it(`leaves a sound store with no run or the whole run (${CYCLES} cycles)`, async () => {
    const outcomes = await killCycles({ cycles: CYCLES, seed: 9090, base, dir: tmp.dir, args: ['evaluate', '--db', '{db}', '--scheme', schemeFile, '--period', '2026-10'], fullMs, stateOf, before, after });
    process.stderr.write(`evaluate kill test: ${JSON.stringify(outcomes)}\n`);
    expect(outcomes.killedBefore).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
