import type { Migration } from './types.js';

/**
 * Narrow read paths for the period computations (evaluation, target progress, reports), so they touch only the
 * pages of the dates and events they need. That matters most for an encrypted store, where every page read from
 * the file is decrypted and authenticated (docs/security.md, tests/bench/crypto.mjs):
 * - balances by date now carry the average balance too, so both dates of a period are read from the index alone
 *   (before, the whole snapshot table was scanned in client order);
 * - balance changes by date carry the AUM, for the tier-upgrade count;
 * - clients and holdings by open date, for the new-client and product-sale events of a period (before, a full
 *   scan of the client and holding tables).
 */
export const m0160ReadPaths: Migration = {
  id: 160,
  name: 'read-paths',
  up(db) {
    db.exec(`
DROP INDEX balance_snapshot_by_date;
CREATE INDEX balance_snapshot_by_date ON balance_snapshot(as_of, client_id, product_type, balance_fen, avg_balance_fen);
DROP INDEX balance_change_by_date;
CREATE INDEX balance_change_by_date ON balance_change(as_of, aum_fen);
CREATE INDEX client_by_open_date ON client(open_date);
CREATE INDEX product_holding_by_open_date ON product_holding(open_date, product_type, client_id, amount_fen);
`);
  },
};
