/**
 * Reads the CSV files of a package back (RFC 4180, UTF-8 with or without a BOM) into rows keyed by the header's
 * column names. Text the writer neutralised against formula injection (a leading apostrophe before = + - @, tab or
 * CR; electron/export/safe-cell.ts) is given back as it was.
 */
const NEUTRALISED = /^'[=+\-@\t\r]/;

export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < body.length) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export const restoreText = (cell: string): string => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);

export type CsvRecord = (column: string) => string;

/**
 * Rows as lookups by column name; null when the header is not exactly the expected one (a package of another
 * format or a hand-edited file), with the reason.
 */
export function readTable(text: string, columns: readonly string[]): { ok: true; rows: CsvRecord[] } | { ok: false; reason: string } {
  const [head, ...rest] = parseCsv(text);
  if (head === undefined || head.join(',') !== columns.join(',')) {
    return { ok: false, reason: `header should be ${columns.join(',')}` };
  }
  const index = new Map(columns.map((c, i) => [c, i]));
  const bad = rest.findIndex((r) => r.length !== columns.length);
  if (bad >= 0) return { ok: false, reason: `row ${bad + 2} has ${rest[bad]?.length ?? 0} fields, not ${columns.length}` };
  return { ok: true, rows: rest.map((r) => (column: string) => restoreText(r[index.get(column) ?? -1] ?? '')) };
}
