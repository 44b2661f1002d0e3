import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { columnLetters } from '../../shared/xlsx/cell-ref.js';
import { neutraliseFormula } from '../export/safe-cell.js';

/**
 * A cell: text, a number, a date (as days since 1970-01-01), a number shown with two decimals (points, 元: 85.5
 * shows as 85.50; the stored value is the number itself), or nothing.
 */
export type XlsxCell = string | number | { day: number } | { fixed2: number } | null;

export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  /** 1-based rows drawn bold (headers). */
  boldRows?: number[];
  widths?: number[];
  /** Merged ranges such as "A1:K1" (title rows). */
  merges?: string[];
}

/**
 * Zip entries carry a modification time (DOS local time); a fixed one makes the same sheets give the same
 * bytes on every machine. Callers that export for people pass the real time.
 */
const DEFAULT_MTIME = new Date(2026, 9, 31, 0, 0, 0);

/** Excel's serial day of a day counted from 1970-01-01 (the 1900 system, past its phantom leap day). */
const excelSerialOf = (day: number): number => day + 25_569;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Style 1 = date (yyyy-mm-dd), 2 = bold, 3 = two decimals (built-in format 2, "0.00"), 4 = bold two decimals; fonts are 宋体 with the GB2312 charset, as Chinese Excel writes.
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

function sheetXml(sheet: XlsxSheet, shared: (s: string) => number): string {
  const bold = new Set(sheet.boldRows ?? []);
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const parts: string[] = [];
  sheet.rows.forEach((row, r) => {
    const rowNo = r + 1;
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      const ref = `${columnLetters(c)}${rowNo}`;
      const style = bold.has(rowNo) ? ' s="2"' : '';
      if (typeof cell === 'string') cells.push(`<c r="${ref}"${style} t="s"><v>${shared(neutraliseFormula(cell))}</v></c>`);
      else if (typeof cell === 'number') cells.push(`<c r="${ref}"${style}><v>${cell}</v></c>`);
      else if ('fixed2' in cell) cells.push(`<c r="${ref}" s="${bold.has(rowNo) ? 4 : 3}"><v>${cell.fixed2}</v></c>`);
      else cells.push(`<c r="${ref}" s="1"><v>${excelSerialOf(cell.day)}</v></c>`);
    });
    parts.push(`<row r="${rowNo}">${cells.join('')}</row>`);
  });
  const cols = (sheet.widths ?? []).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = sheet.merges ?? [];
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${columnLetters(width - 1)}${Math.max(1, sheet.rows.length)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    `<sheetData>${parts.join('')}</sheetData>` +
    (merges.length === 0 ? '' : `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`) +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/**
 * A minimal, deterministic .xlsx (shared strings, one style sheet, no timestamps in the package),
 * enough for Excel, LibreOffice and exceljs to open. Text that would start a formula is neutralised (safe-cell.ts).
 */
export function buildXlsx(sheets: readonly XlsxSheet[], opts: { modifiedAt?: Date } = {}): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let references = 0;
  const shared = (s: string): number => {
    references++;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const sheetFiles = sheets.map((s) => sheetXml(s, shared));
  const n = sheets.length;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        `</Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `</Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheetFiles.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  files['xl/sharedStrings.xml'] = strToU8(
    `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${references}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
      `</sst>`,
  );
  return zipSync(files, { level: 6, mtime: opts.modifiedAt ?? DEFAULT_MTIME });
}
