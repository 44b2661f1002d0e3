import type { Migration } from './types.js';

/**
 * The per-date index on balance snapshots becomes covering and client-ordered: the change indicators (变动) sum
 * one date's balances per client, which now reads the index in order instead of looking up every row in the
 * table; a month's file sorted by client appends to it.
 */
export const m0045SnapshotByDate: Migration = {
  id: 45,
  name: 'snapshot-by-date',
  up(db) {
    db.exec(`
DROP INDEX balance_snapshot_by_date;
CREATE INDEX balance_snapshot_by_date ON balance_snapshot(as_of, client_id, product_type, balance_fen);
`);
  },
};
