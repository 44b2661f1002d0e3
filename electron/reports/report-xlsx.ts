import { cellKind, unitSuffix } from '../../shared/reports/format.js';
import type { ReportColumn, ReportColumnKind, ReportRow, ReportTable, ReportValue } from '../../shared/reports/report.js';
import type { ExportedFile } from '../../shared/api/ops/import.js';
import type { XlsxCell, XlsxSheet } from '../xlsx/build-xlsx.js';
import { columnLetters } from '../../shared/xlsx/cell-ref.js';
import { buildXlsx } from '../xlsx/build-xlsx.js';
import { reportTitle } from '../print/report-document.js';
import { pdfFileName } from '../print/printer.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hundredths (fen, points, basis points → percent) as the decimal number they stand for, via its exact text. */
function hundredthsNumber(v: number): number {
  const big = BigInt(v);
  const neg = big < 0n;
  const abs = neg ? -big : big;
  return Number(`${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`);
}

/**
 * A report value as a spreadsheet cell: yuan (from fen), points and percentages (from basis points) as numbers
 * shown with two decimals, counts as whole numbers, text as text (build-xlsx neutralises a leading = + - @).
 */
export function xlsxCell(kind: ReportColumnKind, value: ReportValue | undefined): XlsxCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (kind === 'fen' || kind === 'points' || kind === 'basisPoints') return { fixed2: hundredthsNumber(value) };
  return value;
}

function header(columns: readonly ReportColumn[], rows: readonly ReportRow[]): string[] {
  return columns.map((c) => {
    const mixed = rows.some((r) => r.kinds?.[c.key] !== undefined && r.kinds[c.key] !== c.kind);
    return `${c.label.zh}${mixed ? '' : unitSuffix(c.kind, 'zh')}`;
  });
}

const widthOf = (c: ReportColumn): number => (c.kind === 'text' ? Math.max(10, c.label.zh.length * 2 + 2) : c.kind === 'fen' ? 18 : 12);

export function reportSheets(table: ReportTable): XlsxSheet[] {
  const last = columnLetters(Math.max(0, table.columns.length - 1));
  const head: XlsxCell[][] = [
    [table.title.zh],
    ['机构 · 期间', table.scopeLabel],
    ['数据口径', table.basis.zh],
    ['生成', `${table.generatedBy ?? ''} · ${table.generatedAt}`],
    [],
  ];
  const rows: XlsxCell[][] = [...head, header(table.columns, table.rows)];
  for (const r of table.rows) rows.push(table.columns.map((c) => xlsxCell(cellKind(c, r), r.cells[c.key])));
  const bold = [1, head.length + 1];
  if (table.totals !== null) {
    const totals = table.totals;
    rows.push(table.columns.map((c) => xlsxCell(c.kind, totals[c.key])));
    bold.push(rows.length);
  }
  const sheets: XlsxSheet[] = [{ name: table.title.zh, rows, boldRows: bold, merges: [`A1:${last}1`], widths: table.columns.map(widthOf) }];
  const detail = table.detail ?? null;
  if (detail !== null) {
    const d: XlsxCell[][] = [[detail.title.zh], header(detail.columns, detail.rows)];
    for (const r of detail.rows) d.push(detail.columns.map((c) => xlsxCell(cellKind(c, r), r.cells[c.key])));
    if (detail.truncated !== null) d.push([`明细共 ${detail.truncated.total} 户，此处列出前 ${detail.truncated.limit} 户`]);
    sheets.push({ name: detail.title.zh, rows: d, boldRows: [1, 2], widths: detail.columns.map(widthOf) });
  }
  return sheets;
}

export function reportXlsx(table: ReportTable, now: Date): ExportedFile {
  const bytes = buildXlsx(reportSheets(table), { modifiedAt: now });
  return { fileName: pdfFileName({ title: reportTitle(table) }).replace(/\.pdf$/, '.xlsx'), mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}
