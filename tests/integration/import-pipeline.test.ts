import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatchInfo, ImportPlan } from '../../shared/api/ops/import.js';
import { writeDemoExtracts } from '../../electron/demo/extracts.js';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/** Clients and balances from the demo's extracts (GBK with preamble and 合计 footer; UTF-8 with BOM). */
const NO_REFS = ['orgCode', 'managerNo'];
const files = makeTempDir('import-files');
let clientsFile = '';
let balancesFile = '';
let clientCount = 0;

beforeAll(async () => {
  await writeDemoExtracts(files.dir, { clients: 600, managers: 4 }, {});
  clientsFile = path.join(files.dir, 'clients_20261031.csv');
  balancesFile = path.join(files.dir, 'balances_20261031.csv');
  const text = new TextDecoder('gb18030').decode(fs.readFileSync(clientsFile));
  clientCount = Number(/合计,(\d+)/.exec(text)?.[1]);
}, 60_000);
afterAll(() => files.cleanup());

function withApp(fn: (t: ReturnType<typeof makeTestApp>) => Promise<void>): () => Promise<void> {
  return async () => {
    const t = makeTestApp('import');
    try {
      await fn(t);
    } finally {
      t.cleanup();
    }
  };
}

const count = (t: ReturnType<typeof makeTestApp>, sql: string): number => (t.app.services.store.db.prepare(sql).get() as { n: number }).n;

/**
 * Writes a copy of the GBK clients file with ASCII cells of one line edited. Working on the bytes as latin1 is
 * safe: no GBK byte of a Chinese character is a comma or a line break.
 */
function corrupt(line: number, edit: (cells: string[]) => void, name: string): string {
  const lines = fs.readFileSync(clientsFile).toString('latin1').split('\r\n');
  const cells = (lines[line - 1] ?? '').split(',');
  edit(cells);
  lines[line - 1] = cells.join(',');
  const out = path.join(files.dir, name);
  fs.writeFileSync(out, Buffer.from(lines.join('\r\n'), 'latin1'));
  return out;
}

describe('import pipeline on the demo extracts', () => {
  it(
    'detects a GBK client file with its preamble and footer, and commits it as one batch',
    withApp(async (t) => {
      const inspected = expectOk(await t.app.dispatcher.invoke('import.inspect', { source: { type: 'path', path: clientsFile } }, { session: adminSession }));
      expect(inspected.encoding).toBe('gb18030');
      expect(inspected.kind).toBe('clients');
      expect(inspected.headerRecord).toBe(2);
      expect(inspected.preamble[0]).toContain('数据日期');
      expect(inspected.missingRequired).toEqual([]);
      const batch = expectOk(await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS })) as ImportBatchInfo;
      expect(batch).toMatchObject({ kind: 'clients', status: 'committed', rowsRead: clientCount, inserted: clientCount, rejected: 0, version: 1, encoding: 'gb18030' });
      // The preamble's 数据日期 becomes the batch's as-of date.
      expect(batch.asOf).toBe('2026-10-31');
      expect(count(t, 'SELECT count(*) n FROM client')).toBe(clientCount);
      expect(count(t, `SELECT count(*) n FROM client WHERE batch_id = ${batch.id}`)).toBe(clientCount);
      expect(count(t, "SELECT count(*) n FROM client WHERE name_initials IS NULL OR name_initials = ''")).toBe(0);
    }),
  );

  it(
    'treats the same file again as a no-op that says so',
    withApp(async (t) => {
      const first = expectOk(await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS })) as ImportBatchInfo;
      const again = expectOk(await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS })) as ImportBatchInfo;
      expect(again.noop).toBe(true);
      expect(again.id).toBe(first.id);
      expect(count(t, 'SELECT count(*) n FROM import_batch')).toBe(1);
    }),
  );

  it(
    'rejects the whole batch for one bad row by default, naming file, row, column, value and reason',
    withApp(async (t) => {
      const bad = corrupt(10, (c) => {
        c[3] = `${(c[3] ?? '').slice(0, 17)}${c[3]?.endsWith('1') === true ? '2' : '1'}`;
      }, 'bad.csv');
      const r = await importFile(t.app, bad, 'clients', { drop: NO_REFS });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('IMPORT_INVALID');
      expect(r.error.message).toContain('bad.csv');
      expect(r.error.details?.problems?.[0]).toMatchObject({ file: 'bad.csv', row: 10, column: '证件号码' });
      expect(r.error.details?.problems?.[0]?.message).toMatch(/checksum/);
      expect(count(t, 'SELECT count(*) n FROM client')).toBe(0);
      expect(count(t, 'SELECT count(*) n FROM import_batch')).toBe(0);
    }),
  );

  it(
    'with skip, imports the good rows and quarantines the bad one',
    withApp(async (t) => {
      const bad = corrupt(12, (c) => {
        c[7] = '20261399';
      }, 'bad-date.csv');
      const batch = expectOk(await importFile(t.app, bad, 'clients', { drop: NO_REFS, onError: 'skip' })) as ImportBatchInfo;
      expect(batch.inserted).toBe(clientCount - 1);
      expect(batch.rejected).toBe(1);
      const errors = t.app.services.store.db.prepare('SELECT record, column, value FROM import_row_error WHERE batch_id = ?').all(batch.id);
      expect(errors).toEqual([{ record: 12, column: '开户日期', value: '20261399' }]);
    }),
  );

  it(
    'catches a client number repeated within the file, in a first load and in a plan',
    withApp(async (t) => {
      const lines = fs.readFileSync(clientsFile).toString('latin1').split('\r\n');
      lines.splice(20, 0, lines[10] ?? '');
      const dup = path.join(files.dir, 'dup.csv');
      // The footer's count (GBK 合计 is not ASCII, so match the last line by shape) must still agree.
      fs.writeFileSync(dup, Buffer.from(lines.join('\r\n').replace(/(\r\n[^\r\n,]*,)(\d+)(\r\n)?$/, (_m, a: string, n: string, e: string | undefined) => `${a}${Number(n) + 1}${e ?? ''}`), 'latin1'));
      const plan = expectOk(await importFile(t.app, dup, 'clients', { drop: NO_REFS, commit: false })) as ImportPlan;
      expect(plan.rejected).toBe(1);
      expect(plan.errors[0]).toMatchObject({ record: 21, field: 'clientNo' });
      expect(plan.errors[0]?.reason.en).toContain('repeats row 11');
      const batch = expectOk(await importFile(t.app, dup, 'clients', { drop: NO_REFS, onError: 'skip' })) as ImportBatchInfo;
      expect(batch).toMatchObject({ inserted: clientCount, rejected: 1 });
    }),
  );

  it(
    'exports every row error as an .xlsx workbook, from a file and from a committed batch',
    withApp(async (t) => {
      const bad = corrupt(14, (c) => {
        c[6] = '19991399';
      }, 'bad-birth.csv');
      const source = { type: 'path' as const, path: bad };
      const inspected = expectOk(await t.app.dispatcher.invoke('import.inspect', { source, kind: 'clients' }, { session: adminSession }));
      const mapping = { ...inspected.mapping };
      for (const f of NO_REFS) delete mapping[f];
      const fromFile = expectOk(await t.app.dispatcher.invoke('import.errorsExport', { source, kind: 'clients', mapping }, { session: adminSession }));
      expect(fromFile.fileName).toBe('bad-birth-错误清单.xlsx');
      const out = path.join(files.dir, fromFile.fileName);
      fs.writeFileSync(out, Buffer.from(fromFile.base64, 'base64'));
      const read: string[][] = [];
      for await (const batch of readXlsx(out)) read.push(...batch.map((r) => r.cells));
      expect(read[1]).toEqual(['行号 Row', '列 Column', '值 Value', '原因', 'Reason']);
      expect(read.slice(2)).toEqual([['14', '出生日期', '19991399', expect.stringContaining('不是有效日期'), expect.stringContaining('not a valid date')]]);
      const batch = expectOk(await importFile(t.app, bad, 'clients', { drop: NO_REFS, onError: 'skip' })) as ImportBatchInfo;
      const fromBatch = expectOk(await t.app.dispatcher.invoke('import.errorsExport', { batchId: batch.id }, { session: adminSession }));
      expect(fromBatch.base64.length).toBeGreaterThan(100);
    }),
  );

  it(
    'refuses a file whose footer count disagrees with its rows',
    withApp(async (t) => {
      const text = fs.readFileSync(clientsFile).toString('latin1');
      const wrong = path.join(files.dir, 'wrong-total.csv');
      fs.writeFileSync(wrong, Buffer.from(text.replace(/(\r\n[^\r\n]*,)(\d+)(\r\n)?$/, (_m, a: string, n: string, e: string | undefined) => `${a}${Number(n) + 1}${e ?? ''}`), 'latin1'));
      const plan = expectOk(await importFile(t.app, wrong, 'clients', { drop: NO_REFS, commit: false })) as ImportPlan;
      expect(plan.control).toEqual({ expectedRows: clientCount + 1, source: 'trailer', ok: false });
      const r = await importFile(t.app, wrong, 'clients', { drop: NO_REFS });
      expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
      expect(!r.ok && r.error.message).toMatch(/[Cc]ontrol total/);
      expect(count(t, 'SELECT count(*) n FROM client')).toBe(0);
      const user = await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS, expectedRows: 5 });
      expect(user.ok).toBe(false);
    }),
  );

  it(
    'plans without writing: counts new, changed and unchanged rows',
    withApp(async (t) => {
      const plan = expectOk(await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS, commit: false })) as ImportPlan;
      expect(plan).toMatchObject({ rowsRead: clientCount, inserted: clientCount, updated: 0, unchanged: 0, rejected: 0 });
      expect(count(t, 'SELECT count(*) n FROM client')).toBe(0);
      expectOk(await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS }));
      const changed = corrupt(5, (c) => {
        c[4] = '13900000000';
      }, 'changed.csv');
      const replan = expectOk(await importFile(t.app, changed, 'clients', { drop: NO_REFS, commit: false })) as ImportPlan;
      expect(replan).toMatchObject({ inserted: 0, updated: 1, unchanged: clientCount - 1 });
    }),
  );

  it(
    'replaces a balance snapshot with a corrected file as version 2, and rolls back to version 1 exactly',
    withApp(async (t) => {
      expectOk(await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS }));
      const v1 = expectOk(await importFile(t.app, balancesFile, 'balances')) as ImportBatchInfo;
      expect(v1).toMatchObject({ asOf: '2026-10-31', version: 1 });
      const snapshot = (): unknown[] => t.app.services.store.db.prepare('SELECT * FROM balance_snapshot ORDER BY client_id, as_of, product_type').all();
      const before = snapshot();
      const fixedDir = makeTempDir('fixed');
      try {
        const lines = fs.readFileSync(balancesFile, 'utf8').split('\r\n');
        const cells = (lines[1] ?? '').split(',');
        cells[3] = '12345.67';
        lines[1] = cells.join(',');
        lines.splice(3, 1);
        const fixed = path.join(fixedDir.dir, 'balances_20261031.csv');
        fs.writeFileSync(fixed, lines.join('\r\n'));
        const v2 = expectOk(await importFile(t.app, fixed, 'balances')) as ImportBatchInfo;
        expect(v2).toMatchObject({ version: 2, supersedesId: v1.id, updated: 1, inserted: 0 });
        expect(count(t, `SELECT count(*) n FROM import_batch WHERE id = ${v1.id} AND status = 'superseded'`)).toBe(1);
        expect(snapshot().length).toBe(before.length - 1);
        const effect = expectOk(await t.app.dispatcher.invoke('import.rollbackPreview', { batchId: v2.id }, { session: adminSession }));
        expect(effect.blockers).toEqual([]);
        expect(effect.restores['balance_snapshot']).toBe(before.length);
        const rolled = expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: v2.id }, { session: adminSession }));
        expect(rolled.status).toBe('rolled_back');
        expect(snapshot()).toEqual(before);
        expect(count(t, `SELECT count(*) n FROM import_batch WHERE id = ${v1.id} AND status = 'committed'`)).toBe(1);
      } finally {
        fixedDir.cleanup();
      }
    }),
  );

  it(
    'will not roll back clients that later balances refer to, until those are rolled back',
    withApp(async (t) => {
      const clients = expectOk(await importFile(t.app, clientsFile, 'clients', { drop: NO_REFS })) as ImportBatchInfo;
      const balances = expectOk(await importFile(t.app, balancesFile, 'balances')) as ImportBatchInfo;
      const blocked = expectOk(await t.app.dispatcher.invoke('import.rollbackPreview', { batchId: clients.id }, { session: adminSession }));
      expect(blocked.blockers.length).toBe(1);
      expect(await t.app.dispatcher.invoke('import.rollback', { batchId: clients.id }, { session: adminSession })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(count(t, 'SELECT count(*) n FROM client')).toBe(clientCount);
      expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: balances.id }, { session: adminSession }));
      const effect = expectOk(await t.app.dispatcher.invoke('import.rollbackPreview', { batchId: clients.id }, { session: adminSession }));
      expect(effect.deletes['client']).toBe(clientCount);
      expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: clients.id }, { session: adminSession }));
      for (const table of ['client', 'balance_snapshot', 'import_undo']) expect(count(t, `SELECT count(*) n FROM ${table}`)).toBe(0);
      expect(t.app.services.store.db.pragma('foreign_key_check')).toEqual([]);
    }),
  );

  it(
    'refuses unknown outlets and managers row by row, never guessing',
    withApp(async (t) => {
      const plan = expectOk(await importFile(t.app, clientsFile, 'clients', { commit: false })) as ImportPlan;
      expect(plan.rejected).toBe(clientCount);
      expect(plan.errors[0]?.reason.en).toMatch(/unknown; import (org units|the roster) first/);
    }),
  );

  it(
    'leaves the store untouched when cancelled inside the commit, once rows are being written',
    withApp(async (t) => {
      // Many batches of rows, so the cancel raised at the first progress report lands before the last one.
      const big = path.join(files.dir, 'many-clients.csv');
      const rows = Array.from({ length: 60_000 }, (_, i) => `K${String(i).padStart(7, '0')},客户${i}`);
      fs.writeFileSync(big, ['客户号,客户名称', ...rows].join('\n'));
      const controller = new AbortController();
      let sawRows = false;
      const r = await t.app.dispatcher.invoke(
        'import.commit',
        { source: { type: 'path', path: big }, kind: 'clients', mapping: { clientNo: 0, name: 1 } },
        {
          session: adminSession,
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase === 'rows' && !sawRows) {
              sawRows = true;
              controller.abort();
            }
          },
        },
      );
      expect(sawRows).toBe(true);
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      for (const table of ['client', 'import_batch', 'import_undo']) expect(count(t, `SELECT count(*) n FROM ${table}`)).toBe(0);
      // The deferred indexes of the first load are back as they were.
      expect(count(t, "SELECT count(*) n FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'client' AND sql IS NOT NULL")).toBe(6);
    }),
  );
});
