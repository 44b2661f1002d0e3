import type { Migration } from './types.js';

/**
 * What an assignment change did to rows it did not create, so the change can be undone as one step: a span it
 * closed (its valid_to before) or a span it removed (the whole row, when the change began on the span's first
 * day). Rows a change created carry its change_id already.
 */
export const m0080AssignmentUndo: Migration = {
  id: 80,
  name: 'assignment-undo',
  up(db) {
    db.exec(`
CREATE TABLE assignment_undo (
  id            INTEGER PRIMARY KEY,
  change_id     INTEGER NOT NULL REFERENCES assignment_change(id),
  assignment_id INTEGER NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('close', 'delete')),
  before        TEXT NOT NULL
) STRICT;
CREATE INDEX assignment_undo_by_change ON assignment_undo(change_id);
CREATE INDEX assignment_by_valid ON assignment(client_id, role, valid_to);
`);
  },
};
