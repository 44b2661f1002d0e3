import type { DemoPhase } from '../../shared/api/ops/demo-phases.js';
import path from 'node:path';
import type { Progress } from '../../shared/api/contract.js';
import { AppError } from '../platform/app-error.js';
import { throwIfCancelled } from '../platform/cancel.js';
import type { CancelSignal } from '../platform/cancel.js';
import type { Clock } from '../platform/clock.js';
import type { Statement } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

export interface BatchSpec {
  kind: string;
  file: string;
  format: 'csv' | 'xlsx' | 'fixed_width';
  encoding: string | null;
  asOf: string | null;
  profileName?: string;
}

export interface BatchResult {
  sha256: string;
  size: number;
  rowsRead: number;
  inserted: number;
}

/** What every part of the loader shares: the store, the folder, provenance, progress and cancel. */
export class LoadContext {
  private readonly insertBatchStmt: Statement;
  private readonly finishBatchStmt: Statement;
  readonly counts = new Map<string, number>();

  constructor(
    readonly store: Store,
    readonly dir: string,
    private readonly clock: Clock,
    private readonly user: string,
    private readonly signal: CancelSignal,
    private readonly onProgress: (p: Progress) => void,
  ) {
    this.insertBatchStmt = store.db.prepare(
      `INSERT INTO import_batch (kind, file_name, sha256, size_bytes, as_of, format, encoding, profile_name, status, created_by, started_at, finished_at)
       VALUES (@kind, @file, '', 0, @asOf, @format, @encoding, @profileName, 'committed', @user, @now, @now)`,
    );
    this.finishBatchStmt = store.db.prepare(
      `UPDATE import_batch SET sha256 = @sha256, size_bytes = @size, rows_read = @rowsRead, inserted = @inserted, finished_at = @now WHERE id = @id`,
    );
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  get userName(): string {
    return this.user;
  }

  /** Opens the provenance row first, so every loaded row can point at it. */
  beginBatch(spec: BatchSpec): number {
    const info = this.insertBatchStmt.run({
      kind: spec.kind,
      file: spec.file,
      asOf: spec.asOf,
      format: spec.format,
      encoding: spec.encoding,
      profileName: spec.profileName ?? null,
      user: this.user,
      now: this.now(),
    });
    return Number(info.lastInsertRowid);
  }

  finishBatch(id: number, kind: string, r: BatchResult): void {
    this.finishBatchStmt.run({ id, sha256: r.sha256, size: r.size, rowsRead: r.rowsRead, inserted: r.inserted, now: this.now() });
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + r.inserted);
  }

  /** Between chunks: stop if cancelled (the transaction then rolls back), report progress. */
  tick(phase: DemoPhase, done: number, total?: number): void {
    throwIfCancelled(this.signal);
    this.onProgress(total === undefined ? { phase, done } : { phase, done, total });
  }

  /** The demo's own files are trusted; anything unexpected in them is a bug, reported with its place. */
  fail(file: string, line: number, problem: string): never {
    throw new AppError(
      'INTERNAL',
      { zh: `演示数据文件 ${file} 第 ${line} 行：${problem}`, en: `Demo extract ${file}, line ${line}: ${problem}` },
      { file, line },
    );
  }
}
