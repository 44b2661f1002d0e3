import type { Migration } from './types.js';

/**
 * Report templates (报表模板, issue 9): a head-office .xlsx kept as uploaded (its bytes, so a fill always starts
 * from the file head office sent), and the cells the supervisor mapped to the workbench's figures.
 *
 * A mapping is one row per template cell, in real columns: the figure's kind, the report and row key or header
 * field, the units; a spill's columns (and a single cell's one column) are rows of `report_template_column` in
 * order. `version` counts saved changes of the mappings, so an audit entry of a fill names what it filled with.
 * `owner_unit_id` is the unit of the supervisor who uploaded it (NULL: an administrator's, offered to all).
 */
export const m0150ReportTemplates: Migration = {
  id: 150,
  name: 'report-templates',
  up(db) {
    db.exec(`
CREATE TABLE report_template (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  file_bytes    BLOB NOT NULL,
  file_size     INTEGER NOT NULL CHECK (file_size > 0),
  file_sha256   TEXT NOT NULL,
  owner_unit_id INTEGER REFERENCES org_unit(id),
  version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE report_template_mapping (
  template_id   INTEGER NOT NULL REFERENCES report_template(id) ON DELETE CASCADE,
  sheet         TEXT NOT NULL,
  cell          TEXT NOT NULL,
  -- Order of the mappings as saved (the page lists them so).
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('cell', 'total', 'spill', 'header')),
  report_id     TEXT,
  row_key       TEXT,
  max_rows      INTEGER CHECK (max_rows IS NULL OR max_rows > 0),
  header_field  TEXT,
  money_unit    TEXT CHECK (money_unit IS NULL OR money_unit IN ('yuan', 'wan')),
  ratio_unit    TEXT CHECK (ratio_unit IS NULL OR ratio_unit IN ('fraction', 'percent')),
  PRIMARY KEY (template_id, sheet, cell),
  CHECK ((kind = 'header') = (header_field IS NOT NULL AND report_id IS NULL)),
  CHECK ((kind = 'cell') = (row_key IS NOT NULL)),
  CHECK ((kind = 'spill') = (max_rows IS NOT NULL))
) STRICT, WITHOUT ROWID;

CREATE TABLE report_template_column (
  template_id   INTEGER NOT NULL,
  sheet         TEXT NOT NULL,
  cell          TEXT NOT NULL,
  position      INTEGER NOT NULL,
  column_key    TEXT NOT NULL,
  PRIMARY KEY (template_id, sheet, cell, position),
  FOREIGN KEY (template_id, sheet, cell) REFERENCES report_template_mapping(template_id, sheet, cell) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
`);
  },
};
