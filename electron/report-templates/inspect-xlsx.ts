import type { TemplateCellInfo, TemplateSheetInfo } from '../../shared/api/ops/templates.js';
import { cellRef, parseRange, rangeRef } from '../../shared/reports/template.js';
import type { CellRange, TemplateSheetShape } from '../../shared/reports/template.js';
import { cellText } from '../import/xlsx/cell-text.js';
import type { CellTextContext } from '../import/xlsx/cell-text.js';
import type { CellNode } from './sheet-xml.js';
import { SheetXmlError, indexSheet } from './sheet-xml.js';
import type { TemplatePackage } from './workbook-package.js';

/** The part of each sheet sent to the page's grid: enough to find the labels a head-office layout carries. */
export const GRID_ROWS = 200;
export const GRID_COLS = 40;

function textOf(cell: CellNode, ctx: CellTextContext): string {
  return cellText(cell.type, cell.value ?? '', cell.inline ?? null, cell.style, ctx);
}

/** Every sheet: its used range, merged ranges, array formulas and the text of its first rows and columns. */
export function inspectTemplate(pkg: TemplatePackage): TemplateSheetInfo[] {
  // The shared strings are read only when a cell refers to them.
  const ctx: CellTextContext = {
    get sharedStrings() {
      return pkg.sharedStrings();
    },
    dateStyles: pkg.dateStyles,
    date1904: pkg.date1904,
  };
  return pkg.sheets.map((sheet): TemplateSheetInfo => {
    const base = { name: sheet.name, state: sheet.state, usedRange: null, rows: 0, cols: 0, merges: [], arrayFormulas: [], cells: [], truncated: false };
    if (!sheet.worksheet || !pkg.byKey.has(sheet.part)) return { ...base, worksheet: false };
    let index;
    try {
      index = indexSheet(pkg.text(sheet.part));
    } catch (e) {
      if (e instanceof SheetXmlError) return { ...base, worksheet: false };
      throw e;
    }
    const cells: TemplateCellInfo[] = [];
    const arrays: string[] = [];
    let used: CellRange | null = null;
    let truncated = false;
    for (const row of index.rows) {
      for (const cell of row.cells) {
        const f = cell.formula;
        if ((f?.type === 'array' || f?.type === 'dataTable') && f.ref !== null) arrays.push(f.ref);
        const text = textOf(cell, ctx);
        if (text === '' && f === null) continue;
        used =
          used === null
            ? { from: { row: cell.row, col: cell.col }, to: { row: cell.row, col: cell.col } }
            : { from: { row: Math.min(used.from.row, cell.row), col: Math.min(used.from.col, cell.col) }, to: { row: Math.max(used.to.row, cell.row), col: Math.max(used.to.col, cell.col) } };
        if (cell.row > GRID_ROWS || cell.col >= GRID_COLS) {
          truncated = true;
          continue;
        }
        cells.push({ ref: cellRef(cell), text, formula: f !== null, ...(cell.style !== null && pkg.dateStyles[cell.style] === true ? { date: true } : {}) });
      }
    }
    for (const m of index.merges) {
      const r = parseRange(m);
      if (r !== null && used !== null) used = { from: { row: Math.min(used.from.row, r.from.row), col: Math.min(used.from.col, r.from.col) }, to: { row: Math.max(used.to.row, r.to.row), col: Math.max(used.to.col, r.to.col) } };
    }
    const u: CellRange | null = used;
    return {
      ...base,
      worksheet: true,
      usedRange: u === null ? null : rangeRef(u),
      rows: u === null ? 0 : u.to.row,
      cols: u === null ? 0 : u.to.col + 1,
      merges: index.merges,
      arrayFormulas: arrays,
      cells,
      truncated,
    };
  });
}

/** What mapping validation needs of each worksheet. */
export function templateShapes(sheets: readonly TemplateSheetInfo[]): TemplateSheetShape[] {
  return sheets.filter((s) => s.worksheet).map((s) => ({ name: s.name, merges: s.merges, arrayFormulas: s.arrayFormulas }));
}
