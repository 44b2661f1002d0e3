import type { SourceFile } from '../source-file.js';
import type { Relationship, SheetEntry, WorkbookInfo } from './workbook-meta.js';
import { relsHandler, sharedStringsHandler, stylesHandler, workbookHandler } from './workbook-meta.js';
import type { EntrySink } from './zip-entries.js';
import { ZipEntries, openBytes, xmlSink } from './zip-entries.js';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const REL_STYLES = /\/styles$/;
const REL_STRINGS = /\/sharedStrings$/;
/** Candidates by name, read before the relationships say which one counts (they may come later in the zip). */
const STYLES_PART = /^xl\/[^/]*styles[^/]*\.xml$/;
const STRINGS_PART = /^xl\/[^/]*sharedstrings[^/]*\.xml$/;

/** What the first pass learns: everything about the workbook except the cells of its sheets. */
export interface WorkbookParts {
  sheets: SheetEntry[];
  date1904: boolean;
  /** Folded part name of each sheet, by relationship id. */
  sheetParts: Map<string, string>;
  /** Per cell style index, whether numbers in it are dates. */
  dateStyles: boolean[];
  sharedStrings: string[];
}

/**
 * Reads the bytes once, stopping at the end of the archive or as soon as everything needed has been seen.
 * The stream is always released, also when `push` throws.
 */
export async function pumpZip(file: string | SourceFile, zip: ZipEntries, done: () => boolean): Promise<void> {
  const stream = openBytes(file);
  try {
    for await (const chunk of stream) {
      zip.push(chunk as Uint8Array);
      if (done()) return;
    }
    zip.finish();
  } finally {
    stream.destroy();
  }
}

/**
 * Pass one: only the small parts (workbook, its relationships, styles, shared strings) are inflated, each
 * through the streaming scanner; worksheets are skipped unread whatever their position in the zip.
 * `withCells` false reads the sheet list alone and stops once the workbook part has been read.
 */
export async function readWorkbookParts(file: string | SourceFile, withCells: boolean): Promise<WorkbookParts | null> {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  const rels = new Map<string, Relationship>();
  const styles = new Map<string, boolean[]>();
  const strings = new Map<string, string[]>();
  const complete = new Set<string>();
  const sink = (key: string, handler: Parameters<typeof xmlSink>[0]): EntrySink => xmlSink(handler, () => complete.add(key));
  const zip = new ZipEntries((key) => {
    if (key === WORKBOOK) return sink(key, workbookHandler(info));
    if (!withCells) return null;
    if (key === WORKBOOK_RELS) return sink(key, relsHandler('xl/', rels));
    if (STYLES_PART.test(key)) {
      const table: boolean[] = [];
      styles.set(key, table);
      return sink(key, stylesHandler(table));
    }
    if (STRINGS_PART.test(key)) {
      const table: string[] = [];
      strings.set(key, table);
      return sink(key, sharedStringsHandler(table));
    }
    return null;
  });
  const declared = (type: RegExp): string | undefined => [...rels.values()].find((r) => type.test(r.type))?.target.toLowerCase();
  const done = (): boolean => {
    if (!complete.has(WORKBOOK)) return false;
    if (!withCells) return true;
    if (!complete.has(WORKBOOK_RELS)) return false;
    return [declared(REL_STYLES), declared(REL_STRINGS)].every((part) => part === undefined || complete.has(part));
  };
  await pumpZip(file, zip, done);
  if (!complete.has(WORKBOOK)) return null;
  const pick = <T>(tables: Map<string, T[]>, type: RegExp, usual: string): T[] =>
    tables.get(declared(type) ?? usual) ?? tables.get(usual) ?? (tables.size === 1 ? [...tables.values()][0] : undefined) ?? [];
  const sheetParts = new Map<string, string>();
  for (const [id, rel] of rels) sheetParts.set(id, rel.target.toLowerCase());
  return {
    sheets: info.sheets,
    date1904: info.date1904,
    sheetParts,
    dateStyles: pick(styles, REL_STYLES, 'xl/styles.xml'),
    sharedStrings: pick(strings, REL_STRINGS, 'xl/sharedstrings.xml'),
  };
}
