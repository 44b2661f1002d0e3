import type { Migration } from './types.js';

/**
 * Balances summed per outlet, snapshot date and product (机构余额汇总): what outlet resource cards, month
 * histories and org-level target progress read, instead of summing millions of client snapshots on every view.
 * Kept current by the imports: a balances file recomputes its date, a clients file that moves clients between
 * outlets rebuilds all dates (electron/org/org-balance.ts). `clients` counts clients with a row for that product;
 * one more row per outlet and date, product_type 'aum', holds assets under management and the clients holding any.
 * A store migrated with snapshots in it gets its sums here.
 */
export const m0060OrgBalance: Migration = {
  id: 60,
  name: 'org-balance',
  up(db) {
    db.exec(`
CREATE TABLE org_balance (
  org_unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
  as_of           TEXT NOT NULL,
  product_type    TEXT NOT NULL,
  balance_fen     INTEGER NOT NULL,
  avg_balance_fen INTEGER NOT NULL,
  clients         INTEGER NOT NULL,
  PRIMARY KEY (org_unit_id, as_of, product_type)
) STRICT, WITHOUT ROWID;

INSERT INTO org_balance (org_unit_id, as_of, product_type, balance_fen, avg_balance_fen, clients)
SELECT c.org_unit_id, b.as_of, b.product_type, sum(b.balance_fen), coalesce(sum(b.avg_balance_fen), 0), count(*)
FROM balance_snapshot b JOIN client c ON c.id = b.client_id WHERE c.org_unit_id IS NOT NULL
GROUP BY c.org_unit_id, b.as_of, b.product_type;
INSERT INTO org_balance (org_unit_id, as_of, product_type, balance_fen, avg_balance_fen, clients)
SELECT c.org_unit_id, b.as_of, 'aum', sum(b.aum_fen), 0, sum(b.aum_fen > 0)
FROM balance_change b JOIN client c ON c.id = b.client_id WHERE c.org_unit_id IS NOT NULL
GROUP BY c.org_unit_id, b.as_of;
`);
  },
};
