import { CLIENT_TIERS, PRODUCT_TYPES } from '../../shared/model/client.js';
import type { IndicatorSource } from '../../shared/targets/indicator-source.js';
import { daysInclusive } from '../../shared/targets/periods.js';
import { readBookConfig } from '../book/config-store.js';
import type { Store } from '../store/store.js';
import type { YearWindow } from './org-actuals.js';
import type { Rational } from '../platform/rational.js';
import { ZERO, add, rat, roundHalfAway } from '../platform/rational.js';

/**
 * The credit rules of credit.ts as single SQL statements, so that a million clients are credited by SQLite's
 * grouping instead of a million rows crossing into JavaScript (the evaluation benchmark: 74 s → about 4 s for a
 * 20-item month over 1,000,000 clients). Balance indicators of one window share one statement: one read of the
 * snapshots, one join with the assignments.
 *
 * The arithmetic stays exact: SQLite sums 64-bit integers, and every product is split as v = hi·2^16 + lo before it
 * is multiplied, so no product leaves 64 bits for any realistic figure (|v| < 2^47 fen, 14 万亿元). A sum that would
 * still overflow makes SQLite throw ("integer overflow"), and a product that would makes it a float; both return
 * null here, and the caller credits row by row with BigInt instead (credit.ts `creditedActualsPerRow`).
 */
type Window = YearWindow & { snapshot: string };
type Num = bigint | number | null;

const json = (xs: readonly unknown[]): string => JSON.stringify(xs);

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** hi·2^16 + lo, or null when SQLite fell back to a float (a product left 64 bits). */
function joined(hi: Num, lo: Num): bigint | null {
  if (typeof hi !== 'bigint' || typeof lo !== 'bigint') return null;
  return hi * 65_536n + lo;
}

function run(store: Store, sql: string, params: Record<string, unknown>): unknown[][] | null {
  try {
    return store.db.prepare(sql).safeIntegers().raw().all(params) as unknown[][];
  } catch (e) {
    if (e instanceof Error && /integer overflow/i.test(e.message)) return null;
    throw e;
  }
}

export const isBalanceSource = (s: IndicatorSource): s is Extract<IndicatorSource, { type: 'balance_growth' | 'balance_average' }> =>
  s.type === 'balance_growth' || s.type === 'balance_average';

/** Per client, columns v0…v(n-1): what it contributed to each source over the window (fen or units). */
interface Contribution {
  sql: string;
  params: Record<string, unknown>;
  n: number;
}

/**
 * Product types as SQL literals. A list bound as JSON (json_each) is looked up again for every row of a CASE, which
 * cost a third of the statement; the types are the closed set PRODUCT_TYPES, checked here, so they can be inlined.
 */
function productList(products: readonly string[]): string {
  for (const p of products) if (!(PRODUCT_TYPES as readonly string[]).includes(p)) throw new RangeError(`unknown product type ${p}`);
  return products.length === 0 ? 'NULL' : products.map((p) => `'${p}'`).join(', ');
}

/**
 * Balances of the two dates are read from the date index alone (it carries every column used here, migration 0160),
 * so only those dates' pages are touched: a scan of the whole snapshot table in client order streamed without a
 * sort but read every month's pages, which an encrypted store must all decrypt.
 */
function balanceContribution(sources: ReadonlyArray<Extract<IndicatorSource, { type: 'balance_growth' | 'balance_average' }>>): Contribution {
  const params: Record<string, unknown> = {};
  const columns = sources.map((s, k) => {
    const mine = `product_type IN (${productList(s.products)})`;
    return s.type === 'balance_growth'
      ? `sum(CASE WHEN as_of = @snap AND ${mine} THEN balance_fen ELSE 0 END) - sum(CASE WHEN as_of = @base AND ${mine} THEN balance_fen ELSE 0 END) AS v${k}`
      : `sum(CASE WHEN as_of = @snap AND ${mine} THEN coalesce(avg_balance_fen, 0) ELSE 0 END) AS v${k}`;
  });
  return { sql: `SELECT client_id, ${columns.join(', ')} FROM balance_snapshot WHERE as_of IN (@snap, @base) GROUP BY client_id`, params, n: sources.length };
}

function tierContribution(store: Store, source: Extract<IndicatorSource, { type: 'tier_upgrades' }>): Contribution {
  const thresholds = readBookConfig(store).tiers.thresholdsFen;
  const threshold = CLIENT_TIERS.indexOf(source.minTier) <= 0 ? 0 : thresholds[source.minTier as keyof typeof thresholds];
  return {
    // Both dates from the date index alone (it carries the AUM), as for balances.
    sql: `SELECT client_id, 1 AS v0 FROM balance_change WHERE as_of IN (@snap, @base) GROUP BY client_id
          HAVING max(CASE WHEN as_of = @snap THEN aum_fen END) >= @threshold AND coalesce(max(CASE WHEN as_of = @base THEN aum_fen END), 0) < @threshold`,
    params: { threshold },
    n: 1,
  };
}

/**
 * Σ over (client, holder) of contribution × share-days, per source, grouped by manager and by the client's own
 * window length (from the window's start, or its open date if later, to the snapshot): one division per group.
 * Share-days of an assignment row are its whole days inside [from, snapshot] × its share; rows covering the whole
 * window take its length without a date computation. A manager appears for a source only when some client of
 * theirs contributed to it (as row by row).
 */
function creditByContribution(store: Store, c: Contribution, w: Window): Array<Map<number, bigint>> | null {
  const end = nextDay(w.snapshot);
  const whole = daysInclusive(w.from, w.snapshot);
  const d = `(CASE WHEN a.valid_from <= @from AND (a.valid_to IS NULL OR a.valid_to >= @end) THEN @whole
              ELSE CAST(round(julianday(min(coalesce(a.valid_to, @end), @end)) - julianday(max(a.valid_from, @from))) AS INTEGER) END)`;
  const ks = Array.from({ length: c.n }, (_, k) => k);
  const sums = ks.map((k) => `sum((c.v${k} >> 16) * ${d} * a.share_bp), sum((c.v${k} & 65535) * ${d} * a.share_bp), sum(c.v${k} <> 0)`);
  const rows = run(
    store,
    `WITH c AS NOT MATERIALIZED (${c.sql})
     SELECT a.manager_id, CASE WHEN k.open_date > @from THEN k.open_date END AS opened, ${sums.join(', ')}
     FROM c JOIN assignment a ON a.client_id = c.client_id AND a.valid_from < @end AND (a.valid_to IS NULL OR a.valid_to > @from)
     JOIN client k ON k.id = c.client_id
     WHERE ${ks.map((k) => `c.v${k} <> 0`).join(' OR ')}
     GROUP BY a.manager_id, opened`,
    // BigInt binds as an integer (a JS number would bind as a float and turn every product into one).
    { ...c.params, snap: w.snapshot, base: w.baseline, from: w.from, end, whole: BigInt(whole) },
  );
  if (rows === null) return null;
  const out = ks.map(() => new Map<number, Rational>());
  for (const row of rows) {
    const days = daysInclusive((row[1] as string | null) ?? w.from, w.snapshot);
    if (days <= 0) continue;
    const id = Number(row[0]);
    for (const k of ks) {
      if ((row[4 + 3 * k] as bigint) === 0n) continue;
      const num = joined(row[2 + 3 * k] as Num, row[3 + 3 * k] as Num);
      if (num === null) return null;
      const sumsK = out[k] as Map<number, Rational>;
      sumsK.set(id, add(sumsK.get(id) ?? ZERO, rat(num, BigInt(days) * 10_000n)));
    }
  }
  return out.map(rounded);
}

/**
 * Stock indicators of one window (balance growth, daily averages, tier upgrades), each credited as credit.ts says;
 * the balance ones in one statement. Null when the figures do not fit 64-bit sums (credit row by row instead).
 */
export function stockCreditSet(store: Store, sources: readonly IndicatorSource[], w: Window): Array<Map<number, bigint>> | null {
  const out: Array<Map<number, bigint> | undefined> = sources.map(() => undefined);
  const balances = sources.flatMap((s, i) => (isBalanceSource(s) ? [{ s, i }] : []));
  if (balances.length > 0) {
    const credited = creditByContribution(store, balanceContribution(balances.map((b) => b.s)), w);
    if (credited === null) return null;
    balances.forEach((b, k) => (out[b.i] = credited[k]));
  }
  for (const [i, s] of sources.entries()) {
    if (s.type !== 'tier_upgrades') continue;
    const credited = creditByContribution(store, tierContribution(store, s), w);
    if (credited === null) return null;
    out[i] = credited[0];
  }
  return out.map((m) => m ?? new Map<number, bigint>());
}

/** Event indicators: each event credited to the managers holding the client on its day, by their shares. */
export function eventCreditSet(store: Store, source: IndicatorSource, w: Window): Map<number, bigint> | null {
  let events: string;
  let params: Record<string, unknown> = {};
  if (source.type === 'new_clients') {
    // CROSS JOIN keeps the period's few new clients (client_by_open_date) as the outer loop: driven from the
    // snapshot's balance changes instead, it would read every client's row.
    events = `SELECT c.id AS client_id, c.open_date AS day, 1 AS amount FROM client c CROSS JOIN balance_change n ON n.client_id = c.id AND n.as_of = @snap
              WHERE c.open_date BETWEEN @from AND @to AND n.aum_fen > 0`;
  } else if (source.type === 'holding_amount' || source.type === 'holding_count') {
    events = `SELECT client_id, open_date AS day, ${source.type === 'holding_amount' ? 'amount_fen' : '1'} AS amount FROM product_holding
              WHERE product_type IN (SELECT value FROM json_each(@products)) AND open_date BETWEEN @from AND @to`;
    params = { products: json(source.products) };
  } else {
    return new Map();
  }
  const rows = run(
    store,
    `SELECT a.manager_id, sum((e.amount >> 16) * a.share_bp), sum((e.amount & 65535) * a.share_bp)
     FROM (${events}) e JOIN assignment a ON a.client_id = e.client_id AND a.valid_from <= e.day AND (a.valid_to IS NULL OR a.valid_to > e.day)
     GROUP BY a.manager_id`,
    { ...params, snap: w.snapshot, from: w.from, to: w.to },
  );
  if (rows === null) return null;
  const sums = new Map<number, Rational>();
  for (const [manager, hi, lo] of rows) {
    const num = joined(hi as Num, lo as Num);
    if (num === null) return null;
    sums.set(Number(manager), rat(num, 10_000n));
  }
  return rounded(sums);
}

function rounded(sums: ReadonlyMap<number, Rational>): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const [managerId, r] of sums) out.set(managerId, roundHalfAway(r));
  return out;
}
