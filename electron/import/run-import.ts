import type { Progress } from '../../shared/api/contract.js';
import type { ErrorDetails } from '../../shared/api/errors.js';
import type { ImportBatchInfo, ImportOptions, ImportPlan, ImportRowError, SkippedRow } from '../../shared/api/ops/import.js';
import { KIND_FIELDS } from '../../shared/import/kinds.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { AppError } from '../platform/app-error.js';
import { throwIfCancelled } from '../platform/cancel.js';
import type { CancelSignal } from '../platform/cancel.js';
import type { Clock } from '../platform/clock.js';
import type { Store } from '../store/store.js';
import { findEarlierVersion, findSameFile, getBatch, toBatchRef } from './batches.js';
import { ADAPTERS } from './kinds/index.js';
import type { BatchContext, Outcome } from './kinds/types.js';
import { openSource } from './source.js';
import type { SourceFile } from './source-file.js';
import { missingRequired } from './suggest-mapping.js';
import type { Mapping } from './suggest-mapping.js';
import { validateRow } from './validate-row.js';
import type { CellError } from './validate-row.js';

/** How many errors a plan carries back; every one of them is stored for the export in skip mode. */
const ERRORS_RETURNED = 200;

export interface ImportRequest {
  kind: ImportKind;
  mapping: Mapping;
  options: ImportOptions;
  onError: 'reject' | 'skip';
  expectedRows?: number | undefined;
  /** How many errors to carry back (default 200); the error export asks for all of them. */
  maxErrors?: number;
  /** Plan only (nothing written) or commit as one batch. */
  commit: boolean;
}

export interface ImportRuntime {
  store: Store;
  clock: Clock;
  userName: string;
  signal: CancelSignal;
  progress(p: Progress): void;
}

export interface ImportResult {
  plan: ImportPlan;
  batch: ImportBatchInfo | null;
  /** The header row read (empty for a same-file no-op, which reads nothing). */
  headers: string[];
}

function fail(zh: string, en: string, problems: NonNullable<ErrorDetails['problems']> = []): never {
  throw new AppError('IMPORT_INVALID', { zh, en }, { problems });
}

/**
 * The whole pipeline after detection: read → validate → check against the store → (commit) as one
 * transaction. Commit runs inside the job worker, so BEGIN … COMMIT may span the async reading: nothing
 * else uses that connection. Any throw rolls back everything, the batch row included.
 */
export async function runImport(file: SourceFile, req: ImportRequest, rt: ImportRuntime): Promise<ImportResult> {
  const adapter = ADAPTERS[req.kind];
  const missing = missingRequired(req.kind, req.mapping);
  if (missing.length > 0) {
    const names = KIND_FIELDS[req.kind].filter((f) => missing.includes(f.key));
    fail(`映射缺少必填字段：${names.map((f) => f.zh).join('、')}`, `The mapping lacks required fields: ${names.map((f) => f.en).join(', ')}`);
  }
  const db = rt.store.db;
  rt.progress({ phase: 'hash', done: 0 });
  const sha256 = await file.sha256();
  const sameFile = findSameFile(rt.store, req.kind, sha256);
  const startedAt = rt.clock.now().toISOString();
  const counts: Record<Outcome, number> & { rowsRead: number; rejected: number } = { rowsRead: 0, insert: 0, update: 0, unchanged: 0, rejected: 0 };
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  const skipped: SkippedRow[] = [];

  const planOf = (asOf: string | null, supersedes: ImportBatchInfo | null, control: ImportPlan['control']): ImportPlan => ({
    kind: req.kind,
    asOf,
    rowsRead: counts.rowsRead,
    inserted: counts.insert,
    updated: counts.update,
    unchanged: counts.unchanged,
    rejected: counts.rejected,
    errorCount,
    errors,
    skipped: skipped.slice(0, 200),
    control,
    sameFile: sameFile === null ? null : toBatchRef(sameFile),
    supersedes: supersedes === null || sameFile !== null ? null : toBatchRef(supersedes),
  });

  // The same bytes again: nothing to read, nothing to write.
  if (req.commit && sameFile !== null) {
    return { plan: planOf(sameFile.asOf, null, { expectedRows: null, source: null, ok: true }), batch: { ...sameFile, noop: true }, headers: [] };
  }
  const trailer = { count: null as number | null };
  const opened = await openSource(file, req.options, trailer);

  const write = req.commit;
  // Inside a caller's transaction (the demo build imports its extracts as one unit) the batch is a savepoint.
  const nested = write && db.inTransaction;
  let batchId: number | null = null;
  if (write) {
    db.exec(nested ? 'SAVEPOINT import_commit' : 'BEGIN IMMEDIATE');
    batchId = Number(
      db
        .prepare(
          `INSERT INTO import_batch (kind, file_name, sha256, size_bytes, as_of, format, encoding, status, created_by, started_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'committed', ?, ?, ?)`,
        )
        .run(req.kind, file.name, sha256, file.size, req.options.asOf ?? null, opened.format, opened.encoding, rt.userName, startedAt, startedAt).lastInsertRowid,
    );
  }
  try {
    const insertUndo = db.prepare('INSERT INTO import_undo (batch_id, tbl, action, row_key, before) VALUES (?, ?, ?, ?, ?)');
    const insertError = db.prepare('INSERT INTO import_row_error (batch_id, record, column, field, value, reason_zh, reason_en) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let supersedes: ImportBatchInfo | null = null;
    const ctx: BatchContext = {
      store: rt.store,
      batchId,
      asOf: req.options.asOf ?? opened.statedAsOf,
      supersedes: null,
      userName: rt.userName,
      now: startedAt,
      mapped: new Set(Object.keys(req.mapping)),
      undo: (table, action, key, before) => {
        insertUndo.run(batchId, table, action, key, JSON.stringify(before));
      },
    };
    const resolveVersion = (): void => {
      supersedes = findEarlierVersion(rt.store, req.kind, ctx.asOf, file.name, batchId);
      ctx.supersedes = supersedes?.id ?? null;
    };
    if (!adapter.snapshot || ctx.asOf !== null) resolveVersion();
    const session = adapter.begin(ctx);
    const record = (e: CellError): void => {
      errorCount++;
      if (errors.length < (req.maxErrors ?? ERRORS_RETURNED)) errors.push(e);
      if (write && req.onError === 'skip') insertError.run(batchId, e.record, e.column, e.field, e.value, e.reason.zh, e.reason.en);
    };
    const columnOf = (field: string): string => {
      const index = req.mapping[field];
      return index === undefined ? field : (opened.headers[index] ?? `#${index + 1}`);
    };
    const excelSerialDates = opened.format === 'xlsx';
    for await (const batch of opened.dataRows(skipped)) {
      throwIfCancelled(rt.signal);
      for (const row of batch) {
        counts.rowsRead++;
        const recordProblem = opened.recordProblem(row.record);
        if (recordProblem !== null) {
          counts.rejected++;
          record({ record: row.record, column: '(record)', field: '(record)', value: '', reason: recordProblem });
          continue;
        }
        const typed = validateRow(req.kind, req.mapping, opened.headers, row.record, row.cells, { amountUnit: req.options.amountUnit ?? 'yuan', excelSerialDates });
        if (typed.errors.length > 0) {
          counts.rejected++;
          typed.errors.forEach(record);
          continue;
        }
        if (ctx.asOf === null && adapter.asOfField !== undefined) {
          const asOf = typed.values[adapter.asOfField];
          if (typeof asOf === 'string') {
            ctx.asOf = asOf;
            resolveVersion();
          }
        }
        const result = session.apply(row.record, typed.values);
        if ('problems' in result) {
          counts.rejected++;
          for (const p of result.problems) {
            const index = req.mapping[p.field];
            record({ record: row.record, column: columnOf(p.field), field: p.field, value: index === undefined ? '' : (row.cells[index] ?? ''), reason: p.reason });
          }
          continue;
        }
        counts[result.outcome]++;
      }
      rt.progress({ phase: 'rows', done: counts.rowsRead });
    }
    session.finish?.();
    const expected = req.expectedRows ?? trailer.count;
    const control: ImportPlan['control'] = {
      expectedRows: expected,
      source: req.expectedRows !== undefined ? 'user' : trailer.count !== null ? 'trailer' : null,
      ok: expected === null || expected === counts.rowsRead,
    };
    const plan = planOf(ctx.asOf, supersedes, control);
    if (!write || batchId === null) return { plan, batch: null, headers: opened.headers };

    if (!control.ok) {
      fail(
        `控制总数不符：${control.source === 'user' ? '输入的' : '文件尾部'}合计为 ${String(expected)} 行，实际读到 ${counts.rowsRead} 行；未导入任何数据。`,
        `Control total mismatch: ${control.source === 'user' ? 'the expected' : 'the trailer'} count is ${String(expected)} rows but ${counts.rowsRead} were read; nothing was imported.`,
        [{ file: file.name, message: 'control total mismatch' }],
      );
    }
    if (req.onError === 'reject' && errorCount > 0) {
      const first = errors[0];
      fail(
        `${file.name} 有 ${errorCount} 处错误，整批未导入。第一处：第 ${first?.record ?? '?'} 行“${first?.column ?? ''}”列：${first?.reason.zh ?? ''}`,
        `${file.name} has ${errorCount} errors; the batch was not imported. First: row ${first?.record ?? '?'}, column “${first?.column ?? ''}”: ${first?.reason.en ?? ''}`,
        errors.map((e) => ({ file: file.name, row: e.record, column: e.column, value: e.value, message: e.reason.en, text: e.reason })),
      );
    }
    const earlier = supersedes as ImportBatchInfo | null;
    db.prepare(
      `UPDATE import_batch SET as_of = ?, version = ?, supersedes_id = ?, rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, finished_at = ? WHERE id = ?`,
    ).run(ctx.asOf, (earlier?.version ?? 0) + 1, earlier?.id ?? null, counts.rowsRead, counts.insert, counts.update, counts.unchanged, counts.rejected, rt.clock.now().toISOString(), batchId);
    if (earlier !== null) db.prepare("UPDATE import_batch SET status = 'superseded' WHERE id = ?").run(earlier.id);
    db.exec(nested ? 'RELEASE import_commit' : 'COMMIT');
    return { plan, batch: getBatch(rt.store, batchId), headers: opened.headers };
  } catch (e) {
    if (nested) db.exec('ROLLBACK TO import_commit; RELEASE import_commit');
    else if (write && db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
