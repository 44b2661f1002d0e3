import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sqlite } from '../../electron/store/sqlite.js';
import { BOOK_CONFIG_KEY, DEFAULT_BOOK_CONFIG } from '../../shared/book/config.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The crash test's second half (with import-kill.test.ts, 50 cycles): SIGKILL the client-book recompute — one
 * transaction rewriting every client's scores — at random points. After each kill the store opens sound and the
 * scores are either all the earlier ones or all the new ones, never a mix.
 */
const CYCLES = 26;
const tmp = makeTempDir('kill-recompute');
const base = path.join(tmp.dir, 'base.db');
let clients = 0;
let before = 0;
let after = 0;
/** How long a whole `score` run takes here (start-up included); kills land across its second half. */
let fullMs = 0;

const sumOf = (db: string): { n: number; sum: number } => {
  const raw = new Sqlite(db, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) AS n, coalesce(sum(contribution * 7 + loyalty), 0) AS sum FROM client_score').get() as { n: number; sum: number };
  } finally {
    raw.close();
  }
};

/** A workspace whose stored scores differ from what a recompute now gives: the contribution weights changed. */
function prepare(target: string): void {
  fs.copyFileSync(base, target);
  const raw = new Sqlite(target);
  const config = JSON.parse(raw.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(BOOK_CONFIG_KEY) as string) as { contribution: { weights: Record<string, number> } };
  config.contribution.weights = { aum: 10, avgAum: 10, loan: 70, income: 10 };
  raw.prepare('UPDATE setting SET value = ? WHERE key = ?').run(JSON.stringify(config), BOOK_CONFIG_KEY);
  raw.close();
}

beforeAll(() => {
  expect(runCli(['demo', '--db', base, '--clients', '40000', '--managers', '8']).status).toBe(0);
  // Store the configuration explicitly (the demo runs on the defaults), so prepare() can change it.
  const raw = new Sqlite(base);
  raw.prepare('INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)').run(BOOK_CONFIG_KEY, JSON.stringify(DEFAULT_BOOK_CONFIG));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  ({ n: clients, sum: before } = sumOf(base));
  const finished = path.join(tmp.dir, 'finished.db');
  prepare(finished);
  const started = performance.now();
  expect(runCli(['score', '--db', finished]).status).toBe(0);
  fullMs = performance.now() - started;
  after = sumOf(finished).sum;
  expect(clients).toBe(40_000);
  expect(after).not.toBe(before);
}, 180_000);
afterAll(() => tmp.cleanup());

function scoreAndKill(db: string, ms: number): Promise<{ killed: boolean; inTransaction: boolean }> {
  const child = spawn(process.execPath, [path.resolve('dist/cli.cjs'), 'score', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BW_LOG_LEVEL: 'silent' } });
  let inTransaction = false;
  child.stderr.on('data', (c: Buffer) => {
    if (c.toString().includes('book.recompute:')) inTransaction = true;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', inTransaction });
    });
  });
}

describe('killing a client-book recompute at random points', () => {
  it(`leaves a sound store with all the earlier scores or all the new ones (${CYCLES} cycles)`, async () => {
    let seed = 777;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const outcomes = { killedBefore: 0, killedMidTransaction: 0, killedAfter: 0, finished: 0 };
    for (let i = 0; i < CYCLES; i++) {
      const db = path.join(tmp.dir, `k${i}.db`);
      prepare(db);
      const { killed, inTransaction } = await scoreAndKill(db, Math.floor(fullMs * (0.3 + 0.75 * next())));
      const raw = new Sqlite(db);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(raw.pragma('foreign_key_check')).toEqual([]);
      } finally {
        raw.close();
      }
      const { n, sum } = sumOf(db);
      expect(n).toBe(clients);
      expect([before, after]).toContain(sum);
      if (!killed) outcomes.finished++;
      else if (sum === before && inTransaction) outcomes.killedMidTransaction++;
      else if (sum === before) outcomes.killedBefore++;
      else outcomes.killedAfter++;
      for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
    }
    process.stderr.write(`recompute kill test: ${JSON.stringify(outcomes)}\n`);
    expect(outcomes.killedMidTransaction).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
