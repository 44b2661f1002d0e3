import fs from 'node:fs';
import path from 'node:path';
import type { DemoCounts, DemoReport } from '../../shared/api/ops/demo.js';
import type { demoInput } from '../../shared/api/ops/demo.js';
import type { z } from 'zod';
import type { JobContext } from '../jobs/job-types.js';
import { AppError } from '../platform/app-error.js';
import { throwIfCancelled } from '../platform/cancel.js';
import { createLogger } from '../platform/log.js';
import type { Store } from '../store/store.js';
import { workspaceSummary } from '../system/summary.js';
import { writeDemoExtracts } from './extracts.js';
import { recomputeScores } from '../book/recompute.js';
import { importDemoExtracts } from './import-extracts.js';
import { WHOLE_BOOK_CACHE_KIB, withBulkCache } from '../store/bulk-cache.js';

const log = createLogger('demo');

export function storeHasClients(store: Store): boolean {
  const row = store.db.prepare('SELECT EXISTS (SELECT 1 FROM client) AS x').get() as { x: number };
  return row.x === 1;
}

/** Counts as the store holds them after the load, not as the generator meant them. */
export function demoCounts(store: Store): DemoCounts {
  const { latestAsOf: _latest, ...counts } = workspaceSummary(store);
  return counts;
}

/** Where the extracts are written: beside the workspace file, on the same disk, and removed afterwards. */
function extractsDir(store: Store): Promise<string> {
  return fs.promises.mkdtemp(path.join(path.dirname(store.file), `${path.basename(store.file)}.demo-`));
}

/**
 * Writes the extracts, imports them through the import pipeline as one transaction, and removes the folder.
 * Runs in the job worker (the only user of its connection, so the transaction may span the awaits). A demo is
 * never merged into real data: a store that already holds clients is refused.
 */
export async function buildDemoJob(input: z.output<typeof demoInput>, ctx: JobContext): Promise<DemoReport> {
  const started = performance.now();
  const refuse = (): never => {
    throw new AppError('CONFLICT', {
      zh: '工作区已有客户数据，不能再生成演示数据。请新建一个工作区。',
      en: 'The workspace already holds clients; build the demo into a new workspace.',
    });
  };
  if (storeHasClients(ctx.store)) refuse();
  const dir = await extractsDir(ctx.store);
  const db = ctx.store.db;
  try {
    const files = await writeDemoExtracts(dir, input, { onProgress: (p) => ctx.progress(p), signal: ctx.signal });
    throwIfCancelled(ctx.signal);
    await withBulkCache(db, async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        if (storeHasClients(ctx.store)) refuse();
        await importDemoExtracts(ctx.store, dir, { clock: ctx.clock, userName: ctx.userName, signal: ctx.signal, onProgress: (p) => ctx.progress(p) });
        db.exec('COMMIT');
      } finally {
        if (db.inTransaction) db.exec('ROLLBACK');
      }
    }, WHOLE_BOOK_CACHE_KIB);
    // A demo comes scored: tiers, scores, stages, segments and the per-outlet sums, as after a user's recompute.
    recomputeScores(ctx.store, { clock: ctx.clock, userName: ctx.userName, signal: ctx.signal, progress: (p) => ctx.progress({ ...p, phase: 'book' }) });
    // The import wrote the whole book through the WAL; fold it back so the -wal file does not stay that big.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const counts = demoCounts(ctx.store);
    const elapsedMs = Math.round(performance.now() - started);
    log.info('demo workspace built', { seed: input.seed, elapsedMs, ...counts });
    return { seed: input.seed, counts, files, elapsedMs };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
