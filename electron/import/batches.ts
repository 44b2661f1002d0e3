import type { BatchRef, ImportBatchInfo } from '../../shared/api/ops/import.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import type { Store } from '../store/store.js';

interface BatchRow {
  id: number;
  kind: ImportKind;
  file_name: string;
  sha256: string;
  size_bytes: number;
  as_of: string | null;
  format: string;
  encoding: string | null;
  version: number;
  supersedes_id: number | null;
  status: 'committed' | 'rolled_back' | 'superseded';
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  created_by: string;
  started_at: string;
  finished_at: string;
}

const SELECT = 'SELECT * FROM import_batch';

export function toBatchInfo(r: BatchRow): ImportBatchInfo {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    asOf: r.as_of,
    format: r.format,
    encoding: r.encoding,
    version: r.version,
    supersedesId: r.supersedes_id,
    status: r.status,
    rowsRead: r.rows_read,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    createdBy: r.created_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export function toBatchRef(b: ImportBatchInfo): BatchRef {
  return { id: b.id, kind: b.kind, fileName: b.fileName, asOf: b.asOf, version: b.version, finishedAt: b.finishedAt };
}

export function getBatch(store: Store, id: number): ImportBatchInfo | null {
  const row = store.db.prepare(`${SELECT} WHERE id = ?`).get(id) as BatchRow | undefined;
  return row === undefined ? null : toBatchInfo(row);
}

export function listBatches(store: Store, kind: ImportKind | undefined, limit: number): ImportBatchInfo[] {
  const rows = (
    kind === undefined
      ? store.db.prepare(`${SELECT} ORDER BY id DESC LIMIT ?`).all(limit)
      : store.db.prepare(`${SELECT} WHERE kind = ? ORDER BY id DESC LIMIT ?`).all(kind, limit)
  ) as BatchRow[];
  return rows.map(toBatchInfo);
}

/** The committed batch holding exactly these bytes for this kind: importing them again changes nothing. */
export function findSameFile(store: Store, kind: ImportKind, sha256: string): ImportBatchInfo | null {
  const row = store.db.prepare(`${SELECT} WHERE kind = ? AND sha256 = ? AND status = 'committed' ORDER BY id DESC LIMIT 1`).get(kind, sha256) as BatchRow | undefined;
  return row === undefined ? null : toBatchInfo(row);
}

/** The committed earlier version of a file: same kind, as-of date and file name. */
export function findEarlierVersion(store: Store, kind: ImportKind, asOf: string | null, fileName: string, exceptId: number | null): ImportBatchInfo | null {
  const row = store.db
    .prepare(`${SELECT} WHERE kind = ? AND as_of IS ? AND file_name = ? AND status = 'committed' AND id IS NOT ? ORDER BY id DESC LIMIT 1`)
    .get(kind, asOf, fileName, exceptId) as BatchRow | undefined;
  return row === undefined ? null : toBatchInfo(row);
}
