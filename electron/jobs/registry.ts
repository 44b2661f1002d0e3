import { recomputeBookJob } from '../book/job.js';
import { buildDemoJob } from '../demo/job.js';
import { importCommitJob } from '../import/job.js';
import type { JobFn } from './job-types.js';

/**
 * Every operation that runs in a worker thread. These hold one long synchronous transaction; in a worker
 * the main thread keeps answering (progress, cancel, other reads) while they run.
 */
export const JOBS = {
  'demo.build': buildDemoJob,
  'import.commit': importCommitJob,
  'book.recompute': recomputeBookJob,
} satisfies Record<string, JobFn<never, unknown>>;

export type JobName = keyof typeof JOBS;
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[0];
export type JobOutput<K extends JobName> = Awaited<ReturnType<(typeof JOBS)[K]>>;
