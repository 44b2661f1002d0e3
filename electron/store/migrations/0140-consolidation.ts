import type { Migration } from './types.js';

/**
 * Consolidation (汇总): packages imported from lower units (docs/export-package.md) and the results they carry.
 * A package is known by the SHA-256 of its manifest (which holds every member's hash), so importing it again
 * finds it. For each unit and period one package is current; a newer one supersedes it (superseded_by), and the
 * older stays for the record. Points are hundredths of a point; figures are exact decimal text in their unit.
 * Imported rows do not refer to the local org tree or roster: a 二级分行's workspace need not hold its 支行's data.
 */
export const m0140Consolidation: Migration = {
  id: 140,
  name: 'consolidation',
  up(db) {
    db.exec(`
CREATE TABLE consolidation_package (
  id              INTEGER PRIMARY KEY,
  manifest_sha256 TEXT NOT NULL UNIQUE,
  file_name       TEXT NOT NULL,
  format_version  INTEGER NOT NULL,
  bank_code       TEXT NOT NULL,
  bank_name       TEXT NOT NULL,
  unit_code       TEXT NOT NULL,
  unit_name       TEXT NOT NULL,
  unit_level      TEXT NOT NULL,
  period          TEXT NOT NULL,
  scheme_code     TEXT NOT NULL,
  scheme_version  INTEGER NOT NULL,
  scheme_name     TEXT NOT NULL,
  run_id          INTEGER NOT NULL,
  run_status      TEXT NOT NULL,
  generated_at    TEXT NOT NULL,
  generated_by    TEXT NOT NULL,
  generated_role  TEXT NOT NULL,
  -- 1 when the signature was checked with the head-office key at import.
  signed          INTEGER NOT NULL CHECK (signed IN (0, 1)),
  imported_by     TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  superseded_by   INTEGER REFERENCES consolidation_package(id),
  superseded_at   TEXT
) STRICT;
CREATE INDEX consolidation_package_by_unit ON consolidation_package(period, unit_code, generated_at);

CREATE TABLE consolidation_manager (
  package_id    INTEGER NOT NULL REFERENCES consolidation_package(id) ON DELETE CASCADE,
  staff_no      TEXT NOT NULL,
  name          TEXT NOT NULL,
  outlet_code   TEXT NOT NULL,
  outlet_name   TEXT NOT NULL,
  grade         TEXT NOT NULL,
  type          TEXT NOT NULL,
  quantitative  INTEGER,
  adjusted      INTEGER,
  qualitative   INTEGER,
  deductions    INTEGER,
  total         INTEGER,
  outcome       TEXT,
  source_rank   INTEGER,
  PRIMARY KEY (package_id, staff_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE consolidation_item (
  package_id  INTEGER NOT NULL REFERENCES consolidation_package(id) ON DELETE CASCADE,
  staff_no    TEXT NOT NULL,
  item_key    TEXT NOT NULL,
  -- The row's place in data/item-scores.csv: items keep the scheme's order.
  position    INTEGER NOT NULL,
  item_name   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  indicator   TEXT,
  unit        TEXT NOT NULL,
  target      TEXT,
  actual      TEXT,
  completion  TEXT,
  points      INTEGER,
  status      TEXT NOT NULL,
  PRIMARY KEY (package_id, staff_no, item_key)
) STRICT, WITHOUT ROWID;

-- The package's own org-unit results (data/units.csv) as sent, checked against its manager rows at import.
CREATE TABLE consolidation_unit (
  package_id    INTEGER NOT NULL REFERENCES consolidation_package(id) ON DELETE CASCADE,
  unit_code     TEXT NOT NULL,
  unit_name     TEXT NOT NULL,
  level         TEXT NOT NULL,
  managers      INTEGER NOT NULL,
  scored        INTEGER NOT NULL,
  total_points  INTEGER NOT NULL,
  PRIMARY KEY (package_id, unit_code)
) STRICT, WITHOUT ROWID;
`);
  },
};
