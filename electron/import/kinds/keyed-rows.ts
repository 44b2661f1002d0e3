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
  // A first load into an empty table has nothing to find (each adapter refuses a key repeated in the file).
  const firstLoad = ctx.batchId !== null && db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  return (key: string, row: Record<string, Value>): Outcome => {
    const existing = firstLoad ? undefined : (find.get(key) as (Record<string, Value> & { id: number }) | undefined);
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

/** How many client ids a lookup remembers: a few tens of megabytes at most, then it starts over. */
const CLIENT_CACHE_LIMIT = 250_000;

/**
 * Client number → id. Extracts sorted by client hit the same number row after row; those sorted by time
 * (transactions, the work log) come back to the same clients, so ids are remembered up to a limit.
 */
export function clientIdLookup(ctx: BatchContext): (clientNo: string) => number | undefined {
  const stmt = ctx.store.db.prepare('SELECT id FROM client WHERE client_no = ?').pluck();
  const known = new Map<string, number | undefined>();
  return (clientNo) => {
    if (known.has(clientNo)) return known.get(clientNo);
    if (known.size >= CLIENT_CACHE_LIMIT) known.clear();
    const id = stmt.get(clientNo) as number | undefined;
    known.set(clientNo, id);
    return id;
  };
}
