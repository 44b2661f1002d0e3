import type { Migration } from './types.js';

/**
 * Balances summed per outlet, snapshot date and product (机构余额汇总): what outlet resource cards, month
 * histories and org-level target progress read, instead of summing millions of client snapshots on every view.
 * Rebuilt with the client book (book.recompute); `clients` counts clients with a row for that product. One more
 * row per outlet and date, product_type 'aum', holds the assets under management and the clients holding any.
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
`);
  },
};
