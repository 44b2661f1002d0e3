import { AUM_PRODUCTS_SQL } from '../../shared/book/products.js';
import { recomputeOrgBalancesAt } from '../org/org-balance.js';
import type { Store } from '../store/store.js';

/** Assets under management exclude liabilities (loans) and card limits; one definition for the whole app. */
const AUM_PRODUCTS = AUM_PRODUCTS_SQL;

/** The snapshot dates that follow `asOf` directly, whose changes depend on it too. */
function nextDate(store: Store, asOf: string): string | null {
  const row = store.db.prepare('SELECT min(as_of) AS d FROM balance_snapshot WHERE as_of > ?').get(asOf) as { d: string | null };
  return row.d;
}

/**
 * Recomputes the change indicators (变动) for one snapshot date against the one before it:
 * net growth of AUM per client, new clients (no assets before, assets now) and lost clients (assets before,
 * none now). Without an earlier snapshot every value is marked as an estimate. Runs inside the caller's
 * transaction, in one set-based statement per date.
 */
export function recomputeChangesAt(store: Store, asOf: string): number {
  const db = store.db;
  db.prepare('DELETE FROM balance_change WHERE as_of = ?').run(asOf);
  const prev = (db.prepare('SELECT max(as_of) AS d FROM balance_snapshot WHERE as_of < ?').get(asOf) as { d: string | null }).d;
  const hasCurrent = (db.prepare('SELECT EXISTS (SELECT 1 FROM balance_snapshot WHERE as_of = ?) AS x').get(asOf) as { x: number }).x === 1;
  if (!hasCurrent) return 0;
  return db
    .prepare(
      // Every client with a snapshot on either date, in one pass over both dates' index entries (a client held only
      // on the earlier date is lost; one only on this date is new).
      `WITH both_dates AS (
         SELECT client_id,
                sum(CASE WHEN as_of = @asOf AND product_type IN ${AUM_PRODUCTS} THEN balance_fen ELSE 0 END) AS cur,
                sum(CASE WHEN as_of = @prev AND product_type IN ${AUM_PRODUCTS} THEN balance_fen ELSE 0 END) AS pre
         FROM balance_snapshot WHERE as_of IN (@asOf, @prev) GROUP BY client_id)
       INSERT INTO balance_change (client_id, as_of, prev_as_of, aum_fen, prev_aum_fen, net_growth_fen, is_new, is_lost, complete)
       SELECT client_id, @asOf, @prev, cur, pre, cur - pre, pre <= 0 AND cur > 0, pre > 0 AND cur <= 0, @prev IS NOT NULL
       FROM both_dates`,
    )
    .run({ asOf, prev }).changes;
}

/**
 * After a snapshot date changed: that date and the one after it (whose "before" it is). A date with no
 * snapshot left (rolled back) loses its derived rows in recomputeChangesAt.
 */
export function recomputeChangesAround(store: Store, asOf: string): void {
  recomputeChangesAt(store, asOf);
  const next = nextDate(store, asOf);
  if (next !== null) recomputeChangesAt(store, next);
  // The per-outlet sums of that date follow its snapshots (the next date's sums do not depend on it).
  recomputeOrgBalancesAt(store, asOf);
}
