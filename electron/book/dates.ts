/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') in UTC, so results never depend on the machine's time zone.
 * Hot in the bulk recompute (one call per client), hence plain string slicing instead of Date parsing there.
 */

/**
 * Full months from `from` to `to`: the largest n with addMonths(from, n) ≤ to, so it agrees with addMonths's
 * clamping (2026-01-31 → 2026-02-27 is 0, → 2026-02-28 is 1). Negative when `to` is earlier.
 */
export function fullMonthsBetween(from: string, to: string): number {
  const fy = Number(from.slice(0, 4));
  const fm = Number(from.slice(5, 7));
  const fd = Number(from.slice(8, 10));
  const ty = Number(to.slice(0, 4));
  const tm = Number(to.slice(5, 7));
  const td = Number(to.slice(8, 10));
  let months = (ty - fy) * 12 + (tm - fm);
  // A month counts once its day is reached, or once `to` is the last day of a shorter month.
  if (td < fd && td !== daysInMonth(ty, tm)) months -= 1;
  return months;
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** The same calendar day `months` later (negative: earlier), clamped to the month's end (03-31 − 1 month = 02-28). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The day after `iso`. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
