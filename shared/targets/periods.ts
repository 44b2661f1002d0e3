/**
 * Target periods as stored in `target.period`: a year '2026', a quarter '2026Q1', a month '2026-01'.
 * Shared by the main process (decomposition, progress) and the renderer (grid columns, period picker).
 */
export type PeriodKind = 'year' | 'quarter' | 'month';

export const yearKey = (year: number): string => String(year);
export const quarterKey = (year: number, q: number): string => `${year}Q${q}`;
export const monthKey = (year: number, m: number): string => `${year}-${String(m).padStart(2, '0')}`;

export const QUARTERS = [1, 2, 3, 4] as const;
/** The months of quarter q (1-based). */
export const monthsOfQuarter = (q: number): number[] => [3 * q - 2, 3 * q - 1, 3 * q];

/** Year, the four quarters, the twelve months: the grid's columns in order. */
export function periodsOf(year: number): string[] {
  return [yearKey(year), ...QUARTERS.map((q) => quarterKey(year, q)), ...Array.from({ length: 12 }, (_, i) => monthKey(year, i + 1))];
}

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4 or month 1–12; 0 for the year. */
  index: number;
}

export function parsePeriod(key: string): ParsedPeriod | null {
  let m = /^(\d{4})$/.exec(key);
  if (m !== null) return { kind: 'year', year: Number(m[1]), index: 0 };
  m = /^(\d{4})Q([1-4])$/.exec(key);
  if (m !== null) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m !== null) return { kind: 'month', year: Number(m[1]), index: Number(m[2]) };
  return null;
}

/** The period a period adds up into: month → its quarter → the year; null for a year. */
export function parentPeriod(key: string): string | null {
  const p = parsePeriod(key);
  if (p === null || p.kind === 'year') return null;
  if (p.kind === 'quarter') return yearKey(p.year);
  return quarterKey(p.year, Math.ceil(p.index / 3));
}

/** The periods that add up into this one: year → quarters, quarter → months, month → none. */
export function childPeriods(key: string): string[] {
  const p = parsePeriod(key);
  if (p === null || p.kind === 'month') return [];
  if (p.kind === 'year') return QUARTERS.map((q) => quarterKey(p.year, q));
  return monthsOfQuarter(p.index).map((m) => monthKey(p.year, m));
}

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First and last day of the period (inclusive, ISO dates). */
export function periodRange(key: string): { from: string; to: string } {
  const p = parsePeriod(key);
  if (p === null) throw new RangeError(`not a period: ${key}`);
  const [first, last] = p.kind === 'year' ? [1, 12] : p.kind === 'quarter' ? [3 * p.index - 2, 3 * p.index] : [p.index, p.index];
  return { from: iso(p.year, first, 1), to: iso(p.year, last, daysInMonth(p.year, last)) };
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  const d = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.max(0, Math.round(d));
}
