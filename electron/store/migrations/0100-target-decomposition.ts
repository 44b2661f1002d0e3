import type { Migration } from './types.js';

/**
 * 任务分解 (issue 7): what a decomposition plan was made from, so that editing one cell re-balances the others on the
 * same basis even after new data arrives, and so an old version can be shown exactly as it was published.
 * The figures themselves stay in `target` (origin 'decomposition'), with `locked` marking cells the user fixed.
 */
export const m0100TargetDecomposition: Migration = {
  id: 100,
  name: 'target-decomposition',
  up(db) {
    db.exec(`
CREATE TABLE target_decomposition (
  plan_id        INTEGER PRIMARY KEY REFERENCES target_plan(id) ON DELETE CASCADE,
  -- The unit whose figure is decomposed (分行 or 支行); a lineage of versions is (year, indicator, unit).
  org_unit_id    INTEGER NOT NULL REFERENCES org_unit(id),
  total          INTEGER NOT NULL,
  -- The head-office plan the total was read from (NULL when typed in); kept loose so a rollback can remove it.
  head_plan_id   INTEGER REFERENCES target_plan(id) ON DELETE SET NULL,
  -- The version this one was made from, for the history.
  based_on       INTEGER REFERENCES target_plan(id) ON DELETE SET NULL,
  outlet_method  TEXT NOT NULL CHECK (outlet_method IN ('equal', 'prior', 'aum', 'weights', 'head_office', 'manual')),
  manager_method TEXT NOT NULL CHECK (manager_method IN ('equal', 'prior', 'aum', 'weights', 'manual')),
  profile        TEXT NOT NULL CHECK (profile IN ('equal', 'kaimenhong', 'custom')),
  managers_on    TEXT NOT NULL
) STRICT;
CREATE INDEX target_decomposition_by_unit ON target_decomposition(org_unit_id);

-- The parameters: the profile's quarter and month weights, the per-mille weights of grades and types.
CREATE TABLE target_decomposition_weight (
  plan_id INTEGER NOT NULL REFERENCES target_decomposition(plan_id) ON DELETE CASCADE,
  kind    TEXT NOT NULL CHECK (kind IN ('quarter', 'month', 'grade', 'type')),
  key     TEXT NOT NULL,
  weight  INTEGER NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (plan_id, kind, key)
) STRICT, WITHOUT ROWID;

-- The rows decomposed (the unit, its outlets, their managers in force), each under its parent, with the weight
-- its level's method gave it (fen, units or per mille): the basis every later re-balance uses.
CREATE TABLE target_decomposition_row (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES target_decomposition(plan_id) ON DELETE CASCADE,
  org_unit_id    INTEGER REFERENCES org_unit(id),
  manager_id     INTEGER REFERENCES manager(id),
  parent_unit_id INTEGER REFERENCES org_unit(id),
  weight         INTEGER NOT NULL CHECK (weight >= 0),
  sort           INTEGER NOT NULL,
  CHECK ((org_unit_id IS NULL) <> (manager_id IS NULL))
) STRICT;
CREATE INDEX target_decomposition_row_by_plan ON target_decomposition_row(plan_id, sort);
CREATE INDEX target_by_plan ON target(plan_id);
`);
  },
};
