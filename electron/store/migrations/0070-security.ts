import type { Migration } from './types.js';

/**
 * Local accounts and the audit log.
 * - `user`: one row per person who signs in. Supervisors are scoped to an org unit (and everything below it);
 *   client managers are tied to their roster entry and see only their own clients. Passwords are scrypt hashes.
 * - `audit_log`: append-only (triggers refuse UPDATE and DELETE); each entry carries the hash of the previous one,
 *   so an entry edited or deleted with a raw SQLite handle breaks the chain (`branch-workbench audit verify`).
 */
export const m0070Security: Migration = {
  id: 70,
  name: 'security',
  up(db) {
    db.exec(`
CREATE TABLE user (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'manager')),
  org_unit_id     INTEGER REFERENCES org_unit(id),
  manager_id      INTEGER REFERENCES manager(id),
  password_hash   TEXT NOT NULL,
  must_change     INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  last_login_at   TEXT,
  CHECK (role <> 'manager' OR manager_id IS NOT NULL),
  CHECK (role <> 'supervisor' OR org_unit_id IS NOT NULL)
) STRICT;

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  username  TEXT NOT NULL,
  role      TEXT NOT NULL,
  action    TEXT NOT NULL,
  outcome   TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  entity    TEXT,
  entity_id TEXT,
  detail    TEXT,
  before    TEXT,
  after     TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_by_time ON audit_log(at);
CREATE INDEX audit_log_by_user ON audit_log(username, at);
CREATE INDEX audit_log_by_action ON audit_log(action, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`);
  },
};
