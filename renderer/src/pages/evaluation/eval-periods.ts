import { monthKey, parsePeriod, periodRange, quarterKey, yearKey } from '../../../../shared/targets/periods.js';
import type { PeriodType } from './scheme-draft.js';

/**
 * Evaluation periods for the pickers. The default is the latest period the data covers to its last day: with
 * balances up to 2026-10-31 that is 2026-10, 2026Q3 and 2025; scoring a month whose data stops half way would
 * rank managers on half a month.
 */
function periodAt(type: PeriodType, day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (type === 'month') return monthKey(year, month);
  return type === 'quarter' ? quarterKey(year, Math.ceil(month / 3)) : yearKey(year);
}

/** The period before: 2026-01 → 2025-12, 2026Q1 → 2025Q4, 2026 → 2025. */
export function previousPeriod(period: string): string {
  const p = parsePeriod(period);
  if (p === null) return period;
  if (p.kind === 'year') return yearKey(p.year - 1);
  if (p.kind === 'quarter') return p.index === 1 ? quarterKey(p.year - 1, 4) : quarterKey(p.year, p.index - 1);
  return p.index === 1 ? monthKey(p.year - 1, 12) : monthKey(p.year, p.index - 1);
}

/** The latest period of the type that ends on or before `latestData` (else before `today` when there is no data). */
export function defaultPeriod(type: PeriodType, latestData: string | null, today: string): string {
  const day = latestData ?? today;
  const period = periodAt(type, day);
  return periodRange(period).to <= day && latestData !== null ? period : previousPeriod(period);
}

/** The default and the periods before it, newest first, for a select. */
export function periodChoices(type: PeriodType, latestData: string | null, today: string): string[] {
  const count = type === 'month' ? 24 : type === 'quarter' ? 8 : 4;
  const out = [defaultPeriod(type, latestData, today)];
  while (out.length < count) out.push(previousPeriod(out[out.length - 1] ?? ''));
  return out;
}

/** Whether a period key is of the type (a quarterly scheme takes 2026Q3, not 2026-09). */
export function periodOfType(period: string, type: PeriodType): boolean {
  return parsePeriod(period)?.kind === type;
}

/** The first day of a period: where a scheme version saved for it comes into force. */
export const periodStart = (period: string): string => periodRange(period).from;
