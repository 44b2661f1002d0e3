import { columnIndex } from '../../shared/reports/template.js';
import { decodeOoxmlEscapes, decodeXml, parseAttrs } from '../import/xlsx/xml-scan.js';

/**
 * A worksheet part located rather than parsed: every row and cell of `<sheetData>` with its byte offsets in the
 * XML text, so the filler can splice new cells in and leave every other byte of the part as the writing program
 * left it (attribute quoting, namespace prefixes, whitespace, extensions it does not know).
 */
export interface XmlTag {
  kind: 'open' | 'close' | 'empty';
  /** Local name (a prefix such as `x:` dropped). */
  name: string;
  /** The prefix with its colon ('' or 'x:'). */
  prefix: string;
  /** The raw attribute text. */
  attrs: string;
  start: number;
  end: number;
}

export interface FormulaNode {
  type: 'normal' | 'shared' | 'array' | 'dataTable';
  /** Shared formulas: the group index. */
  si: string | null;
  /** Shared masters and arrays: the range the formula covers. */
  ref: string | null;
  /** The formula text (empty on a shared formula's dependent cells). */
  text: string;
  start: number;
  end: number;
}

export interface CellNode {
  row: number;
  col: number;
  start: number;
  end: number;
  /** The `<c …>` start tag. */
  tag: XmlTag;
  hasRef: boolean;
  style: number | null;
  type: string;
  formula: FormulaNode | null;
  /** The `<v>` text, decoded. */
  value: string | null;
  /** An inline string's text (phonetic runs left out). */
  inline: string | null;
}

export interface RowNode {
  row: number;
  start: number;
  end: number;
  tag: XmlTag;
  hasRef: boolean;
  /** Where `</row>` starts (equals `end` for `<row/>`). */
  closeStart: number;
  cells: CellNode[];
  /** A row style that applies to new cells (`s` with `customFormat="1"`). */
  style: number | null;
}

export interface ColumnStyle {
  min: number;
  max: number;
  style: number;
}

export interface SheetIndex {
  xml: string;
  prefix: string;
  sheetData: { start: number; innerStart: number; innerEnd: number; end: number; tag: XmlTag; empty: boolean };
  rows: RowNode[];
  dimension: XmlTag | null;
  merges: string[];
  columns: ColumnStyle[];
}

export class SheetXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetXmlError';
  }
}

/** Index of the `>` ending a tag that starts at `from`, skipping quoted attribute values. */
function tagClose(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/** Space, '/' or '>': where a tag's name ends. */
const isNameEnd = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

/** The next element tag at or after `from`; comments, processing instructions, CDATA and DOCTYPE are skipped. */
export function nextTag(xml: string, from: number): XmlTag | null {
  let at = from;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) return null;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      const [open, close] = xml.startsWith('<!--', lt) ? ['<!--', '-->'] : xml.startsWith('<![CDATA[', lt) ? ['<![CDATA[', ']]>'] : ['<!', '>'];
      const end = xml.indexOf(close, lt + open.length);
      if (end < 0) throw new SheetXmlError('unterminated markup declaration');
      at = end + close.length;
      continue;
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new SheetXmlError('unterminated processing instruction');
      at = end + 2;
      continue;
    }
    const gt = tagClose(xml, lt + 1);
    if (gt < 0) throw new SheetXmlError('a tag is not closed');
    if (next === 47 /* / */) {
      const qname = xml.slice(lt + 2, gt).trim();
      const colon = qname.indexOf(':');
      return { kind: 'close', name: qname.slice(colon + 1), prefix: colon < 0 ? '' : qname.slice(0, colon + 1), attrs: '', start: lt, end: gt + 1 };
    }
    let nameEnd = lt + 1;
    while (nameEnd < gt && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    const qname = xml.slice(lt + 1, nameEnd);
    const colon = qname.indexOf(':');
    const empty = xml.charCodeAt(gt - 1) === 47;
    return {
      kind: empty ? 'empty' : 'open',
      name: qname.slice(colon + 1),
      prefix: colon < 0 ? '' : qname.slice(0, colon + 1),
      attrs: xml.slice(nameEnd, empty ? gt - 1 : gt),
      start: lt,
      end: gt + 1,
    };
  }
}

export function attrMap(attrs: string): Map<string, string> {
  const pairs: string[] = [];
  const n = parseAttrs(attrs, pairs);
  const out = new Map<string, string>();
  for (let k = 0; k < n; k += 2) out.set(pairs[k] ?? '', pairs[k + 1] ?? '');
  return out;
}

/** Position of the end tag closing the element opened by `open` (same local name, nesting counted). */
function closingOf(xml: string, open: XmlTag): XmlTag {
  let depth = 1;
  let at = open.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (t === null) throw new SheetXmlError(`<${open.name}> is not closed`);
    if (t.name === open.name) {
      if (t.kind === 'open') depth++;
      else if (t.kind === 'close' && --depth === 0) return t;
    }
    at = t.end;
  }
}

const REF_PARTS = /^([A-Za-z]{1,3})(\d+)$/;

function inlineText(xml: string, from: number, to: number): string {
  // The runs of an inline string; phonetic guides (<rPh>) are not part of the text.
  const body = xml.slice(from, to).replace(/<(\w+:)?rPh[\s>][\s\S]*?<\/(\w+:)?rPh>/g, '');
  let text = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1] ?? '';
  return decodeOoxmlEscapes(decodeXml(text));
}

function readCell(xml: string, tag: XmlTag, row: number, previousCol: number): CellNode {
  const attrs = attrMap(tag.attrs);
  const r = attrs.get('r');
  const parts = r === undefined ? null : REF_PARTS.exec(r);
  const col = parts === null ? previousCol + 1 : columnIndex(parts[1] ?? 'A');
  const s = attrs.get('s');
  const cell: CellNode = {
    row,
    col,
    start: tag.start,
    end: tag.end,
    tag,
    hasRef: parts !== null,
    style: s === undefined || !/^\d+$/.test(s) ? null : Number(s),
    type: attrs.get('t') ?? 'n',
    formula: null,
    value: null,
    inline: null,
  };
  if (tag.kind === 'empty') return cell;
  let at = tag.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (t === null) throw new SheetXmlError(`cell ${r ?? ''} in row ${row} is not closed`);
    if (t.kind === 'close' && t.name === 'c') {
      cell.end = t.end;
      return cell;
    }
    if (t.name === 'f' && t.kind !== 'close') {
      const fa = attrMap(t.attrs);
      const close = t.kind === 'empty' ? t : closingOf(xml, t);
      const type = fa.get('t');
      cell.formula = {
        type: type === 'shared' || type === 'array' || type === 'dataTable' ? type : 'normal',
        si: fa.get('si') ?? null,
        ref: fa.get('ref') ?? null,
        text: t.kind === 'empty' ? '' : decodeXml(xml.slice(t.end, close.start)),
        start: t.start,
        end: close.end,
      };
      at = close.end;
    } else if (t.name === 'v' && t.kind === 'open') {
      const close = closingOf(xml, t);
      cell.value = decodeXml(xml.slice(t.end, close.start));
      at = close.end;
    } else if (t.name === 'is' && t.kind === 'open') {
      const close = closingOf(xml, t);
      cell.inline = inlineText(xml, t.end, close.start);
      at = close.end;
    } else at = t.kind === 'open' && t.name !== 'c' ? closingOf(xml, t).end : t.end;
  }
}

function readRow(xml: string, tag: XmlTag, previousRow: number): RowNode {
  const attrs = attrMap(tag.attrs);
  const r = attrs.get('r');
  const hasRef = r !== undefined && /^\d+$/.test(r) && Number(r) > 0;
  const rowNo = hasRef ? Number(r) : previousRow + 1;
  const s = attrs.get('s');
  const custom = attrs.get('customFormat');
  const node: RowNode = {
    row: rowNo,
    start: tag.start,
    end: tag.end,
    tag,
    hasRef,
    closeStart: tag.end,
    cells: [],
    style: s !== undefined && /^\d+$/.test(s) && (custom === '1' || custom === 'true') ? Number(s) : null,
  };
  if (tag.kind === 'empty') return node;
  let at = tag.end;
  let col = -1;
  for (;;) {
    const t = nextTag(xml, at);
    if (t === null) throw new SheetXmlError(`row ${rowNo} is not closed`);
    if (t.kind === 'close' && t.name === 'row') {
      node.closeStart = t.start;
      node.end = t.end;
      return node;
    }
    if (t.name === 'c' && t.kind !== 'close') {
      const cell = readCell(xml, t, rowNo, col);
      node.cells.push(cell);
      col = cell.col;
      at = cell.end;
    } else at = t.kind === 'open' ? closingOf(xml, t).end : t.end;
  }
}

/** Locates the rows and cells of a worksheet part, its dimension, merged ranges and column styles. */
export function indexSheet(xml: string): SheetIndex {
  let at = 0;
  let root: XmlTag | null = null;
  let dimension: XmlTag | null = null;
  const columns: ColumnStyle[] = [];
  let sheetData: SheetIndex['sheetData'] | null = null;
  const rows: RowNode[] = [];
  const merges: string[] = [];
  for (;;) {
    const t = nextTag(xml, at);
    if (t === null) break;
    if (root === null) {
      if (t.name !== 'worksheet') throw new SheetXmlError(`the part is a <${t.name}>, not a worksheet`);
      root = t;
      at = t.end;
      continue;
    }
    if (t.name === 'dimension' && t.kind !== 'close') dimension = t;
    else if (t.name === 'col' && t.kind !== 'close') {
      const a = attrMap(t.attrs);
      const style = a.get('style');
      if (style !== undefined && /^\d+$/.test(style)) columns.push({ min: Number(a.get('min') ?? 0), max: Number(a.get('max') ?? 0), style: Number(style) });
    } else if (t.name === 'mergeCell' && t.kind !== 'close') {
      const ref = attrMap(t.attrs).get('ref');
      if (ref !== undefined) merges.push(ref);
    } else if (t.name === 'sheetData' && t.kind !== 'close') {
      if (t.kind === 'empty') {
        sheetData = { start: t.start, innerStart: t.end, innerEnd: t.end, end: t.end, tag: t, empty: true };
      } else {
        let inner = t.end;
        let previous = 0;
        for (;;) {
          const c = nextTag(xml, inner);
          if (c === null) throw new SheetXmlError('<sheetData> is not closed');
          if (c.kind === 'close' && c.name === 'sheetData') {
            sheetData = { start: t.start, innerStart: t.end, innerEnd: c.start, end: c.end, tag: t, empty: false };
            break;
          }
          if (c.name === 'row' && c.kind !== 'close') {
            const row = readRow(xml, c, previous);
            rows.push(row);
            previous = row.row;
            inner = row.end;
          } else inner = c.kind === 'open' ? closingOf(xml, c).end : c.end;
        }
      }
      at = sheetData.end;
      continue;
    } else if (t.kind === 'open' && t.name !== 'worksheet' && t.name !== 'mergeCells' && t.name !== 'cols') {
      // Anything else (sheetViews, extLst …) is skipped whole: a <col> inside an extension is not ours.
      at = closingOf(xml, t).end;
      continue;
    }
    at = t.end;
  }
  if (root === null) throw new SheetXmlError('the part is empty');
  if (sheetData === null) throw new SheetXmlError('the worksheet has no <sheetData>');
  return { xml, prefix: root.prefix, sheetData, rows, dimension, merges, columns };
}
