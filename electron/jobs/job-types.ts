import type { Progress } from '../../shared/api/contract.js';
import type { CancelSignal } from '../platform/cancel.js';
import type { Clock } from '../platform/clock.js';
import type { Store } from '../store/store.js';

/** What a job gets inside its worker thread: its own connection to the workspace store. */
export interface JobContext {
  store: Store;
  clock: Clock;
  userName: string;
  signal: CancelSignal;
  progress(p: Progress): void;
}

export type JobFn<I, O> = (input: I, ctx: JobContext) => O | Promise<O>;

/** Messages from a job's worker to the main thread. */
export type JobMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; value: unknown }
  | { type: 'error'; code: string; zh: string; en: string; details?: unknown };

/** What the main thread hands a job's worker. */
export interface JobRequest {
  job: string;
  input: unknown;
  storeFile: string;
  /** The main clock's time when the job started; the worker's clock runs on from it. */
  startedAt: string;
  userName: string;
  cancel: SharedArrayBuffer;
  /** The store's passphrase when it is encrypted (held in memory only, never written). */
  passphrase?: string | undefined;
}
