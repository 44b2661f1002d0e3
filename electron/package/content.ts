import { readZip } from './zip-read.js';

/**
 * What a package member holds, counted from its own bytes: a CSV's data rows, an .xlsx's rows per sheet, a PDF's
 * pages. The builder writes these counts into the manifest and the verifier counts again, so a manifest can only
 * agree with the files, never vouch for them.
 */
export type Counted = { ok: true; rows: number; sheets?: Array<{ name: string; rows: number }> } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Records of an RFC 4180 CSV minus the header row. Quote, CR and LF are single bytes that never occur inside a
 * multi-byte UTF-8 sequence, so the bytes are scanned directly; a line break inside quotes stays in its record.
 */
export function csvDataRows(bytes: Uint8Array): Counted {
  try {
    utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
  let records = 0;
  let quoted = false;
  let empty = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    if (!quoted && b === 0x0a) {
      if (!empty) records++;
      empty = true;
    } else if (b !== 0x0d && !(i < 3 && (b === 0xef || b === 0xbb || b === 0xbf))) {
      empty = false;
    }
  }
  if (quoted) return { ok: false, reason: 'a quoted field is not closed' };
  if (!empty) records++;
  if (records === 0) return { ok: false, reason: 'no header row' };
  return { ok: true, rows: records - 1 };
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescapeXml = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

/** Rows of every sheet of an .xlsx, in workbook order (`<row>` elements, as the workbench writes every row). */
export function xlsxRows(bytes: Uint8Array): Counted {
  const zip = readZip(bytes);
  if (zip.fatal !== null) return { ok: false, reason: zip.fatal };
  const bad = zip.issues[0];
  if (bad !== undefined) return { ok: false, reason: `${bad.name}: ${bad.kind === 'corrupt' ? bad.detail.en : bad.kind}` };
  const text = (name: string): string | null => {
    const e = zip.entries.find((x) => x.name === name);
    return e === undefined || e.data === null ? null : e.data.toString('utf8');
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) return { ok: false, reason: 'no workbook part' };
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id !== null && target !== null) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: Array<{ name: string; rows: number }> = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(attr(m[0], 'name') ?? '');
    const part = targets.get(attr(m[0], 'r:id') ?? '');
    const xml = part === undefined ? null : text(part);
    if (xml === null) return { ok: false, reason: `sheet ${name} has no part` };
    sheets.push({ name, rows: xml.match(/<row\b/g)?.length ?? 0 });
  }
  return { ok: true, rows: sheets.reduce((s, x) => s + x.rows, 0), sheets };
}

/**
 * Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). Chromium writes every object uncompressed, so
 * they can be counted in the bytes; a PDF that hides them in object streams is reported as unreadable here.
 */
export function pdfPages(bytes: Uint8Array): Counted {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') return { ok: false, reason: 'no %PDF- header' };
  if (!buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1').includes('%%EOF')) return { ok: false, reason: 'no %%EOF trailer: cut short' };
  const pages = buf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages === 0) return { ok: false, reason: 'no page objects found' };
  return { ok: true, rows: pages };
}

export function countContent(kind: 'csv' | 'xlsx' | 'pdf', bytes: Uint8Array): Counted {
  if (kind === 'csv') return csvDataRows(bytes);
  if (kind === 'xlsx') return xlsxRows(bytes);
  return pdfPages(bytes);
}

export function kindOfPath(path: string): 'csv' | 'xlsx' | 'pdf' | null {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' || ext === 'pdf' ? ext : null;
}
