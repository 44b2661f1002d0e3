import type { Migration } from './types.js';

/**
 * Evaluation (考核): versioned schemes, one run per scheme version and period with its stored scorecards, the
 * supervisor's entries (qualitative points, deduction counts, comments), the sign-off trail and the optional
 * performance pool. Points are hundredths of a point (integers); money is fen.
 *
 * A run's scorecards are stored as computed (card JSON with every item's trace), so a sheet printed today and one
 * printed next year show the same numbers; `inputs_sha256` fingerprints the data the run was computed from, so a
 * re-import that would change a locked period is noticed and shown as a diff instead of changing it silently.
 */
export const m0130Evaluation: Migration = {
  id: 130,
  name: 'evaluation',
  up(db) {
    db.exec(`
CREATE TABLE scheme (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  name        TEXT NOT NULL,
  period_type TEXT NOT NULL CHECK (period_type IN ('month', 'quarter', 'year')),
  -- The scheme as validated (shared/evaluation/scheme.ts), JSON.
  body        TEXT NOT NULL,
  -- First period start (YYYY-MM-DD) this version applies to; the version in force for a period is the latest one
  -- whose valid_from is on or before the period's first day.
  valid_from  TEXT NOT NULL,
  note        TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (code, version)
) STRICT;

CREATE TABLE evaluation_run (
  id            INTEGER PRIMARY KEY,
  scheme_id     INTEGER NOT NULL REFERENCES scheme(id),
  period        TEXT NOT NULL,
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL,
  -- draft: computed, open to entries; review: sent to the managers; locked: signed, never changes silently.
  status        TEXT NOT NULL CHECK (status IN ('draft', 'review', 'locked')),
  org_unit_id   INTEGER REFERENCES org_unit(id),
  inputs_sha256 TEXT NOT NULL,
  computed_by   TEXT NOT NULL,
  computed_at   TEXT NOT NULL,
  locked_by     TEXT,
  locked_at     TEXT,
  UNIQUE (scheme_id, period, org_unit_id)
) STRICT;

CREATE TABLE evaluation_score (
  run_id       INTEGER NOT NULL REFERENCES evaluation_run(id) ON DELETE CASCADE,
  manager_id   INTEGER NOT NULL REFERENCES manager(id),
  outlet_id    INTEGER REFERENCES org_unit(id),
  total        INTEGER,
  rank_outlet  INTEGER,
  rank_branch  INTEGER,
  bottom       INTEGER NOT NULL DEFAULT 0 CHECK (bottom IN (0, 1)),
  outcome      TEXT CHECK (outcome IN ('promote', 'maintain', 'demote')),
  card         TEXT NOT NULL,
  acknowledged_at TEXT,
  PRIMARY KEY (run_id, manager_id)
) STRICT, WITHOUT ROWID;

-- What the supervisor enters for a run: qualitative points (hundredths), deduction counts, comments.
CREATE TABLE evaluation_entry (
  run_id      INTEGER NOT NULL REFERENCES evaluation_run(id) ON DELETE CASCADE,
  manager_id  INTEGER NOT NULL REFERENCES manager(id),
  item_key    TEXT NOT NULL,
  value       INTEGER,
  comment     TEXT,
  entered_by  TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  PRIMARY KEY (run_id, manager_id, item_key)
) STRICT, WITHOUT ROWID;

-- The sign-off trail: comments, acknowledgements, locks and audited reopens.
CREATE TABLE evaluation_signoff (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES evaluation_run(id) ON DELETE CASCADE,
  manager_id  INTEGER REFERENCES manager(id),
  action      TEXT NOT NULL CHECK (action IN ('compute', 'review', 'acknowledge', 'lock', 'reopen', 'comment')),
  note        TEXT,
  by_user     TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;
CREATE INDEX evaluation_signoff_by_run ON evaluation_signoff(run_id, id);

-- 公共绩效池: a share of each manager's bonus held back, allocated by the supervisor with a written reason.
CREATE TABLE performance_pool (
  run_id        INTEGER NOT NULL REFERENCES evaluation_run(id) ON DELETE CASCADE,
  manager_id    INTEGER NOT NULL REFERENCES manager(id),
  held_fen      INTEGER NOT NULL CHECK (held_fen >= 0),
  allocated_fen INTEGER NOT NULL DEFAULT 0 CHECK (allocated_fen >= 0),
  reason        TEXT,
  PRIMARY KEY (run_id, manager_id)
) STRICT, WITHOUT ROWID;
`);
  },
};
