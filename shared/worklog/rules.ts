import type { DueStatus } from './types.js';

/**
 * The contact-plan rules in their plainest form (docs/worklog.md). The store computes them in SQL over every client
 * at once; these one-client versions state the definitions, drive the renderer's labels and are the oracle the
 * tests hold the SQL to.
 */

/** The due-soon window by default: a client due within the next 7 days is on the list before it is overdue. */
export const DEFAULT_DUE_WITHIN_DAYS = 7;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (or the date part of `YYYY-MM-DD HH:MM:SS`). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/**
 * Where a client stands on `asOf`, given its last contact on or before that day (by anyone) and its plan:
 * overdue once more than `everyDays` whole days have passed since the last contact, or when it was never contacted;
 * due when the last day on schedule (last contact + everyDays) falls within the next `withinDays` days, today
 * included; otherwise on schedule.
 */
export function dueStatus(lastContact: string | null, everyDays: number, asOf: string, withinDays = DEFAULT_DUE_WITHIN_DAYS): DueStatus {
  if (lastContact === null) return 'overdue';
  const late = dayNumber(asOf) - dayNumber(lastContact) - everyDays;
  if (late > 0) return 'overdue';
  return late >= -withinDays ? 'due' : 'ok';
}

/**
 * Covered in [from, to]: overdue on no day of the period — on every day D of it, some contact fell in
 * [D − everyDays, D]. Equivalently: never more than `everyDays` days in a row without a contact. Contacts before the
 * period count for its first days; contacts after `to` do not count.
 */
export function coveredInPeriod(contactDays: readonly string[], everyDays: number, from: string, to: string): boolean {
  const f = dayNumber(from);
  const t = dayNumber(to);
  const days = [...new Set(contactDays.map(dayNumber))].filter((d) => d <= t).sort((a, b) => a - b);
  let last: number | null = null;
  let i = 0;
  for (let d = f; d <= t; d++) {
    while (i < days.length && (days[i] ?? Infinity) <= d) last = days[i++] ?? null;
    if (last === null || d - last > everyDays) return false;
  }
  return true;
}
