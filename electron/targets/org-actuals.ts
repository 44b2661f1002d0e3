import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { IndicatorSource } from '../../shared/targets/indicator-source.js';
import { BUILTIN_SOURCES, indicatorSourceSchema } from '../../shared/targets/indicator-source.js';
import { readBookConfig } from '../book/config-store.js';
import type { Store } from '../store/store.js';

/** The year to date an actual figure covers, by the snapshots that exist. */
export interface YearWindow {
  year: number;
  /** First day of the year and the day asked for. */
  from: string;
  to: string;
  /** The last snapshot on or before `to` in the year; null when the year has none. */
  snapshot: string | null;
  /** The last snapshot before the year; when missing, the year's first snapshot stands in (an estimate). */
  baseline: string | null;
  estimate: boolean;
}

export function yearWindow(store: Store, year: number, to: string): YearWindow {
  const from = `${year}-01-01`;
  const one = (sql: string, ...p: unknown[]): string | null => (store.db.prepare(sql).pluck().get(...p) as string | null | undefined) ?? null;
  const snapshot = one('SELECT max(as_of) FROM balance_snapshot WHERE as_of >= ? AND as_of <= ?', from, to);
  const before = one('SELECT max(as_of) FROM balance_snapshot WHERE as_of < ?', from);
  const baseline = before ?? one('SELECT min(as_of) FROM balance_snapshot WHERE as_of >= ? AND as_of <= ?', from, to);
  return { year, from, to, snapshot, baseline, estimate: before === null };
}

/** An indicator's source: its own, else the built-in one for its code, else none (entered by hand only). */
export function sourceOf(code: string, sourceJson: string | null): IndicatorSource | null {
  if (sourceJson !== null) {
    const parsed = indicatorSourceSchema.safeParse(JSON.parse(sourceJson));
    if (parsed.success) return parsed.data;
  }
  return BUILTIN_SOURCES[code] ?? null;
}

const IN_UNITS = 'c.org_unit_id IN (SELECT value FROM json_each(@units))';

/**
 * The actual figure for clients of the given org units, year to date: fen for amounts, units for counts.
 * Balance figures read the per-outlet sums (org_balance); client and holding figures read the book.
 */
export function orgActual(store: Store, source: IndicatorSource, unitIds: readonly number[], w: YearWindow): number | null {
  if (w.snapshot === null) return null;
  const db = store.db;
  const units = JSON.stringify(unitIds);
  const num = (sql: string, params: Record<string, unknown>): number => (db.prepare(sql).pluck().get({ units, ...params }) as number | null) ?? 0;
  const balances = (asOf: string | null, column: 'balance_fen' | 'avg_balance_fen', products: readonly string[]): number =>
    asOf === null
      ? 0
      : num(
          `SELECT sum(${column}) FROM org_balance WHERE org_unit_id IN (SELECT value FROM json_each(@units))
           AND as_of = @asOf AND product_type IN (SELECT value FROM json_each(@products))`,
          { asOf, products: JSON.stringify(products) },
        );
  switch (source.type) {
    case 'balance_growth':
      return balances(w.snapshot, 'balance_fen', source.products) - balances(w.baseline, 'balance_fen', source.products);
    case 'balance_average':
      return balances(w.snapshot, 'avg_balance_fen', source.products);
    case 'new_clients':
      return num(
        `SELECT count(*) FROM client c CROSS JOIN balance_change n ON n.client_id = c.id AND n.as_of = @snapshot
         WHERE ${IN_UNITS} AND c.open_date BETWEEN @from AND @to AND n.aum_fen > 0`,
        { snapshot: w.snapshot, from: w.from, to: w.to },
      );
    case 'holding_amount':
    case 'holding_count':
      return num(
        `SELECT ${source.type === 'holding_amount' ? 'sum(h.amount_fen)' : 'count(*)'} FROM product_holding h JOIN client c ON c.id = h.client_id
         WHERE ${IN_UNITS} AND h.product_type IN (SELECT value FROM json_each(@products)) AND h.open_date BETWEEN @from AND @to`,
        { products: JSON.stringify(source.products), from: w.from, to: w.to },
      );
    case 'tier_upgrades': {
      const thresholds = readBookConfig(store).tiers.thresholdsFen;
      const rank = CLIENT_TIERS.indexOf(source.minTier);
      const threshold = rank <= 0 ? 0 : thresholds[source.minTier as keyof typeof thresholds];
      return num(
        `SELECT count(*) FROM client c JOIN balance_change n ON n.client_id = c.id AND n.as_of = @snapshot
         LEFT JOIN balance_change b ON b.client_id = c.id AND b.as_of = @baseline
         WHERE ${IN_UNITS} AND n.aum_fen >= @threshold AND coalesce(b.aum_fen, 0) < @threshold`,
        { snapshot: w.snapshot, baseline: w.baseline, threshold },
      );
    }
  }
}
