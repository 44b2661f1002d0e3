import type { TemplateProblemInfo } from '../../shared/api/ops/templates.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import { REPORT_CATALOG } from '../../shared/reports/catalog.js';
import { cellKind } from '../../shared/reports/format.js';
import type { ReportColumn, ReportColumnKind, ReportId, ReportRow, ReportTable, ReportValue } from '../../shared/reports/report.js';
import type { HeaderField, MoneyUnit, RatioUnit, TemplateMapping } from '../../shared/reports/template.js';
import { cellRef, parseCellRef } from '../../shared/reports/template.js';
import type { FillCell, FillValue } from './fill-xlsx.js';

/**
 * From mappings and the period's reports to the values of the template's cells. All arithmetic is on integers:
 * fen become 元 (or 万元) and basis points a fraction (or a percentage) by moving the decimal point in the
 * digits, never through a binary float, so 1234567 fen is written as exactly 12345.67.
 */
export interface HeaderValues {
  period: string;
  periodLabel: string;
  unitName: string;
  unitCode: string;
  /** ISO dates. */
  asOf: string;
  generatedAt: string;
  preparedBy: string;
}

/** `n` × 10^-places as the shortest exact decimal text ('-0.05', '12345.67', '3'). */
export function scaledDecimal(n: number | bigint, places: number): string {
  const big = BigInt(n);
  const neg = big < 0n;
  const abs = (neg ? -big : big).toString().padStart(places + 1, '0');
  const int = abs.slice(0, abs.length - places);
  const frac = abs.slice(abs.length - places).replace(/0+$/, '');
  const text = frac === '' ? int : `${int}.${frac}`;
  return neg && text !== '0' ? `-${text}` : text;
}

export interface Units {
  moneyUnit?: MoneyUnit | undefined;
  ratioUnit?: RatioUnit | undefined;
}

/** A report value as a template cell value, by the column's kind and the mapping's units. */
export function cellValue(kind: ReportColumnKind, value: ReportValue | undefined, units: Units): FillValue {
  if (value === null || value === undefined) return { type: 'blank' };
  if (typeof value === 'string') {
    if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { type: 'date', iso: value };
    return { type: 'text', text: value };
  }
  if (!Number.isSafeInteger(value)) return { type: 'text', text: String(value) };
  switch (kind) {
    case 'fen':
      return { type: 'number', text: scaledDecimal(value, units.moneyUnit === 'wan' ? 6 : 2) };
    case 'points':
      return { type: 'number', text: scaledDecimal(value, 2) };
    case 'basisPoints':
      return { type: 'number', text: scaledDecimal(value, units.ratioUnit === 'percent' ? 2 : 4) };
    case 'count':
      return { type: 'number', text: String(value) };
    default:
      return { type: 'text', text: String(value) };
  }
}

export function headerValue(field: HeaderField, h: HeaderValues): FillValue {
  switch (field) {
    case 'asOf':
    case 'generatedAt':
      return { type: 'date', iso: h[field] };
    default:
      return { type: 'text', text: h[field] };
  }
}

const titleOf = (id: ReportId): LocalizedText => REPORT_CATALOG.find((e) => e.id === id)?.title ?? { zh: id, en: id };

function warn(m: TemplateMapping, zh: string, en: string): TemplateProblemInfo {
  return { sheet: m.sheet, cell: m.cell, message: { zh: `工作表「${m.sheet}」${m.cell}：${zh}`, en: `Sheet "${m.sheet}", ${m.cell}: ${en}` } };
}

export interface FilledCells {
  cells: FillCell[];
  warnings: TemplateProblemInfo[];
}

/**
 * The cells to write for each mapping. What the period's report does not have is left empty and named in a
 * warning (a row key, a column, a totals row); a spill writes its rows in report order and clears the rest of
 * its block (cells there that hold something), and says when the report had more rows than the block.
 */
export function templateCells(mappings: readonly TemplateMapping[], reports: ReadonlyMap<ReportId, ReportTable>, header: HeaderValues, period: string): FilledCells {
  const cells: FillCell[] = [];
  const warnings: TemplateProblemInfo[] = [];
  for (const m of mappings) {
    const f = m.figure;
    if (f.kind === 'header') {
      cells.push({ sheet: m.sheet, cell: m.cell, value: headerValue(f.field, header) });
      continue;
    }
    const table = reports.get(f.report);
    if (table === undefined) throw new Error(`report ${f.report} was not built`);
    const title = titleOf(f.report);
    const units: Units = { moneyUnit: f.moneyUnit, ratioUnit: f.ratioUnit };
    const columnOf = (key: string): ReportColumn | undefined => {
      const c = table.columns.find((x) => x.key === key);
      if (c === undefined) warnings.push(warn(m, `报表「${title.zh}」${period} 没有列 ${key}，留空`, `report "${title.en}" has no column ${key} for ${period}; left empty`));
      return c;
    };
    if (f.kind === 'cell') {
      const column = columnOf(f.column);
      const row = table.rows.find((r) => r.key === f.rowKey);
      if (row === undefined) warnings.push(warn(m, `报表「${title.zh}」${period} 没有行 ${f.rowKey}（不在数据或您的管辖范围内），留空`, `report "${title.en}" has no row ${f.rowKey} for ${period} (not in the data or outside your scope); left empty`));
      cells.push({ sheet: m.sheet, cell: m.cell, value: column === undefined || row === undefined ? { type: 'blank' } : cellValue(cellKind(column, row), row.cells[column.key], units) });
    } else if (f.kind === 'total') {
      const column = columnOf(f.column);
      if (table.totals === null) warnings.push(warn(m, `报表「${title.zh}」${period} 没有合计行，留空`, `report "${title.en}" has no totals row for ${period}; left empty`));
      cells.push({ sheet: m.sheet, cell: m.cell, value: column === undefined || table.totals === null ? { type: 'blank' } : cellValue(column.kind, table.totals[column.key], units) });
    } else {
      const start = parseCellRef(m.cell);
      if (start === null) throw new Error(`bad cell ${m.cell}`);
      const columns = f.columns.map(columnOf);
      if (table.rows.length > f.maxRows) {
        warnings.push(warn(m, `报表「${title.zh}」${period} 共 ${table.rows.length} 行，只填了前 ${f.maxRows} 行`, `report "${title.en}" has ${table.rows.length} rows for ${period}; only the first ${f.maxRows} were filled`));
      }
      for (let i = 0; i < f.maxRows; i++) {
        const row: ReportRow | undefined = table.rows[i];
        columns.forEach((column, j) => {
          const at = cellRef({ row: start.row + i, col: start.col + j });
          const value: FillValue = row === undefined || column === undefined ? { type: 'blank' } : cellValue(cellKind(column, row), row.cells[column.key], units);
          cells.push({ sheet: m.sheet, cell: at, value });
        });
      }
    }
  }
  return { cells, warnings };
}
