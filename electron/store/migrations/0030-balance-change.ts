import type { Migration } from './types.js';

/**
 * Derived "change" (变动) indicators per client between consecutive balance snapshots: net growth of assets,
 * new and lost clients. Recomputed whenever a snapshot is imported or rolled back. `complete` says whether both
 * snapshots were there; otherwise the value is an estimate (a missing earlier snapshot counts as zero).
 */
export const m0030BalanceChange: Migration = {
  id: 30,
  name: 'balance-change',
  up(db) {
    db.exec(`
CREATE TABLE balance_change (
  client_id      INTEGER NOT NULL REFERENCES client(id),
  as_of          TEXT NOT NULL,
  prev_as_of     TEXT,
  aum_fen        INTEGER NOT NULL,
  prev_aum_fen   INTEGER NOT NULL,
  net_growth_fen INTEGER NOT NULL,
  is_new         INTEGER NOT NULL CHECK (is_new IN (0, 1)),
  is_lost        INTEGER NOT NULL CHECK (is_lost IN (0, 1)),
  complete       INTEGER NOT NULL CHECK (complete IN (0, 1)),
  PRIMARY KEY (client_id, as_of)
) STRICT, WITHOUT ROWID;
CREATE INDEX balance_change_by_date ON balance_change(as_of);
`);
  },
};
