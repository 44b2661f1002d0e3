import { columnIndex, columnLetters } from '../xlsx/cell-ref.js';
import { z } from 'zod';
import type { LocalizedText } from '../i18n/locale.js';
import { REPORT_CATALOG } from './catalog.js';
import { REPORT_IDS } from './report.js';
import type { ReportColumn, ReportId } from './report.js';

/**
 * Report templates (报表模板, issue 9): head office prescribes a workbook; the supervisor maps cells of it to the
 * workbench's figures and the workbench fills them. A mapping ties one template cell (sheet + A1 reference) to
 * - `cell`: one value of a standard report (report, row key, column),
 * - `total`: a value of the report's totals row,
 * - `spill`: report columns written downward from the cell, one row per report row in report order, at most
 *   `maxRows` rows (the columns side by side, left to right),
 * - `header`: a value about the fill itself (period, unit, dates, who prepared it).
 */

/** Excel's limits: XFD columns, 1,048,576 rows. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

export interface CellPosition {
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** 0-based (A = 0). */
  col: number;
}

export interface CellRange {
  from: CellPosition;
  to: CellPosition;
}

export { columnIndex, columnLetters };

const A1 = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})$/;

/** 'B12' (or '$B$12', any case) → { row: 12, col: 1 }; null when it is not a cell of a worksheet. */
export function parseCellRef(ref: string): CellPosition | null {
  const m = A1.exec(ref.trim());
  if (m === null) return null;
  const col = columnIndex(m[2] ?? '');
  const row = Number(m[4]);
  return col < MAX_COLUMNS && row <= MAX_ROWS ? { row, col } : null;
}

export const cellRef = (p: CellPosition): string => `${columnLetters(p.col)}${p.row}`;

/** 'A1:B2' or a single cell 'C3' as a range; null when malformed. */
export function parseRange(ref: string): CellRange | null {
  const [a, b, extra] = ref.trim().split(':');
  if (a === undefined || extra !== undefined) return null;
  const from = parseCellRef(a);
  const to = b === undefined ? from : parseCellRef(b);
  if (from === null || to === null) return null;
  return { from: { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col) }, to: { row: Math.max(from.row, to.row), col: Math.max(from.col, to.col) } };
}

export const rangeRef = (r: CellRange): string => (r.from.row === r.to.row && r.from.col === r.to.col ? cellRef(r.from) : `${cellRef(r.from)}:${cellRef(r.to)}`);

export const inRange = (r: CellRange, p: CellPosition): boolean => p.row >= r.from.row && p.row <= r.to.row && p.col >= r.from.col && p.col <= r.to.col;

export const HEADER_FIELDS = ['period', 'periodLabel', 'unitName', 'unitCode', 'asOf', 'generatedAt', 'preparedBy'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export const HEADER_FIELD_LABELS: Readonly<Record<HeaderField, LocalizedText>> = {
  period: { zh: '报告期（代码，如 2026-10）', en: 'Period (code, e.g. 2026-10)' },
  periodLabel: { zh: '报告期（如 2026年10月）', en: 'Period (e.g. October 2026)' },
  unitName: { zh: '机构名称', en: 'Org unit name' },
  unitCode: { zh: '机构号', en: 'Org unit code' },
  asOf: { zh: '数据截止日', en: 'Data as of' },
  generatedAt: { zh: '填报日期', en: 'Date filled' },
  preparedBy: { zh: '填报人', en: 'Prepared by' },
};

/** Money is stored in fen; a template shows 元 or 万元. Ratios are basis points; a template wants 0.1234 or 12.34. */
export const MONEY_UNITS = ['yuan', 'wan'] as const;
export const RATIO_UNITS = ['fraction', 'percent'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
export type RatioUnit = (typeof RATIO_UNITS)[number];

const reportId = z.enum(REPORT_IDS);
const columnKey = z.string().trim().min(1).max(64);
const units = { moneyUnit: z.enum(MONEY_UNITS).optional(), ratioUnit: z.enum(RATIO_UNITS).optional() };

export const figureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cell'), report: reportId, rowKey: z.string().trim().min(1).max(100), column: columnKey, ...units }).strict(),
  z.object({ kind: z.literal('total'), report: reportId, column: columnKey, ...units }).strict(),
  z.object({ kind: z.literal('spill'), report: reportId, columns: z.array(columnKey).min(1).max(50), maxRows: z.number().int().min(1).max(10_000), ...units }).strict(),
  z.object({ kind: z.literal('header'), field: z.enum(HEADER_FIELDS) }).strict(),
]);
export type Figure = z.infer<typeof figureSchema>;

export const templateMappingSchema = z
  .object({
    sheet: z.string().min(1).max(31),
    cell: z
      .string()
      .trim()
      .refine((c) => parseCellRef(c) !== null, 'expected a cell such as B3 (columns A–XFD, rows 1–1048576)')
      .transform((c) => cellRef(parseCellRef(c) as CellPosition)),
    figure: figureSchema,
  })
  .strict();
export type TemplateMapping = z.infer<typeof templateMappingSchema>;

export const templateMappingsSchema = z.array(templateMappingSchema).max(2_000);

/**
 * The columns of a report. A report's columns follow its data (one completion column per indicator with a target,
 * ranking by evaluation or by completion), so they are those of the report built for a period; undefined: not
 * known, not checked (filling checks again and names every cell it had to leave empty).
 */
export type ReportColumnsOf = (id: ReportId) => readonly ReportColumn[] | undefined;

/** What validation needs to know of a template's sheet. */
export interface TemplateSheetShape {
  name: string;
  /** Merged ranges, e.g. 'A1:D1'. */
  merges: readonly string[];
  /** Ranges of array formulas (Excel refuses to change part of an array). */
  arrayFormulas: readonly string[];
}

export interface TemplateProblem {
  sheet: string;
  cell: string;
  text: LocalizedText;
}

/** The cells a mapping writes: one, or the spill's block (columns × maxRows). */
export function mappingArea(m: TemplateMapping): CellRange | null {
  const at = parseCellRef(m.cell);
  if (at === null) return null;
  if (m.figure.kind !== 'spill') return { from: at, to: at };
  return { from: at, to: { row: at.row + m.figure.maxRows - 1, col: at.col + m.figure.columns.length - 1 } };
}

const where = (m: TemplateMapping): LocalizedText => ({ zh: `工作表「${m.sheet}」${m.cell} 单元格`, en: `Sheet "${m.sheet}", cell ${m.cell}` });

function problem(m: TemplateMapping, zh: string, en: string): TemplateProblem {
  const w = where(m);
  return { sheet: m.sheet, cell: m.cell, text: { zh: `${w.zh}：${zh}`, en: `${w.en}: ${en}` } };
}

/** The first cell of `area` inside the merged range other than its top-left one (which alone shows), if any. */
function hiddenCell(merge: CellRange, area: CellRange): CellPosition | null {
  const from = { row: Math.max(merge.from.row, area.from.row), col: Math.max(merge.from.col, area.from.col) };
  const to = { row: Math.min(merge.to.row, area.to.row), col: Math.min(merge.to.col, area.to.col) };
  if (from.row > to.row || from.col > to.col) return null;
  if (from.row !== merge.from.row || from.col !== merge.from.col) return from;
  if (to.col > from.col) return { row: from.row, col: from.col + 1 };
  if (to.row > from.row) return { row: from.row + 1, col: from.col };
  return null;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.from.row <= b.to.row && b.from.row <= a.to.row && a.from.col <= b.to.col && b.from.col <= a.to.col;
}

/**
 * Every problem of a set of mappings against the template's sheets and the report catalog, each naming its cell:
 * unknown sheets, cells beyond the sheet's edge, columns a report does not have, two mappings writing one cell, a
 * cell hidden inside a merged range, a cell inside an array formula. Row keys are data and are checked when
 * filling (a row missing then leaves the cell empty with a warning).
 */
export function checkMappings(
  mappings: readonly TemplateMapping[],
  sheets: readonly TemplateSheetShape[],
  columnsOf?: ReportColumnsOf,
  forPeriod?: string,
): TemplateProblem[] {
  const period = forPeriod === undefined ? { zh: '', en: '' } : { zh: `在 ${forPeriod} 期`, en: ` in ${forPeriod}` };
  const problems: TemplateProblem[] = [];
  const placed: Array<{ m: TemplateMapping; area: CellRange }> = [];
  for (const m of mappings) {
    const sheet = sheets.find((s) => s.name === m.sheet);
    if (sheet === undefined) {
      problems.push(problem(m, `模板中没有工作表「${m.sheet}」`, `the template has no sheet "${m.sheet}"`));
      continue;
    }
    const area = mappingArea(m);
    if (area === null) {
      problems.push(problem(m, '不是有效的单元格地址', 'not a valid cell reference'));
      continue;
    }
    if (area.to.row > MAX_ROWS || area.to.col >= MAX_COLUMNS) {
      problems.push(problem(m, `填充区域 ${rangeRef(area)} 超出工作表边界（最多 XFD 列、1048576 行）`, `the area ${rangeRef(area)} runs past the sheet's edge (column XFD, row 1048576)`));
      continue;
    }
    const f = m.figure;
    if (f.kind !== 'header') {
      const columns = columnsOf?.(f.report);
      const title = REPORT_CATALOG.find((e) => e.id === f.report)?.title ?? { zh: f.report, en: f.report };
      if (columns !== undefined) {
        const wanted = f.kind === 'spill' ? f.columns : [f.column];
        for (const key of wanted) {
          if (!columns.some((c) => c.key === key)) problems.push(problem(m, `报表「${title.zh}」${period.zh}没有列 ${key}`, `report "${title.en}" has no column ${key}${period.en}`));
        }
      }
    }
    for (const merge of sheet.merges) {
      const r = parseRange(merge);
      const hidden = r === null ? null : hiddenCell(r, area);
      if (r !== null && hidden !== null) {
        const top = cellRef(r.from);
        problems.push(problem(m, `${cellRef(hidden)} 位于合并单元格 ${merge} 内，写入的值不会显示；请映射到 ${top}`, `${cellRef(hidden)} lies inside the merged range ${merge} and would not show; map ${top} instead`));
      }
    }
    for (const array of sheet.arrayFormulas) {
      const r = parseRange(array);
      if (r !== null && overlaps(r, area)) problems.push(problem(m, `与数组公式区域 ${array} 重叠，Excel 不允许只改数组的一部分`, `overlaps the array formula ${array}; Excel does not allow changing part of an array`));
    }
    for (const other of placed) {
      if (other.m.sheet === m.sheet && overlaps(other.area, area)) {
        problems.push(problem(m, `与 ${other.m.cell} 的映射写入同一单元格`, `writes to a cell the mapping of ${other.m.cell} also writes`));
      }
    }
    placed.push({ m, area });
  }
  return problems;
}

/** A one-line description of a figure, for lists and the audit log. */
export function describeFigure(f: Figure): string {
  switch (f.kind) {
    case 'cell':
      return `${f.report}[${f.rowKey}].${f.column}`;
    case 'total':
      return `${f.report}[合计 totals].${f.column}`;
    case 'spill':
      return `${f.report}.{${f.columns.join(',')}} ↓${f.maxRows}`;
    case 'header':
      return `header.${f.field}`;
  }
}
