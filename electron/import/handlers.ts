import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { runJob } from '../jobs/run-job.js';
import type { ImportSource } from '../../shared/api/ops/import.js';
import { listBatches } from './batches.js';
import { inspectFile, previewFile } from './inspect.js';
import type { JobSource } from './job.js';
import { rollbackBatch, rollbackEffect } from './rollback.js';
import { runImport } from './run-import.js';
import { resolveSource } from './source-file.js';

/** A commit job gets the uploaded bytes themselves (shared memory), since uploads live in this thread. */
function jobSource(source: ImportSource, ctx: HandlerContext): JobSource {
  if (source.type === 'path') return source;
  const upload = ctx.uploads.get(source.uploadId);
  return { type: 'bytes', name: upload.name, bytes: upload.bytes };
}

export const importHandlers: DomainHandlers<'import'> = {
  'import.inspect': (input, ctx) => inspectFile(ctx.store, resolveSource(input.source, ctx.uploads), input.kind, input.options),
  'import.preview': (input, ctx) =>
    previewFile(ctx.store, resolveSource(input.source, ctx.uploads), input.kind, input.mapping, input.options, input.limit, ctx.clock.now().toISOString()),
  'import.plan': async (input, ctx) =>
    (
      await runImport(
        resolveSource(input.source, ctx.uploads),
        { kind: input.kind, mapping: input.mapping, options: input.options, onError: 'skip', expectedRows: input.expectedRows, commit: false },
        { store: ctx.store, clock: ctx.clock, userName: ctx.session.userName, signal: ctx.signal, progress: (p) => ctx.progress(p) },
      )
    ).plan,
  // One transaction over the whole file: it runs in the job worker so progress and cancel keep flowing.
  'import.commit': (input, ctx) =>
    runJob(ctx, 'import.commit', {
      source: jobSource(input.source, ctx),
      kind: input.kind,
      mapping: input.mapping,
      options: input.options,
      onError: input.onError,
      expectedRows: input.expectedRows,
    }),
  'import.batches': (input, ctx) => listBatches(ctx.store, input.kind, input.limit),
  'import.rollbackPreview': (input, ctx) => rollbackEffect(ctx.store, input.batchId),
  'import.rollback': (input, ctx) => rollbackBatch(ctx.store, input.batchId),
};
