import { Worker } from 'node:worker_threads';
import type { HandlerContext } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { isErrorCode } from '../../shared/api/errors.js';
import type { ErrorDetails } from '../../shared/api/errors.js';
import { sharedCancelFlag } from '../platform/cancel.js';
import { passphraseOf } from '../store/store.js';
import type { JobMessage, JobRequest } from './job-types.js';
import type { JobInput, JobName, JobOutput } from './registry.js';

/**
 * Runs a registered job in a worker thread against the same store file and waits for it.
 * Progress is forwarded; aborting the caller's signal raises the shared cancel flag, which the job's loop
 * reads between chunks and answers by rolling its transaction back.
 */
export function runJob<K extends JobName>(ctx: HandlerContext, job: K, input: JobInput<K>): Promise<JobOutput<K>> {
  const cancel = new SharedArrayBuffer(4);
  const flag = sharedCancelFlag(cancel);
  const request: JobRequest = {
    job,
    input,
    storeFile: ctx.store.file,
    startedAt: ctx.clock.now().toISOString(),
    userName: ctx.session.userName,
    cancel,
    passphrase: passphraseOf(ctx.store),
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(ctx.workerFile, { workerData: request });
    let settled = false;
    const onAbort = (): void => flag.cancel();
    if (ctx.signal.aborted) flag.cancel();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    worker.on('message', (m: JobMessage) => {
      if (m.type === 'progress') ctx.progress(m.progress);
      else if (m.type === 'result') settle(() => resolve(m.value as JobOutput<K>));
      else {
        const code = isErrorCode(m.code) ? m.code : 'INTERNAL';
        settle(() => reject(new AppError(code, { zh: m.zh, en: m.en }, m.details as ErrorDetails | undefined)));
      }
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(new AppError('INTERNAL', { zh: `后台任务异常退出（${code}）`, en: `The background job exited unexpectedly (${code})` }))),
    );
  });
}
