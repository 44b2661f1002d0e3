import { AppError } from './app-error.js';

/**
 * What long loops look at to stop: an AbortSignal in-process, or a flag in shared memory when the work
 * runs in a worker thread (a synchronous transaction there never yields, so a message could not arrive).
 */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Long loops call this between chunks so a cancel lands before the transaction commits. */
export function throwIfCancelled(signal: CancelSignal): void {
  if (signal.aborted) throw new AppError('CANCELLED', { zh: '操作已取消', en: 'Operation cancelled' });
}

/** A cancel flag both threads see: index 0 is 1 once cancelled. */
export function sharedCancelFlag(buffer: SharedArrayBuffer): CancelSignal & { cancel(): void } {
  const flag = new Int32Array(buffer);
  return {
    get aborted() {
      return Atomics.load(flag, 0) === 1;
    },
    cancel() {
      Atomics.store(flag, 0, 1);
    },
  };
}
