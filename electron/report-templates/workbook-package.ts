import type { Relationship, SheetEntry, WorkbookInfo } from '../import/xlsx/workbook-meta.js';
import { relsHandler, sharedStringsHandler, stylesHandler, workbookHandler } from '../import/xlsx/workbook-meta.js';
import type { XmlHandler } from '../import/xlsx/xml-scan.js';
import { XmlScanner } from '../import/xlsx/xml-scan.js';
import { partKey } from '../import/xlsx/zip-entries.js';
import { ZipEntryError, readCentralDirectory } from '../zip/central-directory.js';
import type { ZipArchive, ZipEntryRecord } from '../zip/central-directory.js';
import { entryData } from '../zip/inflate.js';

/**
 * An .xlsx package opened for the template features: the zip entries (electron/zip/, kept raw so a filled copy
 * can reuse the untouched ones byte for byte), the workbook part and its relationships, each sheet's part, the
 * styles' date formats and (read on demand) the shared strings. The import reader's XML handlers are reused, so
 * both read a workbook the same way.
 */
export class TemplatePackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplatePackageError';
  }
}

export interface TemplateSheetEntry extends SheetEntry {
  /** The folded zip key of the sheet's part. */
  part: string;
  /** A worksheet (cells) rather than a chart sheet or dialog sheet. */
  worksheet: boolean;
}

export interface TemplatePackage {
  bytes: Uint8Array;
  archive: ZipArchive;
  /** The entries by folded part name (OPC part names are case-insensitive, zip names are not). */
  byKey: Map<string, ZipEntryRecord>;
  workbookKey: string;
  workbookRelsKey: string;
  sheets: TemplateSheetEntry[];
  date1904: boolean;
  /** Per cell style (cellXfs index), whether it shows numbers as dates. */
  dateStyles: boolean[];
  /** The relationships of the workbook part, by id. */
  rels: Map<string, Relationship>;
  sharedStrings(): string[];
  text(key: string): string;
}

/** A part this large inflated is not a report template but damage or a zip bomb. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_STRINGS = /\/sharedStrings$/;

function scan(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.push(text);
  scanner.end();
}

const dirOf = (key: string): string => (key.includes('/') ? key.slice(0, key.lastIndexOf('/') + 1) : '');
export const relsKeyOf = (key: string): string => `${dirOf(key)}_rels/${key.slice(dirOf(key).length)}.rels`;

const utf8 = new TextDecoder('utf-8');

/** Opens the package; throws TemplatePackageError (or ZipFormatError) naming what is missing or damaged. */
export function openTemplatePackage(bytes: Uint8Array): TemplatePackage {
  const archive = readCentralDirectory(bytes);
  // Every entry must be there to be copied into the filled workbook, also those never read.
  for (const e of archive.entries) if (e.fault !== null) throw new ZipEntryError(e.name, e.fault);
  const byKey = new Map(archive.entries.map((e) => [partKey(e.name), e]));
  const text = (key: string): string => {
    const entry = byKey.get(key);
    if (entry === undefined) throw new TemplatePackageError(`the part ${key} is missing`);
    return utf8.decode(entryData(entry, MAX_PART_BYTES));
  };
  // The workbook part is wherever the package relationships say (almost always xl/workbook.xml).
  let workbookKey = 'xl/workbook.xml';
  if (byKey.has('_rels/.rels')) {
    const root = new Map<string, Relationship>();
    scan(text('_rels/.rels'), relsHandler('', root));
    const office = [...root.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type));
    if (office !== undefined) workbookKey = office.target.toLowerCase();
  }
  if (!byKey.has(workbookKey)) throw new TemplatePackageError('no workbook part (xl/workbook.xml): not an Excel workbook');
  const info: WorkbookInfo = { sheets: [], date1904: false };
  scan(text(workbookKey), workbookHandler(info));
  const workbookRelsKey = relsKeyOf(workbookKey);
  const rels = new Map<string, Relationship>();
  if (byKey.has(workbookRelsKey)) scan(text(workbookRelsKey), relsHandler(dirOf(workbookKey), rels));
  const sheets: TemplateSheetEntry[] = info.sheets.map((s) => {
    const rel = rels.get(s.relId);
    return { ...s, part: rel?.target.toLowerCase() ?? '', worksheet: rel !== undefined && REL_WORKSHEET.test(rel.type) };
  });
  const dateStyles: boolean[] = [];
  const stylesRel = [...rels.values()].find((r) => REL_STYLES.test(r.type));
  if (stylesRel !== undefined && byKey.has(stylesRel.target.toLowerCase())) scan(text(stylesRel.target.toLowerCase()), stylesHandler(dateStyles));
  let strings: string[] | null = null;
  return {
    bytes,
    archive,
    byKey,
    workbookKey,
    workbookRelsKey,
    sheets,
    date1904: info.date1904,
    dateStyles,
    rels,
    text,
    sharedStrings() {
      if (strings === null) {
        strings = [];
        const rel = [...rels.values()].find((r) => REL_STRINGS.test(r.type));
        const part = rel?.target.toLowerCase();
        if (part !== undefined && byKey.has(part)) scan(text(part), sharedStringsHandler(strings));
      }
      return strings;
    },
  };
}

/** Excel's serial day of an ISO date (1900 system past its phantom 29 Feb 1900, or the 1904 system). */
export function isoToSerial(iso: string, system1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const serial = Math.round((t - (system1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000);
  return serial >= (system1904 ? 0 : 61) ? serial : null;
}
