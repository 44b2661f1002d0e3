import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { IndicatorSource } from '../../shared/targets/indicator-source.js';
import { daysInclusive, periodRange } from '../../shared/targets/periods.js';
import { creditDays } from '../assignment/assign.js';
import { readBookConfig } from '../book/config-store.js';
import type { Store } from '../store/store.js';
import { eventCreditSet, stockCreditSet } from './credit-set.js';
import type { YearWindow } from './org-actuals.js';
import type { Rational } from '../platform/rational.js';
import { ZERO, add, rat, roundHalfAway } from '../platform/rational.js';

/**
 * A period's window for actuals: like the year's (org-actuals), for any period — the last snapshot on or before the
 * period's end and the as-of date, measured from the last snapshot before the period began (else, as an estimate,
 * the period's first). `to` is the period's end, or the as-of date when that comes first.
 */
export function periodWindow(store: Store, period: string, asOf: string): YearWindow {
  const range = periodRange(period);
  const to = asOf < range.to ? asOf : range.to;
  const one = (sql: string, ...p: unknown[]): string | null => (store.db.prepare(sql).pluck().get(...p) as string | null | undefined) ?? null;
  const snapshot = to < range.from ? null : one('SELECT max(as_of) FROM balance_snapshot WHERE as_of >= ? AND as_of <= ?', range.from, to);
  const before = one('SELECT max(as_of) FROM balance_snapshot WHERE as_of < ?', range.from);
  const baseline = before ?? (snapshot === null ? null : one('SELECT min(as_of) FROM balance_snapshot WHERE as_of >= ? AND as_of <= ?', range.from, to));
  return { year: Number(period.slice(0, 4)), from: range.from, to, snapshot, baseline, estimate: before === null };
}

const json = (xs: readonly unknown[]): string => JSON.stringify(xs);

/** Per client, what it contributed over the window to a stock indicator (fen or units). */
function stockContributions(store: Store, source: IndicatorSource, w: YearWindow & { snapshot: string }): Map<number, bigint> {
  const db = store.db;
  const out = new Map<number, bigint>();
  const put = (rows: Array<{ id: number; v: number }>, sign: bigint): void => {
    for (const r of rows) out.set(r.id, (out.get(r.id) ?? 0n) + sign * BigInt(r.v));
  };
  const sumAt = (asOf: string, column: 'balance_fen' | 'avg_balance_fen', products: readonly string[]): Array<{ id: number; v: number }> =>
    db
      .prepare(
        `SELECT client_id AS id, sum(coalesce(${column}, 0)) AS v FROM balance_snapshot
         WHERE as_of = ? AND product_type IN (SELECT value FROM json_each(?)) GROUP BY client_id`,
      )
      .all(asOf, json(products)) as Array<{ id: number; v: number }>;
  if (source.type === 'balance_growth') {
    put(sumAt(w.snapshot, 'balance_fen', source.products), 1n);
    if (w.baseline !== null) put(sumAt(w.baseline, 'balance_fen', source.products), -1n);
  } else if (source.type === 'balance_average') {
    put(sumAt(w.snapshot, 'avg_balance_fen', source.products), 1n);
  } else if (source.type === 'tier_upgrades') {
    const thresholds = readBookConfig(store).tiers.thresholdsFen;
    const threshold = CLIENT_TIERS.indexOf(source.minTier) <= 0 ? 0 : thresholds[source.minTier as keyof typeof thresholds];
    const ids = db
      .prepare(
        `SELECT n.client_id FROM balance_change n LEFT JOIN balance_change b ON b.client_id = n.client_id AND b.as_of = @baseline
         WHERE n.as_of = @snapshot AND n.aum_fen >= @threshold AND coalesce(b.aum_fen, 0) < @threshold`,
      )
      .pluck()
      .all({ snapshot: w.snapshot, baseline: w.baseline, threshold }) as number[];
    for (const id of ids) out.set(id, 1n);
  }
  return out;
}

/** Events of a flow indicator in the window: who, on which day, how much. */
function events(store: Store, source: IndicatorSource, w: YearWindow & { snapshot: string }): Array<{ clientId: number; day: string; amount: number }> {
  if (source.type === 'new_clients') {
    return store.db
      .prepare(
        `SELECT c.id AS clientId, c.open_date AS day, 1 AS amount FROM client c CROSS JOIN balance_change n ON n.client_id = c.id AND n.as_of = @snapshot
         WHERE c.open_date BETWEEN @from AND @to AND n.aum_fen > 0`,
      )
      .all({ snapshot: w.snapshot, from: w.from, to: w.to }) as Array<{ clientId: number; day: string; amount: number }>;
  }
  if (source.type === 'holding_amount' || source.type === 'holding_count') {
    return store.db
      .prepare(
        `SELECT client_id AS clientId, open_date AS day, ${source.type === 'holding_amount' ? 'amount_fen' : '1'} AS amount FROM product_holding
         WHERE product_type IN (SELECT value FROM json_each(@products)) AND open_date BETWEEN @from AND @to`,
      )
      .all({ products: json(source.products), from: w.from, to: w.to }) as Array<{ clientId: number; day: string; amount: number }>;
  }
  return [];
}

const isEventSource = (s: IndicatorSource): boolean => s.type === 'new_clients' || s.type === 'holding_amount' || s.type === 'holding_count';

/**
 * Actuals credited to managers (按管户归属), fen or units, rounded half away from zero once per manager (the rules
 * below). Computed set-based in SQL (credit-set.ts); should a sum not fit SQLite's 64-bit integers, row by row
 * with BigInt (`creditedActualsPerRow`), which gives the same figures.
 */
export function creditedActuals(store: Store, source: IndicatorSource, w: YearWindow): Map<number, bigint> {
  return creditedActualsMany(store, [source], w)[0] ?? new Map<number, bigint>();
}

/** Several indicators over one window, in the order given; the balance ones are read in one statement. */
export function creditedActualsMany(store: Store, sources: readonly IndicatorSource[], w: YearWindow): Array<Map<number, bigint>> {
  if (w.snapshot === null) return sources.map(() => new Map<number, bigint>());
  const win = { ...w, snapshot: w.snapshot };
  const stocks = sources.flatMap((s, i) => (isEventSource(s) ? [] : [{ s, i }]));
  const stock = stocks.length === 0 ? [] : stockCreditSet(store, stocks.map((x) => x.s), win);
  return sources.map((source, i) => {
    if (isEventSource(source)) return eventCreditSet(store, source, win) ?? creditedActualsPerRow(store, source, w);
    const k = stocks.findIndex((x) => x.i === i);
    return stock?.[k] ?? creditedActualsPerRow(store, source, w);
  });
}

/**
 * Actuals credited to managers (按管户归属), fen or units, rounded half away from zero once per manager:
 * - stock indicators (balance growth, daily average, tier upgrades): each client's contribution over the window is
 *   shared by the days each manager held it (creditDays: days × credit share) out of the days it was a client in
 *   the window — from the window's start, or its open date if later, to the snapshot. Days nobody held it credit
 *   nobody, so a client moved mid-period counts for both managers in proportion.
 * - event indicators (new clients, sales, cards): each event is credited to the managers holding the client on the
 *   event's day, by their credit share.
 * Managers without credit are absent from the map.
 */
export function creditedActualsPerRow(store: Store, source: IndicatorSource, w: YearWindow): Map<number, bigint> {
  const out = new Map<number, bigint>();
  if (w.snapshot === null) return out;
  const win = { ...w, snapshot: w.snapshot };
  const sums = new Map<number, Rational>();
  const credit = (managerId: number, r: Rational): void => {
    sums.set(managerId, add(sums.get(managerId) ?? ZERO, r));
  };
  if (isEventSource(source)) {
    const list = events(store, source, win);
    const holders = store.db.prepare(
      "SELECT manager_id AS managerId, share_bp AS bp FROM assignment WHERE client_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
    );
    for (const e of list) {
      for (const h of holders.all(e.clientId, e.day, e.day) as Array<{ managerId: number; bp: number }>) credit(h.managerId, rat(BigInt(e.amount) * BigInt(h.bp), 10_000n));
    }
  } else {
    const contributions = stockContributions(store, source, win);
    if (contributions.size === 0) return out;
    const openDates = new Map(
      (store.db.prepare('SELECT id, open_date AS d FROM client WHERE open_date > ?').all(w.from) as Array<{ id: number; d: string }>).map((r) => [r.id, r.d]),
    );
    // Σ contribution × share-days per (manager, client days): one division per distinct length at the end.
    const byLength = new Map<number, Map<number, bigint>>();
    const windowDays = daysInclusive(w.from, win.snapshot);
    for (const c of creditDays(store, w.from, win.snapshot)) {
      const v = contributions.get(c.clientId);
      if (v === undefined || v === 0n) continue;
      const opened = openDates.get(c.clientId);
      const days = opened === undefined ? windowDays : daysInclusive(opened, win.snapshot);
      if (days <= 0) continue;
      const m = byLength.get(c.managerId) ?? new Map<number, bigint>();
      m.set(days, (m.get(days) ?? 0n) + v * BigInt(c.shareDaysBp));
      byLength.set(c.managerId, m);
    }
    for (const [managerId, m] of byLength) for (const [days, num] of m) credit(managerId, rat(num, BigInt(days) * 10_000n));
  }
  for (const [managerId, r] of sums) out.set(managerId, roundHalfAway(r));
  return out;
}
