import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtracts } from '../../electron/demo/extracts.js';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

const CYCLES = 24;
const tmp = makeTempDir('import-kill');
let clientsFile = '';
let mappingFile = '';
let rows = 0;

beforeAll(async () => {
  await writeDemoExtracts(tmp.dir, { clients: 40_000, managers: 8 }, {});
  clientsFile = path.join(tmp.dir, 'clients_20261031.csv');
  rows = Number(/合计,(\d+)/.exec(new TextDecoder('gb18030').decode(fs.readFileSync(clientsFile)))?.[1]);
  mappingFile = path.join(tmp.dir, 'mapping.json');
  fs.writeFileSync(mappingFile, JSON.stringify({ clientNo: '客户号', name: '客户名称', idType: '证件类型', idNo: '证件号码', phone: '手机号', openDate: '开户日期' }));
}, 120_000);
afterAll(() => tmp.cleanup());

/**
 * Starts a real import and SIGKILLs it after `ms`. Reports whether it was still running and whether it had
 * already reported rows (progress lines come only from inside the commit's transaction).
 */
function importAndKill(db: string, ms: number): Promise<{ killed: boolean; inCommit: boolean }> {
  const child = spawn(process.execPath, [path.resolve('dist/cli.cjs'), 'import', '--db', db, '--kind', 'clients', '--mapping', mappingFile, clientsFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, BW_LOG_LEVEL: 'silent' },
  });
  let inCommit = false;
  child.stderr.on('data', (c: Buffer) => {
    if (c.toString().includes('rows:')) inCommit = true;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', inCommit });
    });
  });
}

describe('killing an import at random points', () => {
  it(`leaves a sound store with the batch wholly there or wholly absent (${CYCLES} cycles)`, async () => {
    // Deterministic "random" kill times spread from start-up through the commit.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const outcomes = { killedEmpty: 0, killedMidTransaction: 0, killedComplete: 0, finished: 0 };
    for (let i = 0; i < CYCLES; i++) {
      const db = path.join(tmp.dir, `w${i}.db`);
      expect(runCli(['init', '--db', db]).status).toBe(0);
      const { killed, inCommit } = await importAndKill(db, 150 + Math.floor(next() * 1600));
      const raw = new Sqlite(db);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(raw.pragma('foreign_key_check')).toEqual([]);
        const batches = raw.prepare('SELECT id, rows_read, inserted FROM import_batch').all() as Array<{ rows_read: number; inserted: number }>;
        const clients = (raw.prepare('SELECT count(*) AS n FROM client').get() as { n: number }).n;
        if (batches.length === 0) {
          expect(clients).toBe(0);
          expect((raw.prepare('SELECT count(*) AS n FROM import_undo').get() as { n: number }).n).toBe(0);
        } else {
          expect(batches).toHaveLength(1);
          expect(batches[0]).toMatchObject({ rows_read: rows, inserted: rows });
          expect(clients).toBe(rows);
        }
        if (!killed) outcomes.finished++;
        else if (batches.length === 0 && inCommit) outcomes.killedMidTransaction++;
        else if (batches.length === 0) outcomes.killedEmpty++;
        else outcomes.killedComplete++;
      } finally {
        raw.close();
      }
      fs.rmSync(db, { force: true });
      fs.rmSync(`${db}-wal`, { force: true });
      fs.rmSync(`${db}-shm`, { force: true });
    }
    process.stderr.write(`import kill test: ${JSON.stringify(outcomes)}\n`);
    // The kills must have landed while the import was running, not only before or after it.
    expect(outcomes.killedMidTransaction).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
