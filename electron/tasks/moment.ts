import { localIsoDate } from '../platform/clock.js';
import type { Clock } from '../platform/clock.js';

/**
 * The instant overdue is judged at, in both forms a due time can take: a date is due by the end of that local day
 * (compared with `today`), a date-time at that instant (compared with `now`, UTC ISO like every stored time).
 */
export interface Moment {
  now: string;
  today: string;
}

export function momentOf(clock: Clock): Moment {
  const d = clock.now();
  return { now: d.toISOString(), today: localIsoDate(d) };
}

/**
 * SQL for "this due time has passed" over a column holding a date or a UTC date-time, with `@now` and `@today`
 * bound from a Moment. Kept next to isPastDue (shared/tasks/dates.ts), which says the same in TypeScript.
 */
export function pastDueSql(column: string): string {
  return `(${column} IS NOT NULL AND CASE WHEN length(${column}) = 10 THEN ${column} < @today ELSE ${column} < @now END)`;
}
