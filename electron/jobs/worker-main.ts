import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../platform/app-error.js';
import { sharedCancelFlag } from '../platform/cancel.js';
import type { Clock } from '../platform/clock.js';
import { openStore } from '../store/store.js';
import type { JobMessage, JobRequest } from './job-types.js';
import { JOBS } from './registry.js';
import type { JobName } from './registry.js';

/** Entry of the job worker (bundled to dist/worker.cjs): runs one job on its own store connection, then exits. */
async function run(request: JobRequest): Promise<JobMessage> {
  const job = JOBS[request.job as JobName] as ((input: unknown, ctx: unknown) => unknown) | undefined;
  if (job === undefined) return { type: 'error', code: 'UNKNOWN_OPERATION', zh: `未知的任务：${request.job}`, en: `Unknown job: ${request.job}` };
  const origin = new Date(request.startedAt).getTime();
  const t0 = Date.now();
  const clock: Clock = { now: () => new Date(origin + (Date.now() - t0)) };
  const store = openStore(request.storeFile, { create: false, clock, passphrase: request.passphrase });
  try {
    const value = await job(request.input, {
      store,
      clock,
      userName: request.userName,
      signal: sharedCancelFlag(request.cancel),
      progress: (progress: unknown) => parentPort?.postMessage({ type: 'progress', progress }),
    });
    return { type: 'result', value };
  } finally {
    store.close();
  }
}

function toMessage(e: unknown): JobMessage {
  if (isAppError(e)) return { type: 'error', code: e.code, zh: e.text.zh, en: e.text.en, details: e.details };
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return { type: 'error', code: 'INTERNAL', zh: `内部错误：${text}`, en: `Internal error: ${text}` };
}

run(workerData as JobRequest).then(
  (m) => parentPort?.postMessage(m),
  (e: unknown) => parentPort?.postMessage(toMessage(e)),
);
