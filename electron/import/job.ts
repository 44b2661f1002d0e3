import type { ImportBatchInfo, ImportOptions } from '../../shared/api/ops/import.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import type { JobContext } from '../jobs/job-types.js';
import { backupStore, storeHoldsData } from '../store/backup.js';
import { withBulkCache } from '../store/bulk-cache.js';
import { rememberMapping } from './profiles.js';
import { runImport } from './run-import.js';
import { fromBytes, resolveSource } from './source-file.js';
import type { Mapping } from './suggest-mapping.js';

/** How a commit job receives its file: a path, or uploaded bytes in shared memory (never a temp file). */
export type JobSource = { type: 'path'; path: string } | { type: 'bytes'; name: string; bytes: SharedArrayBuffer };

export interface ImportCommitInput {
  source: JobSource;
  kind: ImportKind;
  mapping: Mapping;
  options: ImportOptions;
  onError: 'reject' | 'skip';
  expectedRows?: number | undefined;
}

/** Commits one import batch in the job worker; the mapping used is remembered for the next file of this layout. */
export async function importCommitJob(input: ImportCommitInput, ctx: JobContext): Promise<ImportBatchInfo> {
  const file = input.source.type === 'bytes' ? fromBytes(input.source.name, input.source.bytes) : resolveSource(input.source, null);
  // A backup before every commit into a workspace that holds data, so a wrong file can also be undone by restore.
  if (storeHoldsData(ctx.store)) backupStore(ctx.store, { reason: 'import', clock: ctx.clock });
  const result = await withBulkCache(ctx.store.db, () =>
    runImport(
      file,
      { kind: input.kind, mapping: input.mapping, options: input.options, onError: input.onError, expectedRows: input.expectedRows, commit: true },
      { store: ctx.store, clock: ctx.clock, userName: ctx.userName, signal: ctx.signal, progress: (p) => ctx.progress(p) },
    ),
  );
  if (result.batch === null) throw new Error('commit produced no batch');
  if (result.batch.noop !== true) {
    ctx.store.transaction(() => rememberMapping(ctx.store, input.kind, result.headers, input.mapping, ctx.clock.now().toISOString()));
  }
  return result.batch;
}
