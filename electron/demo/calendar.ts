/**
 * Business dates of the demo as day numbers (days since 1970-01-01, UTC), so that arithmetic is
 * exact and no output ever depends on the machine's time zone or on today's date.
 */
const MS_PER_DAY = 86_400_000;

/** The demo's fixed reference date: the data is "as of" this month-end. */
export const AS_OF = '2026-10-31';
/** Where the known history starts: the day after the month-end before the first snapshot. */
export const HISTORY_START = '2025-11-01';
export const MONTHS = 12;

export function dayOf(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

// Formatting dates is hot (millions of rows over a few thousand distinct days), so it is memoised.
const isoMemo = new Map<number, string>();
const compactMemo = new Map<number, string>();

export function isoOf(day: number): string {
  let s = isoMemo.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoMemo.set(day, s);
  }
  return s;
}

/** YYYYMMDD, the date style of the older core-system extracts. */
export function compactOf(day: number): string {
  let s = compactMemo.get(day);
  if (s === undefined) {
    s = isoOf(day).replaceAll('-', '');
    compactMemo.set(day, s);
  }
  return s;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The same calendar day `months` later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / MS_PER_DAY);
}

/** YYYYMMDD → YYYY-MM-DD; null for anything else (including blanks). */
export function isoOfCompact(text: string): string | null {
  return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : null;
}

export const AS_OF_DAY = dayOf(AS_OF);
export const HISTORY_START_DAY = dayOf(HISTORY_START);

/** First and last day of each snapshot month, oldest first (2025-11 … 2026-10). */
export const MONTH_FIRST_DAYS: readonly number[] = Array.from({ length: MONTHS }, (_, m) => addMonths(HISTORY_START_DAY, m));
export const MONTH_END_DAYS: readonly number[] = Array.from({ length: MONTHS }, (_, m) => addMonths(HISTORY_START_DAY, m + 1) - 1);
export const MONTH_ENDS: readonly string[] = MONTH_END_DAYS.map(isoOf);

/** Snapshot month index of a day inside the history window, or -1 before it. */
export function monthIndexOf(day: number): number {
  for (let m = 0; m < MONTHS; m++) if (day <= (MONTH_END_DAYS[m] ?? 0)) return day >= HISTORY_START_DAY ? m : -1;
  return MONTHS;
}

/** Excel's serial day number (1900 date system; serial 1 = 1900-01-01, with Lotus's phantom 1900-02-29). */
export function excelSerialOf(day: number): number {
  return day + 25_569;
}

export function dayOfExcelSerial(serial: number): number {
  return Math.round(serial) - 25_569;
}
