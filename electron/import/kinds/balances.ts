import { sqliteCode } from '../../store/sqlite.js';
import { recomputeChangesAround } from '../balance-change.js';
import type { BatchContext, KindAdapter, KindSession, RowProblem } from './types.js';
import { str, unknownClient } from './field-values.js';
import { clientIdLookup } from './keyed-rows.js';
import { SeenKeys, duplicateProblem } from './lookups.js';

interface Existing {
  balance_fen: number;
  avg_balance_fen: number | null;
  batch_id: number;
}


/**
 * 时点/日均余额 for one as-of date: keyed on (client, as-of, product type). A corrected file (same as-of date and
 * file name) replaces its earlier version: rows it restates are updated, rows it drops are deleted, and the
 * undo log keeps everything needed to put the earlier version back.
 */
function begin(ctx: BatchContext): KindSession {
  const db = ctx.store.db;
  const seen = new SeenKeys();
  const clientId = clientIdLookup(ctx);
  const find = db.prepare('SELECT balance_fen, avg_balance_fen, batch_id FROM balance_snapshot WHERE client_id = ? AND as_of = ? AND product_type = ?');
  const insert = db.prepare('INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id) VALUES (?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE balance_snapshot SET balance_fen = ?, avg_balance_fen = ?, batch_id = ? WHERE client_id = ? AND as_of = ? AND product_type = ?');
  const hasDate = db.prepare('SELECT EXISTS (SELECT 1 FROM balance_snapshot WHERE as_of = ?)').pluck();
  // A date the store has no snapshot for yet (the usual monthly file): nothing to look up, and the primary key
  // catches a repeated row, which saves a lookup and a key map per row.
  const freshDates = new Map<string, boolean>();
  const isFresh = (asOf: string): boolean => {
    let fresh = freshDates.get(asOf);
    if (fresh === undefined) {
      fresh = ctx.batchId !== null && hasDate.get(asOf) === 0;
      freshDates.set(asOf, fresh);
    }
    return fresh;
  };

  return {
    apply(record, values) {
      const clientNo = str(values['clientNo']) ?? '';
      const asOf = str(values['asOf']) ?? ctx.asOf;
      const product = str(values['productType']) ?? '';
      const problems: RowProblem[] = [];
      if (asOf === null) return { problems: [{ field: 'asOf', reason: { zh: '缺少数据日期：请在文件中提供或在导入时指定', en: 'No as-of date: put it in the file or give it when importing' } }] };
      if (ctx.asOf !== null && asOf !== ctx.asOf) {
        problems.push({ field: 'asOf', reason: { zh: `数据日期 ${asOf} 与本批次日期 ${ctx.asOf} 不一致`, en: `As-of date ${asOf} differs from the batch's ${ctx.asOf}` } });
      }
      const fresh = isFresh(asOf);
      const first = fresh ? null : seen.firstRecord(`${clientNo}|${product}`, record);
      if (first !== null) problems.push(duplicateProblem('productType', `${clientNo} ${product}`, first));
      const lastId = clientId(clientNo);
      if (lastId === undefined) problems.push(unknownClient(clientNo));
      if (problems.length > 0 || lastId === undefined) return { problems };

      const balance = Number(values['balance']);
      const avg = values['avgBalance'] === null || values['avgBalance'] === undefined ? null : Number(values['avgBalance']);
      if (fresh) {
        try {
          insert.run(lastId, asOf, product, balance, avg, ctx.batchId);
        } catch (e) {
          if (sqliteCode(e) !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e;
          return { problems: [{ field: 'productType', reason: { zh: `“${clientNo} ${product}”与本文件中前面的行重复`, en: `“${clientNo} ${product}” repeats an earlier row of this file` } }] };
        }
        return { outcome: 'insert' };
      }
      const existing = find.get(lastId, asOf, product) as Existing | undefined;
      if (existing === undefined) {
        if (ctx.batchId !== null) insert.run(lastId, asOf, product, balance, avg, ctx.batchId);
        return { outcome: 'insert' };
      }
      const same = existing.balance_fen === balance && existing.avg_balance_fen === avg;
      if (ctx.batchId !== null) {
        ctx.undo('balance_snapshot', 'update', `${lastId}|${asOf}|${product}`, { ...existing });
        update.run(balance, avg, ctx.batchId, lastId, asOf, product);
      }
      return { outcome: same ? 'unchanged' : 'update' };
    },
    finish() {
      if (ctx.batchId === null) return;
      if (ctx.supersedes === null) {
        if (ctx.asOf !== null) recomputeChangesAround(ctx.store, ctx.asOf);
        return;
      }
      // Rows of the earlier version that the corrected file no longer states.
      const dropped = db
        .prepare('SELECT client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id FROM balance_snapshot WHERE batch_id = ?')
        .all(ctx.supersedes) as Array<Existing & { client_id: number; as_of: string; product_type: string }>;
      for (const row of dropped) ctx.undo('balance_snapshot', 'delete', `${row.client_id}|${row.as_of}|${row.product_type}`, { ...row });
      db.prepare('DELETE FROM balance_snapshot WHERE batch_id = ?').run(ctx.supersedes);
      if (ctx.asOf !== null) recomputeChangesAround(ctx.store, ctx.asOf);
    },
  };
}

export const balancesAdapter: KindAdapter = { kind: 'balances', snapshot: true, asOfField: 'asOf', begin };
