import type { Migration } from './types.js';

/**
 * The import pipeline's own records: rejected rows (quarantine and error export), the undo log that lets
 * any batch be rolled back as one step, and saved column mappings per source layout.
 *
 * Rows a batch inserted are found by their `batch_id`; only updates and deletions need an undo entry
 * (the values before), so a large first load writes no undo log at all.
 */
export const m0020Import: Migration = {
  id: 20,
  name: 'import',
  up(db) {
    db.exec(`
CREATE TABLE import_row_error (
  id        INTEGER PRIMARY KEY,
  batch_id  INTEGER NOT NULL REFERENCES import_batch(id),
  record    INTEGER NOT NULL,
  column    TEXT NOT NULL,
  field     TEXT NOT NULL,
  value     TEXT NOT NULL,
  reason_zh TEXT NOT NULL,
  reason_en TEXT NOT NULL
) STRICT;
CREATE INDEX import_row_error_by_batch ON import_row_error(batch_id, record);

CREATE TABLE import_undo (
  id        INTEGER PRIMARY KEY,
  batch_id  INTEGER NOT NULL REFERENCES import_batch(id),
  tbl       TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('update', 'delete')),
  row_key   TEXT NOT NULL,
  before    TEXT NOT NULL
) STRICT;
CREATE INDEX import_undo_by_batch ON import_undo(batch_id, tbl);

CREATE TABLE mapping_profile (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL,
  header_signature TEXT NOT NULL,
  mapping          TEXT NOT NULL,
  options          TEXT NOT NULL DEFAULT '{}',
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX mapping_profile_by_signature ON mapping_profile(header_signature);
`);
  },
};
