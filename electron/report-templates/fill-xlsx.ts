import { parseCellRef } from '../../shared/reports/template.js';
import { neutraliseFormula } from '../export/safe-cell.js';
import { partKey } from '../import/xlsx/zip-entries.js';
import { rewriteZip } from '../zip/write.js';
import type { CellContent, CellWrite } from './sheet-edit.js';
import { editSheet, setAttr } from './sheet-edit.js';
import type { CellNode, RowNode, SheetIndex } from './sheet-xml.js';
import { attrMap, indexSheet, nextTag } from './sheet-xml.js';
import type { TemplatePackage } from './workbook-package.js';
import { TemplatePackageError, isoToSerial, openTemplatePackage } from './workbook-package.js';

/**
 * Fills cells of an .xlsx template and hands back the workbook with nothing else changed: the written sheets'
 * XML is spliced (sheet-edit.ts), every other zip entry is copied with its original compressed bytes. Text is
 * neutralised against formula injection and written as inline strings (the shared string table stays as it
 * was); numbers are written from exact decimal text; dates become serial days where the cell shows dates and
 * ISO text elsewhere. The workbook is set to recalculate when opened, since template formulas may add up the
 * filled cells, and the calculation chain is dropped when a filled cell held a formula (it would name a
 * formula that is gone, which Excel reports as damage).
 */
export type FillValue =
  | { type: 'number'; text: string }
  | { type: 'text'; text: string }
  | { type: 'date'; iso: string }
  /** Empties a cell that holds something (its style stays); creates nothing where there is nothing. */
  | { type: 'blank' };

export interface FillCell {
  sheet: string;
  /** A1 reference. */
  cell: string;
  value: FillValue;
}

export interface FillResult {
  bytes: Uint8Array;
  /** Zip parts rewritten (sheets, workbook) or dropped (calcChain), for the audit log and tests. */
  changedParts: string[];
  droppedParts: string[];
  formulasReplaced: number;
}

const encoder = new TextEncoder();

/** The sheet's rows by number, for looking cells up while planning the writes. */
class SheetLookup {
  private readonly rows: Map<number, RowNode>;

  constructor(readonly index: SheetIndex) {
    this.rows = new Map(index.rows.map((r) => [r.row, r]));
  }

  cell(row: number, col: number): CellNode | undefined {
    return this.rows.get(row)?.cells.find((x) => x.col === col);
  }

  isEmpty(row: number, col: number): boolean {
    const c = this.cell(row, col);
    return c === undefined || (c.formula === null && c.value === null && c.inline === null);
  }

  /** The style a cell shows with: its own, or what a new cell there would take. */
  styleAt(row: number, col: number): number | null {
    const c = this.cell(row, col);
    if (c !== undefined) return c.style;
    const r = this.rows.get(row);
    if (r?.style != null) return r.style;
    return this.index.columns.find((x) => col + 1 >= x.min && col + 1 <= x.max)?.style ?? null;
  }
}

function contentOf(value: FillValue, pkg: TemplatePackage, sheet: SheetLookup, row: number, col: number): CellContent {
  switch (value.type) {
    case 'blank':
      return value;
    case 'number':
      return value;
    case 'text':
      return { type: 'text', text: neutraliseFormula(value.text) };
    case 'date': {
      const style = sheet.styleAt(row, col);
      const serial = style === null ? null : pkg.dateStyles[style] === true ? isoToSerial(value.iso, pkg.date1904) : null;
      return serial === null ? { type: 'text', text: value.iso } : { type: 'number', text: String(serial) };
    }
  }
}

/** `<calcPr fullCalcOnLoad="1">`: added to the element, or the element added where the schema puts it. */
export function withFullCalcOnLoad(xml: string): string {
  let at = 0;
  let prefix = '';
  // CT_Workbook: calcPr comes after definedNames and before these.
  const after = new Set(['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);
  for (;;) {
    const t = nextTag(xml, at);
    if (t === null) throw new TemplatePackageError('the workbook part is not closed');
    if (t.name === 'workbook' && t.kind === 'open') prefix = t.prefix;
    else if (t.name === 'calcPr' && t.kind !== 'close') {
      const tag = `<${t.prefix}calcPr${setAttr(t.attrs, 'fullCalcOnLoad', '1')}${t.kind === 'empty' ? '/>' : '>'}`;
      return xml.slice(0, t.start) + tag + xml.slice(t.end);
    } else if ((t.kind !== 'close' && after.has(t.name)) || (t.kind === 'close' && t.name === 'workbook')) {
      return `${xml.slice(0, t.start)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(t.start)}`;
    }
    // Skip whole elements other than the root, so a calcPr inside an extension is never taken for ours.
    if (t.kind === 'open' && t.name !== 'workbook') {
      let depth = 1;
      let inner = t.end;
      while (depth > 0) {
        const c = nextTag(xml, inner);
        if (c === null) throw new TemplatePackageError(`<${t.name}> is not closed in the workbook part`);
        if (c.name === t.name) depth += c.kind === 'open' ? 1 : c.kind === 'close' ? -1 : 0;
        inner = c.end;
      }
      at = inner;
    } else at = t.end;
  }
}

/** Removes the elements (self-closing ones, as relationships and overrides are) whose attributes match. */
function withoutElements(xml: string, name: string, matches: (attrs: Map<string, string>) => boolean): string {
  let out = '';
  let cursor = 0;
  let at = 0;
  for (;;) {
    const t = nextTag(xml, at);
    if (t === null) break;
    if (t.name === name && t.kind === 'empty' && matches(attrMap(t.attrs))) {
      out += xml.slice(cursor, t.start);
      cursor = t.end;
    }
    at = t.end;
  }
  return out + xml.slice(cursor);
}

export function fillXlsx(bytes: Uint8Array, cells: readonly FillCell[]): FillResult {
  const pkg = openTemplatePackage(bytes);
  const replace = new Map<string, Uint8Array | null>();
  const bySheet = new Map<string, FillCell[]>();
  for (const c of cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let formulasReplaced = 0;
  for (const [name, sheetCells] of bySheet) {
    const sheet = pkg.sheets.find((s) => s.name === name);
    if (sheet === undefined || !sheet.worksheet || !pkg.byKey.has(sheet.part)) throw new TemplatePackageError(`the template has no worksheet named ${name}`);
    const index = indexSheet(pkg.text(sheet.part));
    const lookup = new SheetLookup(index);
    const writes: CellWrite[] = [];
    for (const c of sheetCells) {
      const at = parseCellRef(c.cell);
      if (at === null) throw new TemplatePackageError(`${c.cell} is not a cell reference`);
      // Emptying a cell that holds nothing (or does not exist) changes nothing, not even its bytes.
      if (c.value.type === 'blank' && lookup.isEmpty(at.row, at.col)) continue;
      writes.push({ ...at, content: contentOf(c.value, pkg, lookup, at.row, at.col) });
    }
    const edited = editSheet(index, writes);
    formulasReplaced += edited.formulasReplaced;
    replace.set(sheet.part, encoder.encode(edited.xml));
  }
  const dropped: string[] = [];
  if (formulasReplaced > 0) {
    const chain = [...pkg.rels.entries()].find(([, r]) => /\/calcChain$/.test(r.type));
    if (chain !== undefined) {
      const [id, rel] = chain;
      const key = rel.target.toLowerCase();
      replace.set(key, null);
      dropped.push(key);
      replace.set(pkg.workbookRelsKey, encoder.encode(withoutElements(pkg.text(pkg.workbookRelsKey), 'Relationship', (a) => a.get('Id') === id)));
      if (pkg.byKey.has('[content_types].xml')) {
        const types = withoutElements(pkg.text('[content_types].xml'), 'Override', (a) => (a.get('PartName') ?? '').replace(/^\/+/, '').toLowerCase() === key);
        replace.set('[content_types].xml', encoder.encode(types));
      }
    }
  }
  const workbook = pkg.text(pkg.workbookKey);
  const recalculating = withFullCalcOnLoad(workbook);
  // A workbook already set to recalculate (openpyxl writes it so) is left byte for byte.
  if (recalculating !== workbook) replace.set(pkg.workbookKey, encoder.encode(recalculating));
  return {
    bytes: rewriteZip(pkg.archive, (entry) => replace.get(partKey(entry.name))),
    changedParts: [...replace.entries()].filter(([, v]) => v !== null).map(([k]) => k),
    droppedParts: dropped,
    formulasReplaced,
  };
}
