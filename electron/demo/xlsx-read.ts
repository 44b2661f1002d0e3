import { columnIndex } from '../../shared/xlsx/cell-ref.js';
import { strFromU8, unzipSync } from 'fflate';

export type XlsxValue = string | number | null;

export interface ReadSheet {
  name: string;
  rows: XlsxValue[][];
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

/**
 * Reads the sheets of a simple workbook: shared, inline and plain strings, and numbers (dates come
 * back as serial numbers; the caller knows which columns hold dates). Enough for the demo's own
 * files; the import pipeline brings a full reader.
 */
export function readXlsx(bytes: Uint8Array): ReadSheet[] {
  const zip = unzipSync(bytes);
  const part = (name: string): string => {
    const data = zip[name];
    return data === undefined ? '' : strFromU8(data);
  };
  const shared = [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1] ?? ''));
  const rels = new Map<string, string>();
  for (const m of part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)) rels.set(m[1] ?? '', m[2] ?? '');
  const sheets: ReadSheet[] = [];
  for (const m of part('xl/workbook.xml').matchAll(/<sheet\s[^>]*name="([^"]*)"[^>]*r:id="([^"]+)"/g)) {
    const target = (rels.get(m[2] ?? '') ?? '').replace(/^\/?(xl\/)?/, '');
    const rows: XlsxValue[][] = [];
    for (const rowMatch of part(`xl/${target}`).matchAll(/<row\s[^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const row: XlsxValue[] = [];
      for (const c of (rowMatch[2] ?? '').matchAll(/<c\s+r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const type = /\bt="([^"]+)"/.exec(c[2] ?? '')?.[1] ?? 'n';
        const body = c[3] ?? '';
        const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
        let value: XlsxValue = null;
        if (type === 's') value = shared[Number(v)] ?? null;
        else if (type === 'inlineStr') value = textOf(body);
        else if (type === 'str' || type === 'e') value = v === undefined ? null : unescapeXml(v);
        else if (v !== undefined) value = Number(v);
        row[columnIndex(c[1] ?? 'A')] = value;
      }
      rows[Number(rowMatch[1]) - 1] = Array.from(row, (x) => x ?? null);
    }
    sheets.push({ name: unescapeXml(m[1] ?? ''), rows: Array.from(rows, (r) => r ?? []) });
  }
  return sheets;
}
