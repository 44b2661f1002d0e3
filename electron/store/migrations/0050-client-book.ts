import type { Migration } from './types.js';

/**
 * The client book (issue 4): one score row per client, computed in bulk as of a snapshot date; the service
 * strategy a supervisor wrote for a segment; saved client-list views.
 *
 * A score row keeps the inputs of every formula next to its result (real columns, no JSON) so the client
 * page explains a score from exactly what was stored. Scores and component points are INTEGER tenths of a
 * point (634 = 63.4), so no floating-point drift creeps into sorting, filtering or sums. A NULL component
 * means "no data for it": it was left out and the other weights renormalised (docs/book.md).
 */
export const m0050ClientBook: Migration = {
  id: 50,
  name: 'client-book',
  up(db) {
    db.exec(`
CREATE TABLE client_score (
  client_id           INTEGER PRIMARY KEY REFERENCES client(id),
  as_of               TEXT NOT NULL,
  aum_fen             INTEGER NOT NULL,
  avg_aum_fen         INTEGER,
  loan_fen            INTEGER NOT NULL,
  income_fen          INTEGER,
  tenure_months       INTEGER,
  product_types       INTEGER NOT NULL CHECK (product_types BETWEEN 0 AND 7),
  stability_pm        INTEGER CHECK (stability_pm BETWEEN 0 AND 1000),
  txn_count           INTEGER NOT NULL,
  activity_months     INTEGER NOT NULL CHECK (activity_months >= 1),
  ever_peak_fen       INTEGER NOT NULL,
  peak_fen            INTEGER NOT NULL,
  recent_fen          INTEGER NOT NULL,
  base_fen            INTEGER NOT NULL,
  tier                TEXT NOT NULL CHECK (tier IN ('standard', 'gold', 'platinum', 'diamond', 'private')),
  contribution        INTEGER NOT NULL CHECK (contribution BETWEEN 0 AND 1000),
  contribution_aum    INTEGER,
  contribution_avg    INTEGER,
  contribution_loan   INTEGER,
  contribution_income INTEGER,
  loyalty             INTEGER NOT NULL CHECK (loyalty BETWEEN 0 AND 1000),
  loyalty_tenure      INTEGER,
  loyalty_products    INTEGER,
  loyalty_stability   INTEGER,
  loyalty_activity    INTEGER,
  stage               TEXT NOT NULL CHECK (stage IN ('prospect', 'lost', 'new', 'declining', 'growing', 'mature')),
  segment             TEXT NOT NULL
) STRICT;
-- The client list filters by these; the second column keeps each filter's rows in client order for paging.
CREATE INDEX client_score_by_tier ON client_score(tier, client_id);
CREATE INDEX client_score_by_segment ON client_score(segment, client_id);
CREATE INDEX client_score_by_stage ON client_score(stage, client_id);

-- A supervisor's own service strategy for a segment; without a row the built-in default applies.
CREATE TABLE segment_strategy (
  segment    TEXT PRIMARY KEY,
  text       TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- A named set of client-list filters (JSON: the list operation's own filter input).
CREATE TABLE saved_view (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  owner      TEXT NOT NULL,
  filters    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (owner, name)
) STRICT;
`);
  },
};
