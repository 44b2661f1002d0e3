import type { ImportBatchInfo, RollbackEffect } from '../../shared/api/ops/import.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import { AppError } from '../platform/app-error.js';
import { sqliteCode } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { rebuildOrgBalances } from '../org/org-balance.js';
import { recomputeChangesAround } from './balance-change.js';
import { getBatch } from './batches.js';

/** Tables whose rows carry the batch that wrote them, children before parents (the order rows are deleted in). */
const BATCH_TABLES = ['target_plan', 'balance_snapshot', 'product_holding', 'txn', 'contact', 'manager_period', 'client', 'manager', 'org_unit'] as const;

/** How an undo entry's key finds its row again. */
const KEY_WHERE: Record<string, { where: string; params: (key: string) => unknown[] }> = {
  client: { where: 'client_no = ?', params: (k) => [k] },
  org_unit: { where: 'code = ?', params: (k) => [k] },
  manager: { where: 'staff_no = ?', params: (k) => [k] },
  manager_period: { where: 'id = ?', params: (k) => [Number(k)] },
  product_holding: { where: 'account_no = ?', params: (k) => [k] },
  txn: { where: 'txn_ref = ?', params: (k) => [k] },
  contact: { where: 'ext_ref = ?', params: (k) => [k] },
  assignment: { where: 'id = ?', params: (k) => [Number(k)] },
  target_plan: { where: 'id = ?', params: (k) => [Number(k)] },
  balance_snapshot: {
    where: 'client_id = ? AND as_of = ? AND product_type = ?',
    params: (k) => {
      const [c, d, p] = k.split('|');
      return [Number(c), d, p];
    },
  },
};

function notFound(id: number): never {
  throw new AppError('NOT_FOUND', { zh: `找不到导入批次 #${id}`, en: `Import batch #${id} not found` });
}

function isForeignKeyError(e: unknown): boolean {
  return sqliteCode(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Later committed batches that changed rows this batch wrote: they must be rolled back first. */
function laterDependants(store: Store, batchId: number): number[] {
  const rows = store.db
    .prepare(
      `SELECT DISTINCT u.batch_id AS id FROM import_undo u JOIN import_batch b ON b.id = u.batch_id
       WHERE b.status = 'committed' AND u.batch_id > ? AND json_extract(u.before, '$.batch_id') = ?`,
    )
    .all(batchId, batchId) as Array<{ id: number }>;
  return rows.map((r) => r.id);
}

function undoRows(store: Store, batchId: number, action: 'update' | 'delete'): Array<{ tbl: string; row_key: string; before: string }> {
  return store.db.prepare('SELECT tbl, row_key, before FROM import_undo WHERE batch_id = ? AND action = ? ORDER BY id DESC').all(batchId, action) as Array<{
    tbl: string;
    row_key: string;
    before: string;
  }>;
}

/** Undoes one batch inside the caller's transaction; returns the rows deleted and restored per table. */
function undoBatch(store: Store, batch: ImportBatchInfo): { deletes: Record<string, number>; restores: Record<string, number> } {
  const db = store.db;
  const deletes: Record<string, number> = {};
  const restores: Record<string, number> = {};
  const changes = db.prepare('SELECT id FROM assignment_change WHERE batch_id = ?').pluck().all(batch.id) as number[];
  for (const id of changes) {
    const n = db.prepare('DELETE FROM assignment WHERE change_id = ?').run(id).changes;
    deletes['assignment'] = (deletes['assignment'] ?? 0) + n;
  }
  db.prepare('DELETE FROM assignment_change WHERE batch_id = ?').run(batch.id);
  for (const u of undoRows(store, batch.id, 'update')) {
    const spec = KEY_WHERE[u.tbl];
    if (spec === undefined) continue;
    const before = JSON.parse(u.before) as Record<string, unknown>;
    const cols = Object.keys(before);
    db.prepare(`UPDATE ${u.tbl} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE ${spec.where}`).run(...cols.map((c) => before[c]), ...spec.params(u.row_key));
    restores[u.tbl] = (restores[u.tbl] ?? 0) + 1;
  }
  for (const table of BATCH_TABLES) {
    const n = db.prepare(`DELETE FROM ${table} WHERE batch_id = ?`).run(batch.id).changes;
    if (n > 0) deletes[table] = n;
  }
  for (const u of undoRows(store, batch.id, 'delete')) {
    const before = JSON.parse(u.before) as Record<string, unknown>;
    const cols = Object.keys(before);
    db.prepare(`INSERT INTO ${u.tbl} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => before[c]));
    restores[u.tbl] = (restores[u.tbl] ?? 0) + 1;
  }
  db.prepare('DELETE FROM import_undo WHERE batch_id = ?').run(batch.id);
  if (batch.kind === 'balances' && batch.asOf !== null) recomputeChangesAround(store, batch.asOf);
  // Clients the batch had moved between outlets are back where they were: their outlets' sums follow.
  if (batch.kind === 'clients' && (restores['client'] ?? 0) > 0) rebuildOrgBalances(store);
  if (batch.supersedesId !== null) db.prepare("UPDATE import_batch SET status = 'committed' WHERE id = ?").run(batch.supersedesId);
  db.prepare("UPDATE import_batch SET status = 'rolled_back' WHERE id = ?").run(batch.id);
  return { deletes, restores };
}

function blockersOf(store: Store, batch: ImportBatchInfo): LocalizedText[] {
  const blockers: LocalizedText[] = [];
  if (batch.status !== 'committed') {
    blockers.push({ zh: `批次 #${batch.id} 当前状态为“${batch.status === 'rolled_back' ? '已回滚' : '已被新版本替代'}”，不能回滚`, en: `Batch #${batch.id} is ${batch.status.replace('_', ' ')} and cannot be rolled back` });
  }
  const later = laterDependants(store, batch.id);
  if (later.length > 0) {
    blockers.push({ zh: `之后的批次 ${later.map((i) => `#${i}`).join('、')} 修改了本批次的数据，请先回滚它们`, en: `Later batches ${later.map((i) => `#${i}`).join(', ')} changed this batch's rows; roll them back first` });
  }
  return blockers;
}

const REFERENCED: LocalizedText = {
  zh: '其他批次的数据引用了本批次导入的记录（例如余额引用了客户），请先回滚那些批次',
  en: "Rows from other batches refer to rows this batch imported (e.g. balances of its clients); roll those batches back first",
};

/** What a rollback would do, computed by doing it inside a savepoint and undoing that: the numbers are exact. */
export function rollbackEffect(store: Store, batchId: number): RollbackEffect {
  const batch = getBatch(store, batchId) ?? notFound(batchId);
  const blockers = blockersOf(store, batch);
  let effect = { deletes: {} as Record<string, number>, restores: {} as Record<string, number> };
  if (blockers.length === 0) {
    store.db.exec('SAVEPOINT rollback_preview');
    try {
      effect = undoBatch(store, batch);
    } catch (e) {
      if (!isForeignKeyError(e)) throw e;
      blockers.push(REFERENCED);
    } finally {
      store.db.exec('ROLLBACK TO rollback_preview');
      store.db.exec('RELEASE rollback_preview');
    }
  }
  return { batch, ...effect, blockers };
}

export function rollbackBatch(store: Store, batchId: number): ImportBatchInfo {
  return store.transaction(() => {
    const batch = getBatch(store, batchId) ?? notFound(batchId);
    const blockers = blockersOf(store, batch);
    if (blockers.length > 0) throw new AppError('CONFLICT', blockers[0] ?? REFERENCED);
    try {
      undoBatch(store, batch);
    } catch (e) {
      if (isForeignKeyError(e)) throw new AppError('CONFLICT', REFERENCED);
      throw e;
    }
    return getBatch(store, batchId) ?? notFound(batchId);
  });
}
