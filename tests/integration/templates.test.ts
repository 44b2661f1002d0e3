import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import { localAdminSession } from '../../electron/api/types.js';
import type { Session } from '../../electron/api/types.js';
import type { RawRow } from '../../electron/import/read-delimited.js';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import { fromBytes } from '../../electron/import/source-file.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { readCentralDirectory } from '../../electron/zip/central-directory.js';
import { buildReport } from '../../electron/reports/registry.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { openStore } from '../../electron/store/store.js';
import type { FilledTemplate } from '../../shared/api/ops/templates.js';
import { parseYuanToFen } from '../../shared/model/money.js';
import type { ReportTable } from '../../shared/reports/report.js';
import type { TemplateMapping } from '../../shared/reports/template.js';
import { WORKER_FILE } from '../helpers/app.js';
import { expectOk } from '../helpers/import.js';
import { REAL } from '../helpers/real-data.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * Report templates end to end on a real workspace (the demo branch): a head-office workbook written by openpyxl
 * (tests/fixtures/templates) is uploaded, mapped and filled for a period; the filled workbook is read back with
 * the import reader and exceljs and each cell compared with the value `buildReport` gives for the same caller.
 */
const tmp = makeTempDir('templates');
const NOW = '2026-11-22T09:00:00+08:00';
let app: App;
const admin = localAdminSession('en');
let jiangning: Session;
let gulou: Session;
const units: Record<string, number> = {};
const FIXTURE = path.resolve('tests/fixtures/templates/head-office-client-movement.xlsx');
const base64Of = (file: string): string => fs.readFileSync(file).toString('base64');
const call = (name: string, input: unknown, session: Session) => app.dispatcher.call(name, input, { session });

const supervisor = (userName: string, unit: number): Session => ({ userName, role: 'supervisor', orgUnitIds: [unit], managerId: null, locale: 'en', authenticated: true });

beforeAll(async () => {
  app = createApp({ storeFile: path.join(tmp.dir, 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock: fixedClock(NOW) });
  expectOk(await app.dispatcher.invoke('demo.build', { clients: 2_000, managers: 16 }, { session: admin }));
  for (const u of expectOk(await app.dispatcher.invoke('org.tree', {}, { session: admin }))) units[u.code] = u.id;
  jiangning = supervisor('zhuguan-jn', units['320115000'] ?? 0);
  gulou = supervisor('zhuguan-gl', units['320106000'] ?? 0);
}, 120_000);
afterAll(() => {
  app.close();
  tmp.cleanup();
});

async function rowsOf(file: FilledTemplate, sheet: string): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const b of readXlsx(fromBytes(file.fileName, Buffer.from(file.base64, 'base64')), { sheet })) out.push(...b);
  return out;
}
const at = (rows: RawRow[], ref: string): string => {
  const m = /^([A-Z])(\d+)$/.exec(ref);
  return rows.find((r) => r.record === Number(m?.[2]))?.cells[(m?.[1] ?? 'A').charCodeAt(0) - 65] ?? '';
};
/** A decimal's digits × 10^places as an integer, independently of the filler's formatting: '10.49872309', 6 → 10498723 (rounded never). */
function scaledBack(text: string, places: number): bigint {
  const [int, frac = ''] = text.replace('-', '').split('.');
  expect(frac.length).toBeLessThanOrEqual(places);
  const v = BigInt(int ?? '0') * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0') || '0');
  return text.startsWith('-') ? -v : v;
}

const SPILL = ['code', 'name', 'startAum', 'newClients', 'newAum', 'lostClients', 'endAum', 'netAum'];
const GOOD: TemplateMapping[] = [
  { sheet: '客户变动', cell: 'B2', figure: { kind: 'header', field: 'unitName' } },
  { sheet: '客户变动', cell: 'F2', figure: { kind: 'header', field: 'periodLabel' } },
  { sheet: '客户变动', cell: 'B3', figure: { kind: 'header', field: 'asOf' } },
  { sheet: '客户变动', cell: 'A6', figure: { kind: 'spill', report: 'clientMovement', columns: SPILL, maxRows: 10 } },
  { sheet: '客户变动', cell: 'C17', figure: { kind: 'total', report: 'clientMovement', column: 'startAum' } },
  { sheet: '客户变动', cell: 'G17', figure: { kind: 'total', report: 'clientMovement', column: 'endAum' } },
  { sheet: '客户变动', cell: 'B19', figure: { kind: 'header', field: 'preparedBy' } },
  { sheet: '客户变动', cell: 'F19', figure: { kind: 'header', field: 'generatedAt' } },
  { sheet: '填报说明', cell: 'C6', figure: { kind: 'cell', report: 'clientMovement', rowKey: '320115001', column: 'endAum', moneyUnit: 'wan' } },
  { sheet: '填报说明', cell: 'D6', figure: { kind: 'cell', report: 'contactCoverage', rowKey: '810008', column: 'rate', ratioUnit: 'percent' } },
];

let templateId = 0;

describe('upload', () => {
  it('refuses what is not an .xlsx template, saying why', async () => {
    const refusal = async (fileName: string, bytes: Buffer): Promise<string> => {
      const r = await call('templates.upload', { name: 't', fileName, base64: bytes.toString('base64') }, admin);
      expect(r.ok).toBe(false);
      return r.ok ? '' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await refusal('报表.xlsx', Buffer.from('网点号,期初资产\n1,2\n'))).toBe('INVALID_INPUT: The template file 报表.xlsx is not an .xlsx workbook (not a zip package)');
    const xls = fs.readFileSync(path.join(REAL, 'excel', 'merge_cells.xls'));
    expect(await refusal('merge_cells.xls', xls)).toMatch(/^INVALID_INPUT: The template file merge_cells.xls is not an .xlsx file/);
    expect(await refusal('renamed.xlsx', xls)).toMatch(/is a legacy \.xls or an encrypted workbook/);
    expect(await refusal('big.xlsx', crypto.randomBytes(6 * 1024 * 1024))).toBe('INVALID_INPUT: The template file big.xlsx is 6.0 MB, over the 5 MB limit');
    expect(await refusal('zip.xlsx', fs.readFileSync(path.join(REAL, 'excel', 'merge_cells.xlsx')).subarray(0, 4000))).toMatch(/cannot be read \(no end-of-central-directory record: not a zip archive/);
    expect(app.services.store.db.prepare('SELECT count(*) FROM report_template').pluck().get()).toBe(0);
    const audited = app.services.store.db.prepare("SELECT outcome FROM audit_log WHERE action = 'templates.upload'").pluck().all();
    expect(audited).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
  });

  it('stores the file and shows its sheets with the template’s own text', async () => {
    const t = expectOk(await app.dispatcher.invoke('templates.upload', { name: '客户变动月报', fileName: 'head-office-client-movement.xlsx', base64: base64Of(FIXTURE) }, { session: admin }));
    templateId = t.id;
    expect(t).toMatchObject({ version: 1, mappings: 0, ownerUnitId: null, editable: true, size: fs.statSync(FIXTURE).size });
    expect(t.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(FIXTURE)).digest('hex'));
    const d = expectOk(await app.dispatcher.invoke('templates.inspect', { id: t.id }, { session: admin }));
    expect(d.sheets.map((s) => s.name)).toEqual(['客户变动', '填报说明']);
    const main = d.sheets[0];
    expect(main?.merges).toEqual(['B2:C2', 'A1:H1']); // as openpyxl wrote them
    expect(main?.cells.find((c) => c.ref === 'A1')?.text).toBe('网点客户变动情况月报');
    expect(main?.cells.find((c) => c.ref === 'C16')).toEqual({ ref: 'C16', text: '', formula: true });
    expect(main?.cells.find((c) => c.ref === 'B20')).toMatchObject({ text: '2026-01-05', date: true });
    expect(d.catalog.map((c) => c.id)).toContain('clientMovement');
  });
});

describe('mappings', () => {
  it('refuses mappings with every problem named by its cell, and stores nothing', async () => {
    const bad: TemplateMapping[] = [
      { sheet: '客户变动', cell: 'C2', figure: { kind: 'header', field: 'unitName' } },
      { sheet: '汇总', cell: 'A1', figure: { kind: 'header', field: 'period' } },
      { sheet: '客户变动', cell: 'A6', figure: { kind: 'spill', report: 'clientMovement', columns: ['code', 'nope'], maxRows: 10 } },
      { sheet: '客户变动', cell: 'B7', figure: { kind: 'total', report: 'clientMovement', column: 'endAum' } },
    ];
    const r = await call('templates.setMappings', { id: templateId, mappings: bad, period: '2026-10' }, admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.details?.problems?.map((p) => p.message)).toEqual([
      'Sheet "客户变动", cell C2: C2 lies inside the merged range B2:C2 and would not show; map B2 instead',
      'Sheet "汇总", cell A1: the template has no sheet "汇总"',
      'Sheet "客户变动", cell A6: report "Client movement" has no column nope in 2026-10',
      'Sheet "客户变动", cell B7: writes to a cell the mapping of A6 also writes',
    ]);
    const zh = await call('templates.setMappings', { id: templateId, mappings: bad.slice(0, 1) }, { ...admin, locale: 'zh-CN' });
    expect(!zh.ok && zh.error.message).toBe('映射有 1 处问题，未保存。工作表「客户变动」C2 单元格：C2 位于合并单元格 B2:C2 内，写入的值不会显示；请映射到 B2');
    expect(expectOk(await app.dispatcher.invoke('templates.inspect', { id: templateId }, { session: admin })).template.version).toBe(1);
  });

  it('saves valid mappings as a new version and gives them back as saved', async () => {
    const d = expectOk(await app.dispatcher.invoke('templates.setMappings', { id: templateId, mappings: GOOD, period: '2026-10' }, { session: admin }));
    expect(d.template.version).toBe(2);
    expect(d.problems).toEqual([]);
    expect(d.mappings).toEqual(GOOD);
    expect(app.services.store.db.prepare('SELECT count(*) FROM report_template_column WHERE template_id = ?').pluck().get(templateId)).toBe(SPILL.length + 4);
  });
});

describe('fill', () => {
  let filled: FilledTemplate;
  let report: ReportTable;

  beforeAll(async () => {
    filled = expectOk(await app.dispatcher.invoke('templates.fill', { id: templateId, period: '2026-10' }, { session: admin }));
    report = buildReport(app.services.store, admin, 'clientMovement', { period: '2026-10' }, new Date(NOW));
  });

  it('writes each spilled row as buildReport has it: yuan exact from fen, counts as numbers, report order', async () => {
    expect(filled.fileName).toBe('客户变动月报-2026-10-320100000.xlsx');
    expect(filled.warnings).toEqual([]);
    const rows = await rowsOf(filled, '客户变动');
    expect(report.rows).toHaveLength(8);
    report.rows.forEach((r, i) => {
      const row = 6 + i;
      expect(at(rows, `A${row}`)).toBe(r.cells['code']);
      expect(at(rows, `B${row}`)).toBe(r.cells['name']);
      for (const [col, key] of [['C', 'startAum'], ['E', 'newAum'], ['G', 'endAum'], ['H', 'netAum']] as const) expect(parseYuanToFen(at(rows, `${col}${row}`)), `${col}${row}`).toBe(r.cells[key]);
      for (const [col, key] of [['D', 'newClients'], ['F', 'lostClients']] as const) expect(Number(at(rows, `${col}${row}`))).toBe(r.cells[key]);
    });
    // Two spill rows were left as the template had them: empty, styled.
    for (const ref of ['A14', 'C14', 'H15']) expect(at(rows, ref)).toBe('');
    expect(parseYuanToFen(at(rows, 'C17'))).toBe(report.totals?.['startAum']);
    expect(parseYuanToFen(at(rows, 'G17'))).toBe(report.totals?.['endAum']);
    // The report's totals equal the sum of its rows (what the template's own SUM row will show once Excel recalculates).
    const sum = report.rows.reduce((s, r) => s + BigInt(r.cells['endAum'] as number), 0n);
    expect(BigInt(parseYuanToFen(at(rows, 'G17')) ?? 0)).toBe(sum);
  });

  it('fills the header values and the single cells in their units', async () => {
    const rows = await rowsOf(filled, '客户变动');
    expect(at(rows, 'B2')).toBe('南京分行');
    expect(at(rows, 'F2')).toBe('2026年10月');
    expect(at(rows, 'B3')).toBe('2026-10-31');
    expect(at(rows, 'B19')).toBe('local-admin');
    expect(at(rows, 'F19')).toBe('2026-11-22');
    const notes = await rowsOf(filled, '填报说明');
    const outlet = report.rows.find((r) => r.key === '320115001');
    expect(scaledBack(at(notes, 'C6'), 6)).toBe(BigInt(outlet?.cells['endAum'] as number));
    const coverage = buildReport(app.services.store, admin, 'contactCoverage', { period: '2026-10' }, new Date(NOW));
    const rate = coverage.rows.find((r) => r.key === '810008')?.cells['rate'] as number;
    expect(scaledBack(at(notes, 'D6'), 2)).toBe(BigInt(rate));
    expect(at(notes, 'A1')).toBe('填报说明');
  });

  it('changes only the two sheets: the other parts are the uploaded file’s, byte for byte', () => {
    const original = new Map(readCentralDirectory(new Uint8Array(fs.readFileSync(FIXTURE))).entries.map((e) => [e.name, Buffer.from(e.local)]));
    const out = readCentralDirectory(new Uint8Array(Buffer.from(filled.base64, 'base64'))).entries;
    expect(out.map((e) => e.name)).toEqual([...original.keys()]);
    // openpyxl already sets fullCalcOnLoad, so even the workbook part stays as uploaded.
    expect(out.filter((e) => !original.get(e.name)?.equals(Buffer.from(e.local))).map((e) => e.name)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
  });

  it('keeps the template’s formulas, formats and layout (read by exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(Buffer.from(filled.base64, 'base64')).buffer);
    const ws = wb.getWorksheet('客户变动');
    expect(ws?.getCell('C16').formula).toBe('SUM(C6:C15)');
    expect(ws?.getCell('C6').numFmt).toBe('#,##0.00');
    expect(ws?.getCell('B3').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws?.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 9, 31)));
    expect(typeof ws?.getCell('C6').value).toBe('number');
    expect(ws?.getCell('A1').isMerged).toBe(true);
    expect(ws?.getColumn('B').width).toBe(16);
    expect(wb.definedNames.getRanges('报表区域').ranges).toEqual(["'客户变动'!$A$5:$H$16"]);
  });

  it('records the fill in the audit log with what went out', () => {
    const entry = app.services.store.db.prepare("SELECT outcome, entity, entity_id, after FROM audit_log WHERE action = 'templates.fill' ORDER BY id DESC LIMIT 1").get() as {
      outcome: string;
      entity: string;
      entity_id: string;
      after: string;
    };
    expect(entry).toMatchObject({ outcome: 'ok', entity: 'report_template', entity_id: String(templateId) });
    const after = JSON.parse(entry.after) as { fileName: string; sha256: string; period: string; version: number };
    expect(after).toMatchObject({ fileName: filled.fileName, period: '2026-10', version: 2 });
    expect(after.sha256).toBe(crypto.createHash('sha256').update(Buffer.from(filled.base64, 'base64')).digest('hex'));
  });
});

describe('scope', () => {
  it('gives a supervisor the administrators’ template filled with their units only', async () => {
    const mine = expectOk(await app.dispatcher.invoke('templates.fill', { id: templateId, period: '2026-10' }, { session: jiangning }));
    const expected = buildReport(app.services.store, jiangning, 'clientMovement', { period: '2026-10' }, new Date(NOW));
    expect(expected.rows.map((r) => r.key)).toEqual(['320115001', '320115002', '320115003']);
    const rows = await rowsOf(mine, '客户变动');
    expect([6, 7, 8, 9].map((r) => at(rows, `A${r}`))).toEqual(['320115001', '320115002', '320115003', '']);
    expect(parseYuanToFen(at(rows, 'G17'))).toBe(expected.totals?.['endAum']);
    expect(at(rows, 'B2')).toBe('江宁支行');
    // 东山网点 (320115001) and its manager 810008 belong to 江宁支行: both single cells are theirs.
    expect(mine.warnings).toEqual([]);
    expect(await call('templates.fill', { id: templateId, period: '2026-10', orgUnitId: units['320106000'] }, jiangning)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const outlet = expectOk(await app.dispatcher.invoke('templates.fill', { id: templateId, period: '2026-10', orgUnitId: units['320115002'] }, { session: jiangning }));
    const one = await rowsOf(outlet, '客户变动');
    expect([6, 7].map((r) => at(one, `A${r}`))).toEqual(['320115002', '']);
    // 鼓楼支行's supervisor gets 鼓楼's outlets, and the two single cells of 江宁 left empty with a warning each.
    const theirs = expectOk(await app.dispatcher.invoke('templates.fill', { id: templateId, period: '2026-10' }, { session: gulou }));
    expect(theirs.warnings.map((w) => `${w.sheet}!${w.cell}`)).toEqual(['填报说明!C6', '填报说明!D6']);
    const notes = await rowsOf(theirs, '填报说明');
    expect([at(notes, 'C6'), at(notes, 'D6')]).toEqual(['', '']);
    expect(at(await rowsOf(theirs, '客户变动'), 'A6')).toBe('320106001');
  });

  it('lets a supervisor fill but not change or delete the administrators’ template', async () => {
    expect(await call('templates.setMappings', { id: templateId, mappings: [] }, jiangning)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('templates.delete', { id: templateId }, jiangning)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(expectOk(await app.dispatcher.invoke('templates.list', {}, { session: jiangning })).map((t) => [t.id, t.editable])).toEqual([[templateId, false]]);
  });

  it('keeps a supervisor’s own template within their units', async () => {
    const own = expectOk(await app.dispatcher.invoke('templates.upload', { name: '鼓楼自用', fileName: 'own.xlsx', base64: base64Of(FIXTURE) }, { session: gulou }));
    expect(own).toMatchObject({ ownerUnitId: units['320106000'], ownerUnitName: '鼓楼支行', editable: true });
    expect(expectOk(await app.dispatcher.invoke('templates.list', {}, { session: gulou })).map((t) => t.id)).toEqual([own.id, templateId]);
    expect(expectOk(await app.dispatcher.invoke('templates.list', {}, { session: jiangning })).map((t) => t.id)).toEqual([templateId]);
    expect(await call('templates.inspect', { id: own.id }, jiangning)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('templates.fill', { id: own.id, period: '2026-10' }, jiangning)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(expectOk(await app.dispatcher.invoke('templates.list', {}, { session: admin })).find((t) => t.id === own.id)).toMatchObject({ editable: true, ownerUnitName: '鼓楼支行' });
    const noMappings = await call('templates.fill', { id: own.id, period: '2026-10' }, gulou);
    expect(!noMappings.ok && noMappings.error.message).toBe('Report template "鼓楼自用" has no mapped cells yet');
    expectOk(await app.dispatcher.invoke('templates.delete', { id: own.id }, { session: gulou }));
    expect(app.services.store.db.prepare('SELECT count(*) FROM report_template WHERE id = ?').pluck().get(own.id)).toBe(0);
  });
});

describe('warnings', () => {
  it('leaves cells empty that the period’s report does not have, naming each', async () => {
    const extra: TemplateMapping[] = [
      ...GOOD,
      { sheet: '填报说明', cell: 'C8', figure: { kind: 'cell', report: 'clientMovement', rowKey: '999999999', column: 'endAum' } },
      { sheet: '填报说明', cell: 'C9', figure: { kind: 'total', report: 'managerRanking', column: 'rank' } },
      { sheet: '填报说明', cell: 'A12', figure: { kind: 'spill', report: 'clientMovement', columns: ['code'], maxRows: 3 } },
    ];
    expectOk(await app.dispatcher.invoke('templates.setMappings', { id: templateId, mappings: extra }, { session: admin }));
    const f = expectOk(await app.dispatcher.invoke('templates.fill', { id: templateId, period: '2026-10' }, { session: admin }));
    expect(f.warnings.map((w) => `${w.sheet}!${w.cell}`)).toEqual(['填报说明!C8', '填报说明!C9', '填报说明!A12']);
    expect(f.warnings[2]?.message.zh).toBe('工作表「填报说明」A12：报表「客户变动」2026-10 共 8 行，只填了前 3 行');
    const notes = await rowsOf(f, '填报说明');
    const keys = buildReport(app.services.store, admin, 'clientMovement', { period: '2026-10' }, new Date(NOW)).rows.map((r) => r.key);
    expect([at(notes, 'C8'), at(notes, 'C9'), at(notes, 'A12'), at(notes, 'A14'), at(notes, 'A15')]).toEqual(['', '', keys[0], keys[2], '']);
  });
});

describe('migration 0150', () => {
  it('adds the template tables to a store of the previous version, with cascading mappings', () => {
    const i = MIGRATIONS.findIndex((m) => m.id === 150);
    expect(MIGRATIONS[i - 1]?.id).toBe(140);
    const file = path.join(tmp.dir, 'migrate.db');
    const before = openStore(file, { migrations: MIGRATIONS.slice(0, i) });
    before.db.prepare("INSERT INTO org_unit (id, code, name, level) VALUES (1, '01', '网点', 'outlet')").run();
    before.close();
    const after = openStore(file, { migrations: MIGRATIONS.slice(0, i + 1), backupDir: path.join(tmp.dir, 'backups'), clock: fixedClock(NOW) });
    try {
      const db = after.db;
      db.prepare(
        "INSERT INTO report_template (id, name, file_name, file_bytes, file_size, file_sha256, owner_unit_id, uploaded_by, uploaded_at, updated_by, updated_at) VALUES (1, 't', 't.xlsx', x'504b', 2, 'h', 1, 'u', 'now', 'u', 'now')",
      ).run();
      db.prepare("INSERT INTO report_template_mapping (template_id, sheet, cell, position, kind, report_id, max_rows) VALUES (1, 'S', 'A1', 0, 'spill', 'clientMovement', 5)").run();
      db.prepare("INSERT INTO report_template_column (template_id, sheet, cell, position, column_key) VALUES (1, 'S', 'A1', 0, 'code')").run();
      expect(() => db.prepare("INSERT INTO report_template_mapping (template_id, sheet, cell, position, kind, report_id) VALUES (1, 'S', 'B1', 1, 'cell', 'clientMovement')").run()).toThrow(/CHECK/);
      db.prepare('DELETE FROM report_template WHERE id = 1').run();
      expect(db.prepare('SELECT (SELECT count(*) FROM report_template_mapping) + (SELECT count(*) FROM report_template_column)').pluck().get()).toBe(0);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      after.close();
    }
  });
});
