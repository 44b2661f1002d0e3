import type { z } from 'zod';
import type { recomputeInput } from '../../shared/api/ops/book.js';
import type { RecomputeReport } from '../../shared/book/types.js';
import type { JobContext } from '../jobs/job-types.js';
import { recomputeScores } from './recompute.js';

/**
 * Recomputes the client book in the job worker: at 1,000,000 clients the one transaction takes tens of
 * seconds, and the main thread must keep answering (progress, cancel) meanwhile.
 */
export function recomputeBookJob(input: z.output<typeof recomputeInput>, ctx: JobContext): RecomputeReport {
  return recomputeScores(ctx.store, { asOf: input.asOf, clock: ctx.clock, userName: ctx.userName, signal: ctx.signal, progress: (p) => ctx.progress(p) });
}
