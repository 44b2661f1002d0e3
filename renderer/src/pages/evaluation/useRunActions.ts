import { useState } from 'react';
import type { ApiResult } from '../../../../shared/api/errors.js';
import type { EvaluationRunInfo } from '../../../../shared/api/ops/evaluation.js';
import { useApi } from '../../api/ApiProvider.js';
import { useAction } from '../../api/useAction.js';
import type { EntryChange } from './run-view.js';

export interface RunDiff {
  changed: boolean;
  changes: Array<{ managerId: number; item: string | null; before: string | null; after: string | null }>;
}

/**
 * The run's workflow calls, one at a time: recompute, entries (then recompute, since scores follow only from a
 * computation), review, lock, the lock diff and reopen. After each the run is read again and the list told, so
 * status chips and totals never lag behind what the server holds.
 */
export function useRunActions(run: EvaluationRunInfo | null, reload: () => void, onChanged: (runId: number) => void) {
  const api = useApi();
  const action = useAction();
  const [diff, setDiff] = useState<RunDiff | null>(null);
  const settled = (id: number) => () => {
    reload();
    onChanged(id);
  };

  const recompute = (): Promise<ApiResult<EvaluationRunInfo>> | null => {
    if (run === null) return null;
    return action.run(() => api.call('evaluation.compute', { schemeCode: run.schemeCode, period: run.period }), (r) => settled(r.id)());
  };

  /** Saves one manager's changed entries, then computes the run again so the card shows the new points. */
  const saveEntries = async (managerId: number, changes: readonly EntryChange[]): Promise<boolean> => {
    if (run === null) return false;
    const runId = run.id;
    const r = await action.run(async () => {
      for (const c of changes) {
        const saved = await api.call('evaluation.setEntry', { runId, managerId, ...c });
        if (!saved.ok) return { ok: false as const, error: saved.error };
      }
      return api.call('evaluation.compute', { schemeCode: run.schemeCode, period: run.period });
    }, (computed) => settled(computed.id)());
    return r.ok;
  };

  const step = (call: () => Promise<ApiResult<unknown>>): void => {
    if (run === null) return;
    setDiff(null);
    void action.run(call, settled(run.id));
  };

  return {
    busy: action.busy,
    error: action.error,
    clearError: action.clearError,
    diff,
    closeDiff: () => setDiff(null),
    recompute: () => void recompute(),
    saveEntries,
    review: () => run !== null && step(() => api.call('evaluation.review', { runId: run.id })),
    lock: () => run !== null && step(() => api.call('evaluation.lock', { runId: run.id })),
    acknowledge: (note: string) => run !== null && step(() => api.call('evaluation.acknowledge', { runId: run.id, ...(note.trim() === '' ? {} : { note: note.trim() }) })),
    checkDiff: () => {
      if (run !== null) void action.run(() => api.call('evaluation.diff', { runId: run.id }), setDiff);
    },
    reopen: async (reason: string): Promise<ApiResult<unknown>> => {
      if (run === null) return { ok: true, value: null };
      setDiff(null);
      return action.run(() => api.call('evaluation.reopen', { runId: run.id, reason }), settled(run.id));
    },
  };
}

export type RunActions = ReturnType<typeof useRunActions>;
