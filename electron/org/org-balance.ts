import type { Store } from '../store/store.js';

/**
 * Rebuilds the per-outlet balance sums from the client snapshots, for every date, inside the caller's
 * transaction. Clients without an outlet are left out. Besides the products, an 'aum' row per outlet and date
 * carries assets under management (from the change indicators) and how many clients hold any.
 */
export function rebuildOrgBalances(store: Store): number {
  const db = store.db;
  db.prepare('DELETE FROM org_balance').run();
  return db
    .prepare(
      `INSERT INTO org_balance (org_unit_id, as_of, product_type, balance_fen, avg_balance_fen, clients)
       SELECT c.org_unit_id, b.as_of, b.product_type, sum(b.balance_fen), coalesce(sum(b.avg_balance_fen), 0), count(*)
       FROM balance_snapshot b JOIN client c ON c.id = b.client_id
       WHERE c.org_unit_id IS NOT NULL
       GROUP BY c.org_unit_id, b.as_of, b.product_type`,
    )
    .run().changes +
    db
      .prepare(
        `INSERT INTO org_balance (org_unit_id, as_of, product_type, balance_fen, avg_balance_fen, clients)
         SELECT c.org_unit_id, b.as_of, 'aum', sum(b.aum_fen), 0, sum(b.aum_fen > 0)
         FROM balance_change b JOIN client c ON c.id = b.client_id
         WHERE c.org_unit_id IS NOT NULL
         GROUP BY c.org_unit_id, b.as_of`,
      )
      .run().changes;
}
