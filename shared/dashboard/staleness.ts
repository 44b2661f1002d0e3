import { z } from 'zod';
import { IMPORT_KINDS } from '../import/kinds.js';
import type { ImportKind } from '../import/kinds.js';
import type { Staleness } from './types.js';

/**
 * When is the data too old for the dashboard's figures? Core banking hands over month-end extracts some days after
 * the month closes; once `graceDays` have passed since the last month end, the checked kinds must reach that month
 * end. Before then, the month end before it is enough. Stored as the setting `dashboard.staleness`.
 */
export const STALENESS_KEY = 'dashboard.staleness';

export const stalenessRuleSchema = z
  .object({
    graceDays: z.number().int().min(0).max(27).default(10),
    kinds: z.array(z.enum(IMPORT_KINDS)).min(1).max(IMPORT_KINDS.length).default(['balances', 'clients']),
  })
  .strict();

export type StalenessRule = z.output<typeof stalenessRuleSchema>;

export const DEFAULT_STALENESS_RULE: StalenessRule = { graceDays: 10, kinds: ['balances', 'clients'] };

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The last day of the month before the one `iso` falls in: 2026-11-23 → 2026-10-31. */
export function previousMonthEnd(iso: string): string {
  return isoOf(dayNumber(`${iso.slice(0, 7)}-01`) - 1);
}

/**
 * The month end the data must reach on `today`: the last one, once more than `graceDays` days have passed since
 * it; else the one before. 2026-11-23 (grace 10) → 2026-10-31; 2026-11-10 → 2026-09-30.
 */
export function requiredAsOf(today: string, graceDays: number): string {
  const last = previousMonthEnd(today);
  return dayNumber(today) - dayNumber(last) > graceDays ? last : previousMonthEnd(last);
}

/** Judges the checked kinds: stale when never imported or when their data stops before the required month end. */
export function judgeStaleness(rule: StalenessRule, today: string, dataAsOf: ReadonlyMap<ImportKind, string | null>): Staleness {
  const required = requiredAsOf(today, rule.graceDays);
  const staleKinds = rule.kinds
    .map((kind) => ({ kind, dataAsOf: dataAsOf.get(kind) ?? null }))
    .filter((k) => k.dataAsOf === null || k.dataAsOf < required);
  return { today, requiredAsOf: required, graceDays: rule.graceDays, kinds: [...rule.kinds], stale: staleKinds.length > 0, staleKinds };
}
