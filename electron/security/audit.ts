import crypto from 'node:crypto';
import type { AuditBreakReason, AuditOutcome, AuditVerifyReport } from '../../shared/api/ops/audit.js';
import { readSetting } from '../store/settings.js';
import type { Database, Statement } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { canonicalJson } from './canonical-json.js';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
/** The `setting` key holding the newest entry's id and hash, so a deleted tail is noticed. */
export const AUDIT_HEAD_KEY = 'audit.head';
/** Leads every hashed record, so a later change of the hashed fields can be told apart from tampering. */
export const AUDIT_HASH_VERSION = 'bw-audit-1';

/** What a caller records; detail, before and after are any JSON-serialisable values. */
export interface AuditEntry {
  /** When it happened; stored as an ISO instant in UTC so text order is time order. */
  at: Date | string;
  username: string;
  role: string;
  /** The operation (`clients.export`, `auth.login` …). */
  action: string;
  outcome: AuditOutcome;
  entity?: string | null | undefined;
  entityId?: string | number | null | undefined;
  detail?: unknown;
  before?: unknown;
  after?: unknown;
}

export interface AuditHead {
  id: number;
  hash: string;
}

/** The stored columns an entry's hash covers, exactly as stored (JSON columns as their canonical text). */
export interface AuditHashedFields {
  at: string;
  username: string;
  role: string;
  action: string;
  outcome: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
}

/**
 * SHA-256 (hex) of the JSON array [version, at, username, role, action, outcome, entity, entity_id, detail, before,
 * after, prev_hash]. An array of strings and nulls has one JSON form, so plain JSON.stringify is canonical here;
 * the id is left out because the chain itself (prev_hash) fixes each entry's place.
 */
export function auditHash(f: AuditHashedFields): string {
  const record = [AUDIT_HASH_VERSION, f.at, f.username, f.role, f.action, f.outcome, f.entity, f.entity_id, f.detail, f.before, f.after, f.prev_hash];
  return crypto.createHash('sha256').update(JSON.stringify(record), 'utf8').digest('hex');
}

function isoInstant(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new TypeError(`appendAudit: not a time: ${String(at)}`);
  return d.toISOString();
}

export function readAuditHead(store: Store): AuditHead | null {
  return readSetting<AuditHead | null>(store, AUDIT_HEAD_KEY, null);
}

interface AppendStatements {
  readHead: Statement;
  insert: Statement;
  writeHead: Statement;
}

/** Prepared once per connection: appends run on every change, and preparing costs more than the insert itself. */
const STATEMENTS = new WeakMap<Database, AppendStatements>();

function statementsFor(db: Database): AppendStatements {
  let s = STATEMENTS.get(db);
  if (s === undefined) {
    // The same rows and JSON encoding as readSetting/writeSetting, with the statements kept.
    s = {
      readHead: db.prepare('SELECT value FROM setting WHERE key = ?').pluck(),
      writeHead: db.prepare('INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      insert: db.prepare(
        `INSERT INTO audit_log(at, username, role, action, outcome, entity, entity_id, detail, before, after, prev_hash, hash)
         VALUES (@at, @username, @role, @action, @outcome, @entity, @entity_id, @detail, @before, @after, @prev_hash, @hash)`,
      ),
    };
    STATEMENTS.set(db, s);
  }
  return s;
}

/**
 * Appends one entry to the chain and moves the head to it, inside the caller's transaction when there is one
 * (so an operation and its record commit or roll back together), else in its own IMMEDIATE one (so two
 * connections cannot both read the same head and fork the chain).
 *
 * The previous hash comes from the head, not from the last row: if the tail was deleted, the next entry still
 * points at the missing one and verify reports the break instead of the gap being papered over.
 */
export function appendAudit(store: Store, entry: AuditEntry): AuditHead {
  const fields: Omit<AuditHashedFields, 'prev_hash'> = {
    at: isoInstant(entry.at),
    username: entry.username,
    role: entry.role,
    action: entry.action,
    outcome: entry.outcome,
    entity: entry.entity ?? null,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    detail: canonicalJson(entry.detail),
    before: canonicalJson(entry.before),
    after: canonicalJson(entry.after),
  };
  const append = (): AuditHead => {
    const statements = statementsFor(store.db);
    const headText = statements.readHead.get(AUDIT_HEAD_KEY) as string | undefined;
    const prev = (headText === undefined ? null : (JSON.parse(headText) as AuditHead | null)) ?? lastEntry(store);
    const row: AuditHashedFields = { ...fields, prev_hash: prev?.hash ?? GENESIS_HASH };
    const hash = auditHash(row);
    const info = statements.insert.run({ ...row, hash });
    const head: AuditHead = { id: Number(info.lastInsertRowid), hash };
    statements.writeHead.run(AUDIT_HEAD_KEY, JSON.stringify(head));
    return head;
  };
  return store.db.inTransaction ? append() : store.transaction(append);
}

/** Only when the head setting is absent (it was removed): continue from the last row rather than fork at genesis. */
function lastEntry(store: Store): AuditHead | null {
  const row = store.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditHead | undefined;
  return row ?? null;
}

type Row = AuditHashedFields & { id: number; hash: string };

/**
 * Recomputes every entry's hash in id order, one row in memory at a time, and checks each entry points at the one
 * before it; then that the log ends where the head says. Reads in one transaction so an entry appended meanwhile
 * by another connection cannot look like tampering.
 */
export function verifyAudit(store: Store): AuditVerifyReport {
  const run = (): AuditVerifyReport => {
    let entries = 0;
    let lastId = 0;
    let prevHash = GENESIS_HASH;
    let firstBroken: { id: number; reason: AuditBreakReason } | undefined;
    const rows = store.db
      .prepare('SELECT id, at, username, role, action, outcome, entity, entity_id, detail, before, after, prev_hash, hash FROM audit_log ORDER BY id')
      .iterate() as IterableIterator<Row>;
    for (const row of rows) {
      entries += 1;
      if (row.prev_hash !== prevHash) firstBroken = { id: row.id, reason: 'chain break' };
      else if (auditHash(row) !== row.hash) firstBroken = { id: row.id, reason: 'hash mismatch' };
      if (firstBroken !== undefined) break;
      prevHash = row.hash;
      lastId = row.id;
    }
    const head = readAuditHead(store);
    if (firstBroken === undefined) firstBroken = headProblem(head, lastId, prevHash);
    if (firstBroken !== undefined) return { ok: false, entries, lastId, head, firstBroken };
    return { ok: true, entries, lastId, head };
  };
  return store.db.inTransaction ? run() : store.db.transaction(run).deferred();
}

/** The intact chain must end at the head; where it does not, name the first entry that is missing or extra. */
function headProblem(head: AuditHead | null, lastId: number, lastHash: string): { id: number; reason: AuditBreakReason } | undefined {
  if (head === null) return lastId === 0 ? undefined : { id: lastId, reason: 'chain break' };
  if (head.id === lastId && head.hash === lastHash) return undefined;
  if (head.id > lastId) return { id: lastId + 1, reason: 'chain break' };
  if (head.id < lastId) return { id: head.id + 1, reason: 'chain break' };
  return { id: head.id, reason: 'chain break' };
}
