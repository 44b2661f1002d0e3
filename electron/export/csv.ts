import { neutraliseFormula } from './safe-cell.js';

/**
 * A CSV cell: text (neutralised), a number written as is, exact decimal text written as a number
 * (`{ decimal: '-1234.56' }`: amounts that must not pass through a binary float), or empty.
 */
export type CsvCell = string | number | bigint | { decimal: string } | null;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return DECIMAL_TEXT.test(cell.decimal) ? cell.decimal : field(cell.decimal);
  if (typeof cell !== 'string') return String(cell);
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel on a Chinese Windows opens it as UTF-8, not GBK) and
 * CRLF line ends. Text cells that would start a formula are neutralised.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): Buffer {
  const text = rows.map((r) => r.map(field).join(',')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}
