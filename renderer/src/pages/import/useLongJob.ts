import { useCallback, useState, useSyncExternalStore } from 'react';
import { createJobStore } from '../../api/long-job.js';
import type { JobRunner, JobState } from '../../api/long-job.js';

export interface LongJob<T> {
  state: JobState<T>;
  /** What the current (or last) run was started for; null before the first. */
  key: string | null;
  /** Clock reading when the current run started, for elapsed time and rate. */
  startedAt: number | null;
  start: (key: string, run: JobRunner<T>) => boolean;
  cancel: () => void;
  reset: () => void;
}

/** A long call (progress + cancel) owned by the wizard, tagged with the input it was started for. */
export function useLongJob<T>(now: () => number = Date.now): LongJob<T> {
  const [store] = useState(() => createJobStore<T>());
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [run, setRun] = useState<{ key: string; startedAt: number } | null>(null);

  const start = useCallback(
    (key: string, runner: JobRunner<T>): boolean => {
      const started = store.start(runner);
      if (started) setRun({ key, startedAt: now() });
      return started;
    },
    [store, now],
  );
  const cancel = useCallback(() => store.cancel(), [store]);
  const reset = useCallback(() => {
    store.reset();
    setRun(null);
  }, [store]);

  return { state, key: run?.key ?? null, startedAt: run?.startedAt ?? null, start, cancel, reset };
}
