import type { BatchContext, Outcome } from './types.js';

type Value = string | number | null;

/**
 * Insert-or-update of rows keyed on one natural-key column, for kinds whose rows are plain records
 * (holdings, transactions, contacts): a new key is inserted with this batch's id; a known key is updated only
 * in the columns that differ, with the row's previous values kept in the undo log.
 */
export function keyedRows(ctx: BatchContext, table: string, keyColumn: string, columns: readonly string[]) {
  const db = ctx.store.db;
  const find = db.prepare(`SELECT ${['id', ...columns, 'batch_id'].join(', ')} FROM ${table} WHERE ${keyColumn} = ?`);
  const insert = db.prepare(
    `INSERT INTO ${table} (${[keyColumn, ...columns, 'batch_id'].join(', ')}) VALUES (${[keyColumn, ...columns, 'batch_id'].map((c) => `@${c}`).join(', ')})`,
  );
  return (key: string, row: Record<string, Value>): Outcome => {
    const existing = find.get(key) as (Record<string, Value> & { id: number }) | undefined;
    if (existing === undefined) {
      if (ctx.batchId !== null) insert.run({ ...row, [keyColumn]: key, batch_id: ctx.batchId });
      return 'insert';
    }
    const changed = columns.filter((c) => existing[c] !== row[c]);
    if (changed.length === 0) return 'unchanged';
    if (ctx.batchId !== null) {
      const { id, ...before } = existing;
      ctx.undo(table, 'update', key, before);
      db.prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = @${c}`).join(', ')}, batch_id = @batch_id WHERE id = @id`).run({ ...row, batch_id: ctx.batchId, id });
    }
    return 'update';
  };
}

/** Client number → id, remembering the last one (extracts are usually sorted by client). */
export function clientIdLookup(ctx: BatchContext): (clientNo: string) => number | undefined {
  const stmt = ctx.store.db.prepare('SELECT id FROM client WHERE client_no = ?').pluck();
  let lastNo: string | null = null;
  let lastId: number | undefined;
  return (clientNo) => {
    if (clientNo !== lastNo) {
      lastNo = clientNo;
      lastId = stmt.get(clientNo) as number | undefined;
    }
    return lastId;
  };
}
