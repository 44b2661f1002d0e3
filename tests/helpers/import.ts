import type { ApiResult } from '../../shared/api/errors.js';
import type { ImportBatchInfo, ImportOptions, ImportPlan } from '../../shared/api/ops/import.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import type { App } from '../../electron/app.js';
import { localAdminSession } from '../../electron/api/types.js';

const session = localAdminSession('en');

/** Inspect, then plan or commit a file with the suggested mapping minus `drop`, through the dispatcher. */
export async function importFile(
  app: App,
  file: string,
  kind: ImportKind,
  opts: { commit?: boolean; onError?: 'reject' | 'skip'; drop?: string[]; options?: ImportOptions; expectedRows?: number; signal?: AbortSignal } = {},
): Promise<ApiResult<ImportBatchInfo | ImportPlan>> {
  const source = { type: 'path' as const, path: file };
  const options = opts.options ?? {};
  const inspected = await app.dispatcher.invoke('import.inspect', { source, kind, options }, { session });
  if (!inspected.ok) return inspected;
  const mapping = { ...inspected.value.mapping };
  for (const field of opts.drop ?? []) delete mapping[field];
  const input = { source, kind, mapping, options, ...(opts.expectedRows !== undefined ? { expectedRows: opts.expectedRows } : {}) };
  const ctx = opts.signal === undefined ? { session } : { session, signal: opts.signal };
  if (opts.commit === false) return app.dispatcher.invoke('import.plan', input, ctx);
  return app.dispatcher.invoke('import.commit', { ...input, onError: opts.onError ?? 'reject' }, ctx);
}

export function expectOk<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export const adminSession = session;
