/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) for task windows and contact periods. Business dates have no time
 * zone, so the arithmetic is done in UTC on the date alone and never depends on the machine's zone.
 */
const MS_PER_DAY = 86_400_000;

function utcOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function addDays(iso: string, days: number): string {
  return new Date(utcOf(iso) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The first day of the month `months` after the month of `iso`. */
function monthStart(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  return new Date(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, 1)).toISOString().slice(0, 10);
}

/**
 * The calendar period of `months` months (1, 2, 3, 4, 6 or 12: they tile the year) that contains `iso`:
 * [start, end] with both days included. A quarter is `periodOf(d, 3)`.
 */
export function periodOf(iso: string, months: number): { start: string; end: string } {
  const month = Number(iso.slice(5, 7)) - 1;
  const first = `${iso.slice(0, 4)}-${String(Math.floor(month / months) * months + 1).padStart(2, '0')}-01`;
  return { start: first, end: addDays(monthStart(first, months), -1) };
}

/**
 * Whether a due time has passed: a date is due by the end of that (local) day, a date-time at that instant.
 * `today` is the local calendar date and `now` the UTC ISO instant of the same moment.
 */
export function isPastDue(dueAt: string | null, today: string, now: string): boolean {
  if (dueAt === null) return false;
  return dueAt.length === 10 ? dueAt < today : dueAt < now;
}
