import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/app.js';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import type { ExportedFile } from '../../shared/api/ops/import.js';
import { REPORT_IDS } from '../../shared/reports/report.js';
import type { ReportColumn, ReportRow, ReportTable } from '../../shared/reports/report.js';
import { makeTestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';
import type { ReportsBook } from './reports-fixture.js';
import { IDS, buildReportsBook, supervisorOf } from './reports-fixture.js';

/**
 * What leaves the app: each report as an A4 PDF (read back with pdftotext: Chinese headings, totals, masked IDs)
 * and as .xlsx (read back with the project's reader: the same rows and totals as the view; the raw XML: no
 * formula, no text cell that would start one, no unmasked ID for an administrator); every export in the audit log.
 */
const OUTPUT = path.join(__dirname, '..', 'output', 'print');
const files = makeTempDir('reports-output');
let t: ReturnType<typeof makeTestApp>;
let app: App;
let book: ReportsBook;

beforeAll(async () => {
  t = makeTestApp('reports-output');
  app = t.app;
  book = await buildReportsBook(app, files.dir);
}, 120_000);
afterAll(async () => {
  await app.services.printer.close();
  t.cleanup();
  files.cleanup();
});

const squash = (s: string): string => s.replace(/\s+/g, '');
const save = (file: ExportedFile, name: string): string => {
  const p = path.join(files.dir, name);
  fs.writeFileSync(p, Buffer.from(file.base64, 'base64'));
  return p;
};
const pdfText = (pdf: string): string => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const view = async (id: (typeof REPORT_IDS)[number], period: string): Promise<ReportTable> => expectOk(await app.dispatcher.invoke('reports.view', { id, period }, { session: adminSession }));

describe('PDF', () => {
  it('prints the client movement on landscape A4: headings, header data, totals in 元, masked IDs', async () => {
    const file = expectOk(await app.dispatcher.invoke('reports.pdf', { id: 'clientMovement', period: '2026-10' }, { session: adminSession }));
    expect(file.fileName).toBe('客户变动_南京分行_2026-10.pdf');
    const pdf = save(file, 'movement.pdf');
    const text = squash(pdfText(pdf));
    for (const expected of ['南京分行', '客户变动', '机构·期间', '数据口径', '期初2026-09-30', '期初资产（元）', '合计', '4,150,000.00', '8,015,000.00', '3,865,000.00', '-200,000.00', '变动客户明细', '流失', '第1页/共']) {
      expect(text).toContain(expected);
    }
    for (const full of Object.values(IDS)) expect(text).not.toContain(full);
    expect(text).toContain(`3201**********${IDS.A.slice(-4)}`);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.copyFileSync(pdf, path.join(OUTPUT, 'report-client-movement.pdf'));
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, path.join(OUTPUT, 'report-client-movement')]);
  });

  it('prints every report, each with its title and, where it has one, its totals row', async () => {
    for (const id of REPORT_IDS) {
      const period = id === 'targetCompletion' || id === 'outletRanking' ? '2026Q4' : '2026-10';
      const table = await view(id, period);
      const pdf = save(expectOk(await app.dispatcher.invoke('reports.pdf', { id, period }, { session: adminSession })), `${id}.pdf`);
      const text = squash(pdfText(pdf));
      expect(text, id).toContain(squash(table.title.zh));
      expect(text, id).toContain(squash(table.scopeLabel));
      for (const row of table.rows) expect(text, `${id} ${row.key}`).toContain(squash(String(row.cells[table.columns[1]?.key ?? ''] ?? '')));
      if (table.totals !== null) expect(text, id).toContain('合计');
    }
    // The target completion's amounts in 元 and its percentages.
    const text = squash(pdfText(path.join(files.dir, 'targetCompletion.pdf')));
    for (const expected of ['5,330,000.00', '3,865,000.00', '72.51%', '-100.00%', '33.70%', '-67,580.65']) expect(text).toContain(expected);
  });
});

/** The workbook's sheets as the project's reader returns them (text of every cell). */
async function sheetRows(file: string, sheet: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of readXlsx(file, { sheet })) rows.push(...batch.map((r) => r.cells));
  return rows;
}

/** What a cell must read back as: yuan / points / percent as numbers from hundredths, counts as numbers, text as text. */
function expected(column: ReportColumn, row: Pick<ReportRow, 'kinds'> | null, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return /^[=+\-@]/.test(value) ? `'${value}` : value;
  const kind = row?.kinds?.[column.key] ?? column.kind;
  return kind === 'count' ? (value as number) : (value as number) / 100;
}

function compareRows(sheet: string[][], columns: readonly ReportColumn[], rows: ReadonlyArray<Pick<ReportRow, 'kinds' | 'cells'>>, label: string): void {
  rows.forEach((row, i) => {
    columns.forEach((c, j) => {
      const want = expected(c, row, row.cells[c.key]);
      const got = sheet[i]?.[j] ?? '';
      if (want === null) expect(got, `${label} row ${i} ${c.key}`).toBe('');
      else if (typeof want === 'number') expect(Number(got), `${label} row ${i} ${c.key}`).toBeCloseTo(want, 9);
      else expect(got, `${label} row ${i} ${c.key}`).toBe(want);
    });
  });
}

describe('.xlsx', () => {
  it('holds the same rows, totals and detail as the view, yuan and percentages as numbers', async () => {
    for (const id of REPORT_IDS) {
      const period = id === 'targetCompletion' || id === 'outletRanking' ? '2026Q4' : '2026-10';
      const table = await view(id, period);
      const xlsx = save(expectOk(await app.dispatcher.invoke('reports.xlsx', { id, period }, { session: adminSession })), `${id}.xlsx`);
      const rows = await sheetRows(xlsx, table.title.zh);
      expect(rows[0]?.[0]).toBe(table.title.zh);
      expect(rows[1]).toEqual(['机构 · 期间', table.scopeLabel]);
      const header = rows.findIndex((r) => r[0] === table.columns[0]?.label.zh || r[0]?.startsWith(table.columns[0]?.label.zh ?? '?'));
      expect(header, id).toBeGreaterThan(0);
      const body = rows.slice(header + 1);
      compareRows(body, table.columns, table.rows, id);
      if (table.totals !== null) compareRows(body.slice(table.rows.length), table.columns, [{ cells: table.totals }], `${id} totals`);
      expect(body.length, id).toBe(table.rows.length + (table.totals === null ? 0 : 1));
      const detail = table.detail ?? null;
      if (detail !== null) compareRows((await sheetRows(xlsx, detail.title.zh)).slice(2), detail.columns, detail.rows, `${id} detail`);
    }
  });

  it('neutralises text that would start a formula, has no formula, and shows an administrator no full ID', async () => {
    const file = expectOk(await app.dispatcher.invoke('reports.xlsx', { id: 'clientMovement', period: '2026-10' }, { session: adminSession }));
    expect(file.fileName).toBe('客户变动_南京分行_2026-10.xlsx');
    const parts = unzipSync(Buffer.from(file.base64, 'base64'));
    const xml = Object.entries(parts)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(xml).not.toMatch(/<f[ >]/);
    const strings = [...strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1] ?? '');
    expect(strings).toContain("'=1+2");
    expect(strings.filter((s) => /^[=+\-@]/.test(s))).toEqual([]);
    for (const full of Object.values(IDS)) expect(xml).not.toContain(full);
    expect(strings).toContain(`3201**********${IDS.B.slice(-4)}`);
    // A supervisor may see the numbers in full.
    const theirs = expectOk(await app.dispatcher.invoke('reports.xlsx', { id: 'clientMovement', period: '2026-10' }, { session: supervisorOf(book.units.S1) }));
    expect(strFromU8(unzipSync(Buffer.from(theirs.base64, 'base64'))['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain(IDS.A);
  });

  it('writes every print and export to the audit log with the report and its params; viewing is not an export', async () => {
    const db = app.services.store.db;
    const before = db.prepare("SELECT max(id) FROM audit_log").pluck().get() as number;
    expectOk(await app.dispatcher.invoke('reports.xlsx', { id: 'assignmentChanges', period: '2026-10', orgUnitId: book.units.S1 }, { session: adminSession }));
    expectOk(await app.dispatcher.invoke('reports.pdf', { id: 'contactCoverage', period: '2026-10' }, { session: adminSession }));
    const entries = db.prepare('SELECT action, outcome, entity, entity_id AS entityId, after FROM audit_log WHERE id > ? ORDER BY id').all(before) as Array<{ action: string; outcome: string; entity: string; entityId: string; after: string }>;
    expect(entries.map((e) => [e.action, e.outcome, e.entity, e.entityId])).toEqual([
      ['reports.xlsx', 'ok', 'report', 'assignmentChanges'],
      ['reports.pdf', 'ok', 'report', 'contactCoverage'],
    ]);
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({ params: { period: '2026-10', orgUnitId: book.units.S1 }, scope: '城东支行 · 2026-10', fileName: '管户变更_城东支行_2026-10.xlsx' });
    // A refused export is written too (the scope check runs in the handler, so the dispatcher records it as failed).
    const zg = supervisorOf(book.units.S1);
    expect(await app.dispatcher.invoke('reports.pdf', { id: 'clientMovement', period: '2026-10', orgUnitId: book.units.S2 }, { session: zg })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const last = db.prepare('SELECT action, outcome FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; outcome: string };
    expect(last).toEqual({ action: 'reports.pdf', outcome: 'failed' });
    const viewed = db.prepare("SELECT max(id) FROM audit_log").pluck().get() as number;
    expectOk(await app.dispatcher.invoke('reports.view', { id: 'clientMovement', period: '2026-10' }, { session: adminSession }));
    expect(db.prepare("SELECT max(id) FROM audit_log").pluck().get()).toBe(viewed);
  });
});

describe('command line (after `npm run build -- --no-renderer`)', () => {
  it('branch-workbench report prints the same table as the app and writes the PDF and workbook', async () => {
    const db = path.join(t.dir, 'workspace.db');
    const pdf = path.join(files.dir, 'cli.pdf');
    const xlsx = path.join(files.dir, 'cli.xlsx');
    const r = runCli(['report', '--db', db, '--id', 'clientMovement', '--period', '2026-10', '--unit', 'S1', '--json', '--pdf', pdf, '--xlsx', xlsx]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as ReportTable & { files: string[] };
    const app1 = expectOk(await app.dispatcher.invoke('reports.view', { id: 'clientMovement', period: '2026-10', orgUnitId: book.units.S1 }, { session: adminSession }));
    expect(out.rows).toEqual(app1.rows);
    expect(out.totals).toEqual(app1.totals);
    expect(out.files).toEqual([pdf, xlsx]);
    expect(squash(pdfText(pdf))).toContain('城东支行·2026-10');
    expect((await sheetRows(xlsx, '客户变动'))[1]).toEqual(['机构 · 期间', '城东支行 · 2026-10']);
    const text = runCli(['report', '--db', db, '--id', 'assignmentChanges', '--period', '2026-10']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('管户变更 Assignment changes · 南京分行 · 2026-10');
    expect(text.stdout).toMatch(/合计\t\t\t1\t0\t0\t1\t2\t2\t0/);
    expect(runCli(['report', '--db', db, '--id', 'nope', '--period', '2026-10']).status).toBe(2);
    expect(runCli(['report', '--db', db, '--id', 'clientMovement', '--period', '2026-10', '--unit', 'XX']).status).toBe(2);
  });
});
