import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { runJob } from '../jobs/run-job.js';
import type { ImportSource } from '../../shared/api/ops/import.js';
import { AppError } from '../platform/app-error.js';
import { getBatch, listBatches } from './batches.js';
import { batchErrors, errorWorkbook } from './error-export.js';
import { inspectFile, previewFile } from './inspect.js';
import { listProfiles, saveProfile } from './profiles.js';
import type { JobSource } from './job.js';
import { rollbackBatch, rollbackEffect } from './rollback.js';
import { runImport } from './run-import.js';
import { resolveSource } from './source-file.js';

/** Past a million rows of errors the file is wrong as a whole; the workbook stops there. */
const MAX_EXPORTED_ERRORS = 1_000_000;

/** A commit job gets the uploaded bytes themselves (shared memory), since uploads live in this thread. */
function jobSource(source: ImportSource, ctx: HandlerContext): JobSource {
  if (source.type === 'path') return source;
  const upload = ctx.uploads.get(source.uploadId);
  return { type: 'bytes', name: upload.name, bytes: upload.bytes };
}

export const importHandlers: DomainHandlers<'import'> = {
  'import.inspect': (input, ctx) => inspectFile(ctx.store, resolveSource(input.source, ctx.uploads), input.kind, input.options, input.profile),
  'import.profiles': (input, ctx) => listProfiles(ctx.store, input.kind),
  'import.saveProfile': (input, ctx) =>
    ctx.store.transaction(() => saveProfile(ctx.store, { name: input.name, kind: input.kind, headers: input.headers, mapping: input.mapping, now: ctx.clock.now().toISOString() })),
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
  'import.errorsExport': async (input, ctx) => {
    if ('batchId' in input) {
      const batch = getBatch(ctx.store, input.batchId);
      if (batch === null) throw new AppError('NOT_FOUND', { zh: `找不到导入批次 #${input.batchId}`, en: `Import batch #${input.batchId} not found` });
      return errorWorkbook(batch.fileName, batchErrors(ctx.store, batch.id), ctx.clock.now());
    }
    const file = resolveSource(input.source, ctx.uploads);
    const { plan } = await runImport(
      file,
      { kind: input.kind, mapping: input.mapping, options: input.options, onError: 'skip', commit: false, maxErrors: MAX_EXPORTED_ERRORS },
      { store: ctx.store, clock: ctx.clock, userName: ctx.session.userName, signal: ctx.signal, progress: (p) => ctx.progress(p) },
    );
    return errorWorkbook(file.name, plan.errors, ctx.clock.now());
  },
  'import.batches': (input, ctx) => listBatches(ctx.store, input.kind, input.limit),
  'import.rollbackPreview': (input, ctx) => rollbackEffect(ctx.store, input.batchId),
  'import.rollback': (input, ctx) => rollbackBatch(ctx.store, input.batchId),
};
