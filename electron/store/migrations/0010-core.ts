import type { Migration } from './types.js';

/**
 * The core book: org tree, effective-dated roster, clients, balances, holdings, transactions,
 * work log, effective-dated assignments, import batches (provenance of every row) and settings.
 *
 * Conventions: dates are ISO 'YYYY-MM-DD' text; validity intervals are [valid_from, valid_to)
 * with NULL valid_to meaning "still in force"; money is INTEGER fen; shares are basis points.
 */
export const m0010Core: Migration = {
  id: 10,
  name: 'core',
  up(db) {
    db.exec(`
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batch (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  as_of         TEXT,
  format        TEXT NOT NULL,
  encoding      TEXT,
  profile_name  TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  supersedes_id INTEGER REFERENCES import_batch(id),
  status        TEXT NOT NULL CHECK (status IN ('committed', 'rolled_back', 'superseded')),
  rows_read     INTEGER NOT NULL DEFAULT 0,
  inserted      INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  created_by    TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL
) STRICT;
CREATE INDEX import_batch_by_kind ON import_batch(kind, as_of, status);
CREATE INDEX import_batch_by_sha ON import_batch(sha256);

CREATE TABLE org_unit (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  level      TEXT NOT NULL CHECK (level IN ('head', 'tier1', 'tier2', 'sub', 'outlet')),
  parent_id  INTEGER REFERENCES org_unit(id),
  head_name  TEXT,
  address    TEXT,
  phone      TEXT,
  batch_id   INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX org_unit_by_parent ON org_unit(parent_id);

CREATE TABLE manager (
  id        INTEGER PRIMARY KEY,
  staff_no  TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  phone     TEXT,
  hired_on  TEXT,
  batch_id  INTEGER REFERENCES import_batch(id)
) STRICT;

-- Who was where, in which grade and status, over time.
CREATE TABLE manager_period (
  id              INTEGER PRIMARY KEY,
  manager_id      INTEGER NOT NULL REFERENCES manager(id),
  valid_from      TEXT NOT NULL,
  valid_to        TEXT,
  org_unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
  grade           TEXT NOT NULL,
  type            TEXT NOT NULL CHECK (type IN ('full_time', 'part_time')),
  status          TEXT NOT NULL CHECK (status IN ('active', 'leave', 'transferred', 'departed')),
  max_clients     INTEGER,
  max_vip_clients INTEGER,
  batch_id        INTEGER REFERENCES import_batch(id),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
) STRICT;
CREATE INDEX manager_period_by_manager ON manager_period(manager_id, valid_from);
CREATE INDEX manager_period_by_org ON manager_period(org_unit_id);

CREATE TABLE client (
  id            INTEGER PRIMARY KEY,
  client_no     TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  name_initials TEXT,
  kind          TEXT NOT NULL DEFAULT 'individual' CHECK (kind IN ('individual', 'corporate')),
  id_type       TEXT,
  id_no         TEXT,
  phone         TEXT,
  gender        TEXT CHECK (gender IN ('M', 'F')),
  birth_date    TEXT,
  open_date     TEXT,
  org_unit_id   INTEGER REFERENCES org_unit(id),
  batch_id      INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX client_by_name ON client(name);
CREATE INDEX client_by_initials ON client(name_initials);
CREATE INDEX client_by_id_no ON client(id_no);
CREATE INDEX client_by_phone ON client(phone);
CREATE INDEX client_by_org ON client(org_unit_id);

-- Point-in-time and daily-average balances per client, as-of date and product type.
CREATE TABLE balance_snapshot (
  client_id       INTEGER NOT NULL REFERENCES client(id),
  as_of           TEXT NOT NULL,
  product_type    TEXT NOT NULL,
  balance_fen     INTEGER NOT NULL,
  avg_balance_fen INTEGER,
  batch_id        INTEGER NOT NULL REFERENCES import_batch(id),
  PRIMARY KEY (client_id, as_of, product_type)
) STRICT, WITHOUT ROWID;
CREATE INDEX balance_snapshot_by_date ON balance_snapshot(as_of, product_type);
CREATE INDEX balance_snapshot_by_batch ON balance_snapshot(batch_id);

CREATE TABLE product_holding (
  id            INTEGER PRIMARY KEY,
  account_no    TEXT NOT NULL UNIQUE,
  client_id     INTEGER NOT NULL REFERENCES client(id),
  product_type  TEXT NOT NULL,
  product_code  TEXT,
  product_name  TEXT,
  amount_fen    INTEGER NOT NULL,
  open_date     TEXT,
  maturity_date TEXT,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  batch_id      INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX product_holding_by_client ON product_holding(client_id);
CREATE INDEX product_holding_by_maturity ON product_holding(maturity_date) WHERE status = 'open';

-- Amount is signed: positive money in (收入/贷), negative money out (支出/借).
CREATE TABLE txn (
  id           INTEGER PRIMARY KEY,
  txn_ref      TEXT NOT NULL UNIQUE,
  client_id    INTEGER NOT NULL REFERENCES client(id),
  account_no   TEXT,
  txn_at       TEXT NOT NULL,
  amount_fen   INTEGER NOT NULL,
  channel      TEXT,
  summary      TEXT,
  counterparty TEXT,
  batch_id     INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX txn_by_client ON txn(client_id, txn_at);

-- Work log (工作日志): one contact with a client.
CREATE TABLE contact (
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES client(id),
  manager_id   INTEGER NOT NULL REFERENCES manager(id),
  contact_at   TEXT NOT NULL,
  channel      TEXT NOT NULL CHECK (channel IN ('meeting', 'phone', 'wechat', 'branch', 'visit')),
  purpose      TEXT,
  outcome      TEXT,
  next_step    TEXT,
  follow_up_on TEXT,
  ext_ref      TEXT UNIQUE,
  batch_id     INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX contact_by_client ON contact(client_id, contact_at);
CREATE INDEX contact_by_manager ON contact(manager_id, contact_at);

-- One user action that changed assignments (manual, bulk, rules run, handover, import); undone as a unit.
CREATE TABLE assignment_change (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('manual', 'bulk', 'rules', 'handover', 'import', 'undo')),
  reason      TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  undone_by   INTEGER REFERENCES assignment_change(id),
  batch_id    INTEGER REFERENCES import_batch(id)
) STRICT;

-- Who looked after a client when; credit shares in basis points sum to 10000 per client and day.
CREATE TABLE assignment (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES client(id),
  manager_id  INTEGER NOT NULL REFERENCES manager(id),
  role        TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
  share_bp    INTEGER NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
  valid_from  TEXT NOT NULL,
  valid_to    TEXT,
  change_id   INTEGER NOT NULL REFERENCES assignment_change(id),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
) STRICT;
CREATE INDEX assignment_by_client ON assignment(client_id, valid_from);
CREATE INDEX assignment_by_manager ON assignment(manager_id, valid_to);
CREATE INDEX assignment_by_change ON assignment(change_id);
`);
  },
};
