import type { Progress } from '../../../shared/api/contract.js';
import type { ApiError, ApiResult } from '../../../shared/api/errors.js';
import { thrownToError } from './query-state.js';

export type JobState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null; cancelling: boolean }
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ApiError };

export type JobRunner<T> = (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<ApiResult<T>>;

/**
 * One long operation (progress + cancel) kept outside any page, so leaving the page neither cancels
 * the work nor loses its outcome. Shaped for `useSyncExternalStore`.
 */
export interface JobStore<T> {
  getSnapshot: () => JobState<T>;
  subscribe: (listener: () => void) => () => void;
  /** Starts the job unless one is already running; returns whether it started. */
  start: (run: JobRunner<T>) => boolean;
  cancel: () => void;
  /** Forgets a finished outcome. */
  reset: () => void;
}

export function createJobStore<T>(): JobStore<T> {
  let state: JobState<T> = { status: 'idle' };
  let controller: AbortController | null = null;
  const listeners = new Set<() => void>();

  const set = (next: JobState<T>): void => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(run) {
      if (state.status === 'running') return false;
      const own = new AbortController();
      controller = own;
      set({ status: 'running', progress: null, cancelling: false });
      const finish = (next: JobState<T>): void => {
        if (controller !== own) return;
        controller = null;
        set(next);
      };
      const onProgress = (progress: Progress): void => {
        if (controller === own && state.status === 'running') set({ ...state, progress });
      };
      void run(own.signal, onProgress).then(
        (result) => {
          if (result.ok) finish({ status: 'done', value: result.value });
          else if (result.error.code === 'CANCELLED' || own.signal.aborted) finish({ status: 'cancelled' });
          else finish({ status: 'failed', error: result.error });
        },
        (e: unknown) => finish(own.signal.aborted ? { status: 'cancelled' } : { status: 'failed', error: thrownToError(e) }),
      );
      return true;
    },
    cancel() {
      if (controller === null || state.status !== 'running') return;
      controller.abort();
      set({ ...state, cancelling: true });
    },
    reset() {
      if (state.status !== 'running') set({ status: 'idle' });
    },
  };
}
