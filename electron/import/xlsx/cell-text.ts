import { decodeOoxmlEscapes } from './xml-scan.js';
import { excelSerialToIso } from '../values.js';

/**
 * Built-in number formats that show dates or times. 27–36 and 50–58 are the East Asian date formats
 * (yyyy"年"m"月"d"日" and friends) that Chinese Excel assigns without writing them into styles.xml.
 */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A custom format shows a date when a date/time code (d m y h s) remains after removing what Excel prints
 * literally or reads as a modifier: quoted text, [brackets] (colours, conditions, locales), \-escapes and the
 * character after `_` or `*` (spacing and fill).
 */
export function isDateFormatCode(code: string): boolean {
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, ''));
}

const pad = (n: number): string => n.toString().padStart(2, '0');

/** Seconds of the day as HH:MM:SS. */
function clock(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

const PLAIN_DECIMAL = /^(?:-?[1-9]\d*(?:\.\d*[1-9])?|-?0\.\d*[1-9]|0)$/;

/**
 * A number as its shortest text: float noise Excel stores (1234.5600000000001) goes via 15 significant digits,
 * which is all Excel keeps; integers beyond 2^53 stay exactly as written in the file.
 */
export function numberText(raw: string): string {
  // Plain decimals of at most 15 digits without trailing zeros are already the shortest exact text.
  if (raw.length <= 15 && PLAIN_DECIMAL.test(raw)) return raw;
  const text = raw.trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return text;
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? n.toString() : text;
  return Number(n.toPrecision(15)).toString();
}

/**
 * A date-formatted serial as 'YYYY-MM-DD', with ' HH:MM:SS' when it has a time of day (rounded to the second,
 * as Excel shows it); a pure time (0 < serial < 1) as 'HH:MM:SS'. Serials no calendar date fits stay numbers.
 */
export function serialText(raw: string, system1904: boolean): string {
  const serial = Number(raw);
  // Zero in a date column is how many systems write "no date"; no calendar day shows it faithfully.
  if (raw.trim() === '' || !Number.isFinite(serial) || serial <= 0) return numberText(raw);
  let day = Math.floor(serial);
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds >= 86_400) {
    day += 1;
    seconds -= 86_400;
  }
  if (day === 0 && !system1904) return clock(seconds);
  const date = excelSerialToIso(day === 0 ? 1 : day, system1904);
  if (date === null) return numberText(raw);
  // Day 0 of the 1904 system is 1904-01-01 itself, which excelSerialToIso (counting from 1) does not take.
  const iso = day === 0 ? '1904-01-01' : date;
  return seconds === 0 ? iso : `${iso} ${clock(seconds)}`;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A `t="d"` cell (ISO 8601 text) as 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS', the wall-clock time as written
 * (a zone suffix is not applied: Excel shows these as written). Text that is not such a date stays as it is.
 */
export function isoCellText(raw: string): string {
  const text = raw.trim();
  const m = ISO_DATE_TIME.exec(text);
  if (m === null) return text;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  const seconds = Number(m[4] ?? '0') * 3600 + Number(m[5] ?? '0') * 60 + Number(m[6] ?? '0') + fraction;
  const at = new Date(Date.UTC(y, mo - 1, d) + Math.round(seconds) * 1000);
  if (Number.isNaN(at.getTime())) return text;
  const date = `${at.getUTCFullYear().toString().padStart(4, '0')}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const rest = at.getUTCHours() * 3600 + at.getUTCMinutes() * 60 + at.getUTCSeconds();
  return rest === 0 ? date : `${date} ${clock(rest)}`;
}

/** Booleans are stored as 1/0 and shown as Excel shows them. */
export function booleanText(raw: string): string {
  const text = raw.trim();
  return text === '1' || text.toLowerCase() === 'true' ? 'TRUE' : text === '0' || text.toLowerCase() === 'false' ? 'FALSE' : text;
}

/** What a cell's text depends on beyond the cell: the workbook's strings, date styles and date system. */
export interface CellTextContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/**
 * The text of one cell from its `t` type, `<v>` value, inline string (null when it has none) and style: shared and
 * inline strings, booleans, ISO dates (`t="d"`), and numbers shown as dates where their style is a date format.
 * Formulas keep their cached result; one without a cached value shows nothing.
 */
export function cellText(type: string, value: string, inline: string | null, style: number | null, ctx: CellTextContext): string {
  switch (type) {
    case 's': {
      const index = Number(value);
      return Number.isInteger(index) ? (ctx.sharedStrings[index] ?? '') : '';
    }
    case 'inlineStr':
      return inline ?? decodeOoxmlEscapes(value);
    case 'str':
    case 'e':
      return decodeOoxmlEscapes(value);
    case 'b':
      return booleanText(value);
    case 'd':
      return isoCellText(value);
    default:
      if (value === '') return '';
      return style !== null && ctx.dateStyles[style] === true ? serialText(value, ctx.date1904) : numberText(value);
  }
}
