import { cleanCell, toHalfWidth } from './text.js';

/** A parsed cell: the value, or the reason it is not one (in both languages). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: { zh: string; en: string } };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (zh: string, en: string): Parsed<never> => ({ ok: false, reason: { zh, en } });

export type AmountUnit = 'yuan' | 'wan';

const FEN_PER_UNIT: Record<AmountUnit, bigint> = { yuan: 100n, wan: 1_000_000n };
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses an amount into integer fen without floating point: thousands separators, full-width digits,
 * parentheses or a trailing minus for negatives, a leading sign, 元/万元/万 suffixes (a suffix overrides the
 * column unit), CR/DR-style suffixes are handled by the caller. Extra decimals beyond a fen must be zero.
 */
export function parseAmountFen(raw: string, unit: AmountUnit = 'yuan'): Parsed<number | null> {
  let text = toHalfWidth(cleanCell(raw)).replace(/[¥￥\s]/g, '');
  if (text === '') return ok(null);
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren !== null) {
    negative = true;
    text = paren[1] ?? '';
  }
  let effectiveUnit = unit;
  if (text.endsWith('万元') || text.endsWith('万')) {
    effectiveUnit = 'wan';
    text = text.replace(/万元?$/, '');
  } else if (text.endsWith('元')) {
    effectiveUnit = 'yuan';
    text = text.slice(0, -1);
  }
  if (text.endsWith('-') && !text.startsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  const m = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text);
  if (m === null || (m[2] === undefined && (m[3] === undefined || m[3] === ''))) {
    return bad(`“${raw.trim()}”不是有效金额`, `“${raw.trim()}” is not an amount`);
  }
  if (m[1] === '-') negative = !negative;
  const whole = BigInt((m[2] ?? '0').replaceAll(',', ''));
  const scale = FEN_PER_UNIT[effectiveUnit];
  const places = effectiveUnit === 'yuan' ? 2 : 6;
  const frac = m[3] ?? '';
  if (frac.length > places && /[1-9]/.test(frac.slice(places))) {
    return bad(`“${raw.trim()}”的小数位超过了分`, `“${raw.trim()}” has more decimals than a fen`);
  }
  const fracFen = BigInt((frac.slice(0, places) || '0').padEnd(places, '0'));
  const fen = whole * scale + fracFen;
  if (fen > MAX_FEN) return bad(`金额“${raw.trim()}”过大`, `Amount “${raw.trim()}” is too large`);
  const value = Number(fen);
  return ok(negative && value !== 0 ? -value : value);
}

/** Debit/credit flags: 借/Dr/D/支出 means money out (negative), 贷/Cr/C/收入 money in. */
export function parseDebitCredit(raw: string): Parsed<1 | -1 | null> {
  const text = toHalfWidth(cleanCell(raw)).toLowerCase();
  if (text === '') return ok(null);
  if (['借', 'dr', 'd', 'debit', '支出', '支', '出', '借方'].includes(text)) return ok(-1);
  if (['贷', 'cr', 'c', 'credit', '收入', '收', '入', '贷方'].includes(text)) return ok(1);
  return bad(`“${raw.trim()}”不是借贷标志（借/贷、Dr/Cr）`, `“${raw.trim()}” is not a debit/credit flag (借/贷, Dr/Cr)`);
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y.toString().padStart(4, '0')}-${m.toString().padStart(2, '0')}-${d.toString().padStart(2, '0')}`;
}

/** Excel serial day to ISO date; the 1900 system counts the phantom 1900-02-29, the 1904 system starts at 1904-01-01. */
export function excelSerialToIso(serial: number, system1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 109_574) return null;
  const day = Math.floor(serial);
  const epoch = system1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const adjusted = !system1904 && day < 61 ? day + 1 : day;
  const d = new Date(epoch + adjusted * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export interface DateOptions {
  /** Two-digit years below this become 20xx, others 19xx (default 50). */
  pivot?: number;
  /** Accept bare numbers as Excel serial days (only for cells that came from a workbook). */
  excelSerial?: boolean;
  system1904?: boolean;
}

const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const SEP_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/**
 * Dates as 20261031, 2026-10-31, 2026/10/31, 2026.10.31, 2026年10月31日, 261031 (YYMMDD), Excel serials,
 * each optionally followed by a time (which this parser drops; see parseDateTime).
 */
export function parseDate(raw: string, opts: DateOptions = {}): Parsed<string | null> {
  const text = toHalfWidth(cleanCell(raw));
  if (text === '') return ok(null);
  const datePart = text.split(/[\sT]+/)[0] ?? '';
  let iso: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = SEP_DATE.exec(datePart)) !== null || (m = CN_DATE.exec(datePart)) !== null) {
    iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  } else if (/^\d{8}$/.test(datePart)) {
    iso = isoDate(Number(datePart.slice(0, 4)), Number(datePart.slice(4, 6)), Number(datePart.slice(6, 8)));
  } else if (/^\d{6}$/.test(datePart)) {
    const yy = Number(datePart.slice(0, 2));
    const year = yy < (opts.pivot ?? 50) ? 2000 + yy : 1900 + yy;
    iso = isoDate(year, Number(datePart.slice(2, 4)), Number(datePart.slice(4, 6)));
  } else if (opts.excelSerial === true && /^\d+(\.\d+)?$/.test(datePart)) {
    iso = excelSerialToIso(Number(datePart), opts.system1904 ?? false);
  }
  if (iso === null) return bad(`“${raw.trim()}”不是有效日期`, `“${raw.trim()}” is not a valid date`);
  return ok(iso);
}

/** A date with an optional time (HH:MM[:SS]) into 'YYYY-MM-DD HH:MM:SS'. */
export function parseDateTime(raw: string, opts: DateOptions = {}): Parsed<string | null> {
  const date = parseDate(raw, opts);
  if (!date.ok || date.value === null) return date;
  const text = toHalfWidth(cleanCell(raw));
  const time = /[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (time === null) return ok(`${date.value} 00:00:00`);
  const [h, mi, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? '0')];
  if (h > 23 || mi > 59 || s > 59) return bad(`“${raw.trim()}”的时间无效`, `“${raw.trim()}” has an invalid time`);
  const pad = (n: number): string => n.toString().padStart(2, '0');
  return ok(`${date.value} ${pad(h)}:${pad(mi)}:${pad(s)}`);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '?';
}

/**
 * 18-digit resident ID numbers, verified by their check character (X allowed, any case) and embedded birth date.
 * 15-digit legacy numbers are upgraded to 18 digits (19xx birth year) so one client has one key.
 */
export function parseIdNo(raw: string): Parsed<string | null> {
  const text = toHalfWidth(cleanCell(raw)).replace(/\s/g, '').toUpperCase();
  if (text === '') return ok(null);
  let id = text;
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + idCheckChar(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return bad(`证件号码“${raw.trim()}”应为18位`, `ID number “${raw.trim()}” must have 18 characters`);
  }
  if (isoDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))) === null) {
    return bad(`证件号码“${raw.trim()}”中的出生日期无效`, `ID number “${raw.trim()}” has an invalid birth date`);
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return bad(`证件号码“${raw.trim()}”校验位错误`, `ID number “${raw.trim()}” fails its checksum`);
  }
  return ok(id);
}

/** Mainland mobile numbers (1[3-9]x, 11 digits), with +86/86 prefixes, spaces and dashes removed. */
export function parseMobile(raw: string): Parsed<string | null> {
  const text = toHalfWidth(cleanCell(raw)).replace(/[\s-]/g, '');
  if (text === '') return ok(null);
  const m = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(text);
  if (m === null) return bad(`“${raw.trim()}”不是有效手机号`, `“${raw.trim()}” is not a valid mobile number`);
  return ok(m[1] ?? text);
}

/** Whole numbers (counts), with thousands separators and full-width digits. */
export function parseInteger(raw: string): Parsed<number | null> {
  const text = toHalfWidth(cleanCell(raw)).replace(/,/g, '');
  if (text === '') return ok(null);
  if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    return bad(`“${raw.trim()}”不是整数`, `“${raw.trim()}” is not a whole number`);
  }
  return ok(Number(text));
}

/**
 * A plain decimal number kept as exact text ("1234.5", "-3"): thousands separators and full-width digits
 * allowed. Used where the unit is only known per row (targets in 万元 or 户), so scaling happens later.
 */
export function parseDecimal(raw: string): Parsed<string | null> {
  const text = toHalfWidth(cleanCell(raw)).replace(/[,\s]/g, '');
  if (text === '') return ok(null);
  const m = /^([+-])?(\d+)?(?:\.(\d+))?$/.exec(text);
  if (m === null || (m[2] === undefined && m[3] === undefined)) return bad(`“${raw.trim()}”不是有效数字`, `“${raw.trim()}” is not a number`);
  const whole = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac === '' ? whole : `${whole}.${frac}`;
  return ok(m[1] === '-' && body !== '0' ? `-${body}` : body);
}

/**
 * Scales an exact decimal text by 10^places into a whole number (万元 → fen is 6 places), or null when that
 * would leave a fraction or exceed the safe integer range.
 */
export function scaleDecimal(decimal: string, places: number): number | null {
  const negative = decimal.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  if (frac.length > places && /[1-9]/.test(frac.slice(places))) return null;
  const n = BigInt(whole) * 10n ** BigInt(places) + BigInt((frac.slice(0, places) || '0').padEnd(places, '0'));
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return negative ? -Number(n) : Number(n);
}
