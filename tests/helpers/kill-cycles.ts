import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { Sqlite } from '../../electron/store/sqlite.js';

/** Runs the CLI with `args` (the copy's path replaces `{db}`) and SIGKILLs it after `ms`; true when killed. */
export function runAndKill(args: readonly string[], db: string, ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [path.resolve('dist/cli.cjs'), ...args.map((a) => (a === '{db}' ? db : a))], { stdio: 'ignore', env: { ...process.env, BW_LOG_LEVEL: 'silent' } });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

export interface KillCycles {
  cycles: number;
  seed: number;
  /** The workspace each cycle starts from (copied). */
  base: string;
  dir: string;
  args: readonly string[];
  /** A whole run's wall time: kills land between 20% and 110% of it. */
  fullMs: number;
  stateOf: (db: string) => string;
  before: string;
  after: string;
}

/**
 * The crash test's loop: copy the workspace, start the operation, SIGKILL it at a random point, then check the
 * store opens sound (integrity and foreign keys) and its state is exactly the one before or the one after.
 */
export async function killCycles(k: KillCycles): Promise<{ killedBefore: number; killedAfter: number; finished: number }> {
  let seed = k.seed;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const outcomes = { killedBefore: 0, killedAfter: 0, finished: 0 };
  for (let i = 0; i < k.cycles; i++) {
    const db = path.join(k.dir, `k${i}.db`);
    fs.copyFileSync(k.base, db);
    const killed = await runAndKill(k.args, db, Math.floor(k.fullMs * (0.2 + 0.9 * next())));
    const raw = new Sqlite(db);
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      raw.close();
    }
    const state = k.stateOf(db);
    expect([k.before, k.after]).toContain(state);
    if (!killed) outcomes.finished++;
    else if (state === k.before) outcomes.killedBefore++;
    else outcomes.killedAfter++;
    for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  }
  return outcomes;
}
