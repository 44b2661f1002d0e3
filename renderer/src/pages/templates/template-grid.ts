import type { TemplateCellInfo, TemplateSheetInfo } from '../../../../shared/api/ops/templates.js';
import type { ReportCatalogEntry } from '../../../../shared/reports/catalog.js';
import { HEADER_FIELD_LABELS, cellRef, columnLetters, mappingArea, parseRange } from '../../../../shared/reports/template.js';
import type { Figure, TemplateMapping } from '../../../../shared/reports/template.js';

/**
 * The template grid as the page draws it: the first rows and columns of a sheet with the template's own text,
 * merged ranges drawn as one cell, and each mapped cell (a spill's whole block) marked with its figure.
 */
export interface GridCell {
  ref: string;
  row: number;
  col: number;
  text: string;
  formula: boolean;
  rowSpan: number;
  colSpan: number;
  /** Covered by a merged range whose first cell is drawn instead. */
  covered: boolean;
  /** The mapping that writes here: `anchor` is its own cell, `area` the rest of a spill's block. */
  mapped: { index: number; role: 'anchor' | 'area' } | null;
}

export interface GridModel {
  rows: number;
  cols: number;
  cells: GridCell[][];
}

export const MAX_GRID_ROWS = 80;
export const MAX_GRID_COLS = 26;

/** How far to draw: the used range and every mapped area, plus a margin to map into, within the limits. */
export function gridSize(sheet: TemplateSheetInfo, mappings: readonly TemplateMapping[]): { rows: number; cols: number } {
  let rows = sheet.rows;
  let cols = sheet.cols;
  for (const m of mappings) {
    if (m.sheet !== sheet.name) continue;
    const area = mappingArea(m);
    if (area === null) continue;
    rows = Math.max(rows, area.to.row);
    cols = Math.max(cols, area.to.col + 1);
  }
  return { rows: Math.min(MAX_GRID_ROWS, Math.max(15, rows + 3)), cols: Math.min(MAX_GRID_COLS, Math.max(8, cols + 2)) };
}

export function gridModel(sheet: TemplateSheetInfo, mappings: readonly TemplateMapping[]): GridModel {
  const { rows, cols } = gridSize(sheet, mappings);
  const byRef = new Map<string, TemplateCellInfo>(sheet.cells.map((c) => [c.ref, c]));
  const cells: GridCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: GridCell[] = [];
    for (let c = 0; c < cols; c++) {
      const ref = cellRef({ row: r, col: c });
      const info = byRef.get(ref);
      line.push({ ref, row: r, col: c, text: info?.text ?? '', formula: info?.formula ?? false, rowSpan: 1, colSpan: 1, covered: false, mapped: null });
    }
    cells.push(line);
  }
  const at = (row: number, col: number): GridCell | undefined => (row >= 1 && row <= rows && col >= 0 && col < cols ? cells[row - 1]?.[col] : undefined);
  for (const merge of sheet.merges) {
    const range = parseRange(merge);
    const top = range === null ? undefined : at(range.from.row, range.from.col);
    if (range === null || top === undefined) continue;
    top.rowSpan = Math.min(range.to.row, rows) - range.from.row + 1;
    top.colSpan = Math.min(range.to.col, cols - 1) - range.from.col + 1;
    for (let r = range.from.row; r <= Math.min(range.to.row, rows); r++) {
      for (let c = range.from.col; c <= Math.min(range.to.col, cols - 1); c++) {
        const cell = at(r, c);
        if (cell !== undefined && cell !== top) cell.covered = true;
      }
    }
  }
  mappings.forEach((m, index) => {
    if (m.sheet !== sheet.name) return;
    const area = mappingArea(m);
    if (area === null) return;
    for (let r = area.from.row; r <= Math.min(area.to.row, rows); r++) {
      for (let c = area.from.col; c <= Math.min(area.to.col, cols - 1); c++) {
        const cell = at(r, c);
        if (cell !== undefined) cell.mapped = { index, role: r === area.from.row && c === area.from.col ? 'anchor' : 'area' };
      }
    }
  });
  return { rows, cols, cells };
}

export const columnHeaders = (cols: number): string[] => Array.from({ length: cols }, (_, i) => columnLetters(i));

/** A figure in a few words for the grid and the mapping list: 客户变动 · 320115001 · endAum. */
export function figureLabel(f: Figure, catalog: readonly ReportCatalogEntry[], lang: 'zh' | 'en'): string {
  if (f.kind === 'header') return HEADER_FIELD_LABELS[f.field][lang];
  const title = catalog.find((e) => e.id === f.report)?.title[lang] ?? f.report;
  const units = [f.moneyUnit === 'wan' ? (lang === 'zh' ? '万元' : '10k yuan') : null, f.ratioUnit === 'percent' ? '%' : null].filter((u) => u !== null);
  const suffix = units.length === 0 ? '' : ` (${units.join(', ')})`;
  switch (f.kind) {
    case 'cell':
      return `${title} · ${f.rowKey} · ${f.column}${suffix}`;
    case 'total':
      return `${title} · ${lang === 'zh' ? '合计' : 'totals'} · ${f.column}${suffix}`;
    case 'spill':
      return `${title} ↓ ${f.columns.join(lang === 'zh' ? '、' : ', ')} (≤ ${f.maxRows}${lang === 'zh' ? ' 行' : ' rows'})${suffix}`;
  }
}

/** The mappings with the one for `cell` replaced (or removed when `figure` is null), in sheet order then cell order. */
export function withMapping(mappings: readonly TemplateMapping[], sheet: string, cell: string, figure: Figure | null): TemplateMapping[] {
  const rest = mappings.filter((m) => !(m.sheet === sheet && m.cell === cell));
  return figure === null ? rest : [...rest, { sheet, cell, figure }];
}

/** File bytes → base64 for the upload (the browser has no Buffer); in chunks, as one huge apply() would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(binary);
}
