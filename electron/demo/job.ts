import fs from 'node:fs';
import os from 'node:os';
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
import { loadDemoExtracts, storeHasClients } from './load.js';

const log = createLogger('demo');

/** Counts as the store holds them after the load, not as the generator meant them. */
export function demoCounts(store: Store): DemoCounts {
  const { latestAsOf: _latest, ...counts } = workspaceSummary(store);
  return counts;
}

/**
 * Writes the extracts to a fresh temporary folder, loads them, and removes the folder. Runs in the job
 * worker. A demo is never merged into real data: a store that already holds clients is refused.
 */
export async function buildDemoJob(input: z.output<typeof demoInput>, ctx: JobContext): Promise<DemoReport> {
  const started = performance.now();
  if (storeHasClients(ctx.store)) {
    throw new AppError('CONFLICT', {
      zh: '工作区已有客户数据，不能再生成演示数据。请新建一个工作区。',
      en: 'The workspace already holds clients; build the demo into a new workspace.',
    });
  }
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'bw-demo-'));
  try {
    const files = await writeDemoExtracts(dir, input, { onProgress: (p) => ctx.progress(p), signal: ctx.signal });
    throwIfCancelled(ctx.signal);
    loadDemoExtracts(ctx.store, dir, { onProgress: (p) => ctx.progress(p), signal: ctx.signal, clock: ctx.clock, user: ctx.userName });
    // The load wrote the whole book through the WAL; fold it back so the -wal file does not stay that big.
    ctx.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const counts = demoCounts(ctx.store);
    const elapsedMs = Math.round(performance.now() - started);
    log.info('demo workspace built', { seed: input.seed, elapsedMs, ...counts });
    return { seed: input.seed, counts, files, elapsedMs };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
