import { cellRef, parseRange, rangeRef } from '../../shared/reports/template.js';
import type { CellPosition, CellRange } from '../../shared/reports/template.js';
import { shiftFormula } from './formula-shift.js';
import type { CellNode, RowNode, SheetIndex } from './sheet-xml.js';

/** What goes into one cell: a number (exact decimal text), text (written as an inline string) or nothing. */
export type CellContent = { type: 'number'; text: string } | { type: 'text'; text: string } | { type: 'blank' };

export interface CellWrite extends CellPosition {
  content: CellContent;
}

export interface SheetEditResult {
  xml: string;
  /** Mapped cells that held a formula (now values): the workbook's calculation chain is stale then. */
  formulasReplaced: number;
}

/** A cell the filler must not write, named for the message. */
export class CellRefusedError extends Error {
  constructor(
    readonly cell: string,
    readonly reason: 'array',
    readonly range: string,
  ) {
    super(`${cell} is part of the array formula ${range}`);
    this.name = 'CellRefusedError';
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Text for a `<t>`: XML's own escapes, OOXML's `_xHHHH_` for characters XML 1.0 cannot carry, and an escaped
 * underscore where the text itself looks like such an escape (so Excel shows it literally).
 */
export function escapeCellText(text: string): string {
  let out = '';
  for (const ch of text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 38) out += '&amp;';
    else if (c === 60) out += '&lt;';
    else if (c === 62) out += '&gt;';
    // CR too: XML parsers would fold it into the line feed, Excel writes it so.
    else if ((c < 0x20 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff) out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    // A lone surrogate (iteration yields it alone) cannot be written as UTF-8.
    else if (c >= 0xd800 && c <= 0xdfff) out += '\uFFFD';
    else out += ch;
  }
  return out;
}

const escapeFormula = (v: string): string => v.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

const escapeAttr = (v: string): string => v.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

/** Sets an attribute in a tag's raw attribute text, keeping its quoting when it exists, appending it otherwise. */
export function setAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*)(["'])[^"']*\\2`);
  if (re.test(attrs)) return attrs.replace(re, (_m, head: string, q: string) => `${head}${q}${escapeAttr(value)}${q}`);
  return `${attrs} ${name}="${escapeAttr(value)}"`;
}

const key = (row: number, col: number): number => row * 16_384 + col;

function cellXml(p: string, at: CellPosition, style: number | null, content: CellContent): string {
  const s = style === null ? '' : ` s="${style}"`;
  const r = cellRef(at);
  switch (content.type) {
    case 'blank':
      return `<${p}c r="${r}"${s}/>`;
    case 'number':
      if (!DECIMAL.test(content.text)) throw new Error(`not a decimal number: ${content.text}`);
      return `<${p}c r="${r}"${s}><${p}v>${content.text}</${p}v></${p}c>`;
    case 'text': {
      const space = /^\s|\s$|\n/.test(content.text) ? ' xml:space="preserve"' : '';
      return `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeCellText(content.text)}</${p}t></${p}is></${p}c>`;
    }
  }
}

/** The style a new cell takes, as Excel gives it: the row's (when the row is formatted), else its column's. */
function inheritedStyle(index: SheetIndex, row: RowNode | null, col: number): number | null {
  if (row?.style != null) return row.style;
  const c = index.columns.find((x) => col + 1 >= x.min && col + 1 <= x.max);
  return c === undefined ? null : c.style;
}

/** The cell's start tag with an explicit `r`, for unaddressed cells whose implied position an insertion would move. */
function addressed(xml: string, cell: CellNode): string {
  const p = cell.tag.prefix;
  // Past '<', the prefix and 'c': the rest of the tag and the cell as written.
  return `<${p}c r="${cellRef(cell)}"${xml.slice(cell.start + p.length + 2, cell.end)}`;
}

function bounding(cells: readonly CellPosition[]): CellRange | null {
  if (cells.length === 0) return null;
  let from = { ...(cells[0] as CellPosition) };
  let to = { ...from };
  for (const c of cells) {
    from = { row: Math.min(from.row, c.row), col: Math.min(from.col, c.col) };
    to = { row: Math.max(to.row, c.row), col: Math.max(to.col, c.col) };
  }
  return { from, to };
}

/**
 * Shared formulas whose first cell (the one holding the text) is overwritten: the next cell of the group takes
 * the text over, moved to its position, with the group's range narrowed to the cells still in it. Returns the
 * replacement XML for each such cell, by its start offset.
 */
function sharedTakeovers(index: SheetIndex, targets: ReadonlySet<number>): Map<number, string> {
  const groups = new Map<string, { master: CellNode | null; members: CellNode[] }>();
  for (const row of index.rows) {
    for (const cell of row.cells) {
      const f = cell.formula;
      if (f?.type !== 'shared' || f.si === null) continue;
      const g = groups.get(f.si) ?? { master: null, members: [] };
      if (f.ref !== null && f.text !== '') g.master = cell;
      else g.members.push(cell);
      groups.set(f.si, g);
    }
  }
  const out = new Map<number, string>();
  for (const [si, g] of groups) {
    const master = g.master;
    if (master?.formula == null || !targets.has(key(master.row, master.col))) continue;
    const remaining = g.members.filter((c) => !targets.has(key(c.row, c.col)));
    const heir = remaining[0];
    const area = bounding(remaining);
    if (heir?.formula == null || area === null) continue;
    const text = shiftFormula(master.formula.text, heir.row - master.row, heir.col - master.col);
    const p = heir.tag.prefix;
    const f = `<${p}f t="shared" ref="${rangeRef(area)}" si="${escapeAttr(si)}">${escapeFormula(text)}</${p}f>`;
    const xml = index.xml;
    const head = heir.hasRef ? xml.slice(heir.start, heir.formula.start) : `<${p}c r="${cellRef(heir)}"${xml.slice(heir.start + p.length + 2, heir.formula.start)}`;
    out.set(heir.start, head + f + xml.slice(heir.formula.end, heir.end));
  }
  return out;
}

function checkArrays(index: SheetIndex, writes: readonly CellWrite[]): void {
  for (const row of index.rows) {
    for (const cell of row.cells) {
      const f = cell.formula;
      if ((f?.type !== 'array' && f?.type !== 'dataTable') || f.ref === null) continue;
      const range = parseRange(f.ref);
      if (range === null) continue;
      const hit = writes.find((w) => w.row >= range.from.row && w.row <= range.to.row && w.col >= range.from.col && w.col <= range.to.col);
      if (hit !== undefined) throw new CellRefusedError(cellRef(hit), 'array', f.ref);
    }
  }
}

function widenSpans(attrs: string, cols: readonly number[]): string {
  const m = /\sspans\s*=\s*(["'])(\d+):(\d+)\1/.exec(attrs);
  if (m === null || cols.length === 0) return attrs;
  const lo = Math.min(Number(m[2]), ...cols.map((c) => c + 1));
  const hi = Math.max(Number(m[3]), ...cols.map((c) => c + 1));
  return setAttr(attrs, 'spans', `${lo}:${hi}`);
}

interface RowPlan {
  writes: Map<number, CellContent>;
}

/**
 * Writes the cells into the worksheet XML, changing nothing else: untouched rows and cells are copied byte for
 * byte; a written cell keeps its style (`s`) and loses its old value, type and formula; missing rows and cells
 * are created in order; unaddressed rows and cells after an insertion get their address so they stay where they were.
 */
export function editSheet(index: SheetIndex, writes: readonly CellWrite[]): SheetEditResult {
  const xml = index.xml;
  checkArrays(index, writes);
  const targets = new Set(writes.map((w) => key(w.row, w.col)));
  const takeovers = sharedTakeovers(index, targets);
  const byRow = new Map<number, RowPlan>();
  for (const w of writes) {
    const plan = byRow.get(w.row) ?? { writes: new Map<number, CellContent>() };
    plan.writes.set(w.col, w.content);
    byRow.set(w.row, plan);
  }
  const p = index.sheetData.tag.prefix;
  let formulasReplaced = 0;
  const existingRows = new Set(index.rows.map((r) => r.row));
  const newRowNumbers = [...byRow.keys()].filter((r) => !existingRows.has(r)).sort((a, b) => a - b);

  const newRowXml = (rowNo: number): string => {
    const plan = byRow.get(rowNo) as RowPlan;
    const cells = [...plan.writes.entries()].sort((a, b) => a[0] - b[0]).map(([col, content]) => cellXml(p, { row: rowNo, col }, inheritedStyle(index, null, col), content));
    return `<${p}row r="${rowNo}">${cells.join('')}</${p}row>`;
  };

  const rowXml = (row: RowNode, address: boolean): string => {
    const plan = byRow.get(row.row);
    const touched = row.cells.some((c) => takeovers.has(c.start));
    if (plan === undefined && !touched && !(address && !row.hasRef)) return xml.slice(row.start, row.end);
    let attrs = row.tag.attrs;
    if (!row.hasRef) attrs = ` r="${row.row}"${attrs}`;
    const existingCols = new Set(row.cells.map((c) => c.col));
    const added = plan === undefined ? [] : [...plan.writes.keys()].filter((c) => !existingCols.has(c)).sort((a, b) => a - b);
    attrs = widenSpans(attrs, added);
    let out = `<${row.tag.prefix}row${attrs}>`;
    let cursor = row.tag.kind === 'empty' ? row.end : row.tag.end;
    let inserted = false;
    let next = 0;
    for (const cell of row.cells) {
      out += xml.slice(cursor, cell.start);
      while (next < added.length && (added[next] as number) < cell.col) {
        const col = added[next++] as number;
        out += cellXml(p, { row: row.row, col }, inheritedStyle(index, row, col), plan?.writes.get(col) ?? { type: 'blank' });
        inserted = true;
      }
      const content = plan?.writes.get(cell.col);
      if (content !== undefined) {
        if (cell.formula !== null) formulasReplaced++;
        out += cellXml(p, cell, cell.style, content);
      } else {
        const body = takeovers.get(cell.start) ?? xml.slice(cell.start, cell.end);
        out += inserted && !cell.hasRef && !takeovers.has(cell.start) ? addressed(xml, cell) : body;
      }
      cursor = cell.end;
    }
    if (row.tag.kind === 'empty') {
      while (next < added.length) {
        const col = added[next++] as number;
        out += cellXml(p, { row: row.row, col }, inheritedStyle(index, row, col), plan?.writes.get(col) ?? { type: 'blank' });
      }
      return `${out}</${row.tag.prefix}row>`;
    }
    out += xml.slice(cursor, row.closeStart);
    while (next < added.length) {
      const col = added[next++] as number;
      out += cellXml(p, { row: row.row, col }, inheritedStyle(index, row, col), plan?.writes.get(col) ?? { type: 'blank' });
    }
    return out + xml.slice(row.closeStart, row.end);
  };

  const sd = index.sheetData;
  let body = '';
  let cursor = sd.innerStart;
  let pendingNew = 0;
  let address = false;
  for (const row of index.rows) {
    body += xml.slice(cursor, row.start);
    while (pendingNew < newRowNumbers.length && (newRowNumbers[pendingNew] as number) < row.row) {
      body += newRowXml(newRowNumbers[pendingNew++] as number);
      address = true;
    }
    body += rowXml(row, address);
    cursor = row.end;
  }
  body += xml.slice(cursor, sd.innerEnd);
  while (pendingNew < newRowNumbers.length) body += newRowXml(newRowNumbers[pendingNew++] as number);

  let head = xml.slice(0, sd.start);
  const dim = index.dimension;
  if (dim !== null && writes.length > 0) {
    const current = parseRange(/\sref\s*=\s*["']([^"']*)["']/.exec(dim.attrs)?.[1] ?? '');
    const all = bounding([...writes, ...(current === null ? [] : [current.from, current.to])]);
    if (all !== null) {
      const tag = `<${dim.prefix}dimension${setAttr(dim.attrs, 'ref', rangeRef(all))}${dim.kind === 'empty' ? '/>' : '>'}`;
      head = xml.slice(0, dim.start) + tag + xml.slice(dim.end, sd.start);
    }
  }
  const open = sd.empty ? `<${p}sheetData${sd.tag.attrs}>` : xml.slice(sd.start, sd.innerStart);
  const close = sd.empty ? `</${p}sheetData>` : xml.slice(sd.innerEnd, sd.end);
  return { xml: head + open + body + close + xml.slice(sd.end), formulasReplaced };
}
