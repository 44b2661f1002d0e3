import type { Store } from '../store/store.js';

/** Rows of the per-outlet sums for the snapshot dates matched by `dates` (an SQL condition on `as_of`). */
function insertSums(store: Store, dates: string, params: unknown[]): number {
  const db = store.db;
  return (
    db
      .prepare(
        `INSERT INTO org_balance (org_unit_id, as_of, product_type, balance_fen, avg_balance_fen, clients)
         SELECT c.org_unit_id, b.as_of, b.product_type, sum(b.balance_fen), coalesce(sum(b.avg_balance_fen), 0), count(*)
         FROM balance_snapshot b JOIN client c ON c.id = b.client_id
         WHERE ${dates.replaceAll('as_of', 'b.as_of')} AND c.org_unit_id IS NOT NULL
         GROUP BY c.org_unit_id, b.as_of, b.product_type`,
      )
      .run(...params).changes +
    db
      .prepare(
        `INSERT INTO org_balance (org_unit_id, as_of, product_type, balance_fen, avg_balance_fen, clients)
         SELECT c.org_unit_id, b.as_of, 'aum', sum(b.aum_fen), 0, sum(b.aum_fen > 0)
         FROM balance_change b JOIN client c ON c.id = b.client_id
         WHERE ${dates.replaceAll('as_of', 'b.as_of')} AND c.org_unit_id IS NOT NULL
         GROUP BY c.org_unit_id, b.as_of`,
      )
      .run(...params).changes
  );
}

/**
 * Recomputes the per-outlet sums of one snapshot date (after its change indicators), inside the caller's
 * transaction: what a balances import or its rollback changed. Besides the products, an 'aum' row per outlet
 * carries assets under management and how many clients hold any.
 */
export function recomputeOrgBalancesAt(store: Store, asOf: string): number {
  store.db.prepare('DELETE FROM org_balance WHERE as_of = ?').run(asOf);
  return insertSums(store, 'as_of = ?', [asOf]);
}

/** Rebuilds the sums for every date: after clients moved between outlets (a clients import or its rollback). */
export function rebuildOrgBalances(store: Store): number {
  store.db.prepare('DELETE FROM org_balance').run();
  return insertSums(store, '1', []);
}
