import { useCallback, useMemo, useReducer, useState } from 'react';
import type { ApiResult } from '../../../../shared/api/errors.js';
import type { HandoverPlan, HandoverRequestInput } from '../../../../shared/assignment/handover.js';
import type { Manager } from '../../../../shared/model/manager.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import type { ApiQuery } from '../../api/useApiQuery.js';
import { blockerOf, handoverRequest, initialWizard, isIsoDate, localToday, receiverCandidates, suggestReceivers, wizardReducer } from './handover-draft.js';
import type { HandoverAction, HandoverBlocker, HandoverWizardState } from './handover-draft.js';

export interface HandoverApplied {
  changeId: number | null;
  changed: number;
  tasksMoved: number;
  plan: HandoverPlan;
}

export interface HandoverWizard {
  state: HandoverWizardState;
  dispatch: (action: HandoverAction) => void;
  /** The roster on the effective date (statuses and outlets are those of that day). */
  roster: ApiQuery<Manager[]>;
  managers: readonly Manager[];
  candidates: Manager[];
  blocker: HandoverBlocker | null;
  request: HandoverRequestInput | null;
  chooseLeaver: (managerId: number | null) => void;
  setIncludeOnLeave: (value: boolean) => void;
  suggest: () => void;
  apply: (reason: string) => Promise<ApiResult<HandoverApplied>>;
  applied: HandoverApplied | null;
  restart: () => void;
}

/** The wizard's state, the roster it picks from, and the apply call (which moves the wizard to its result). */
export function useHandoverWizard(onApplied: () => void): HandoverWizard {
  const api = useApi();
  const [state, dispatch] = useReducer(wizardReducer, localToday(), initialWizard);
  const [applied, setApplied] = useState<HandoverApplied | null>(null);
  const { draft } = state;
  // A half-typed date reads today's roster rather than sending the server a date it refuses.
  const roster = useApiQuery('managers.list', isIsoDate(draft.from) ? { asOf: draft.from } : {});
  const rosterRows = roster.state === 'ready' ? roster.value : roster.latest;
  const managers = useMemo(() => rosterRows ?? [], [rosterRows]);
  const candidates = useMemo(() => receiverCandidates(managers, draft.managerId, draft.includeOnLeave), [managers, draft.managerId, draft.includeOnLeave]);
  const eligibleIds = useMemo(() => new Set(candidates.map((m) => m.id)), [candidates]);
  const blocker = blockerOf(state.step, draft, eligibleIds);

  const chooseLeaver = useCallback((managerId: number | null) => dispatch({ type: 'leaver', managerId, suggested: managerId === null ? [] : suggestReceivers(managers, managerId) }), [managers]);
  const suggest = useCallback(() => {
    if (draft.managerId !== null) dispatch({ type: 'receivers', ids: suggestReceivers(managers, draft.managerId) });
  }, [managers, draft.managerId]);
  const setIncludeOnLeave = useCallback(
    (value: boolean) => dispatch({ type: 'includeOnLeave', value, eligibleIds: new Set(receiverCandidates(managers, draft.managerId, value).map((m) => m.id)) }),
    [managers, draft.managerId],
  );

  const request = handoverRequest(draft);
  const apply = useCallback(
    async (reason: string): Promise<ApiResult<HandoverApplied>> => {
      if (request === null) return { ok: false, error: { code: 'INVALID_INPUT', message: '' } };
      const r = await api.call('handover.apply', { ...request, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) });
      if (r.ok) {
        setApplied(r.value);
        dispatch({ type: 'go', step: 'done' });
        onApplied();
      }
      return r;
    },
    [api, request, onApplied],
  );
  const restart = useCallback(() => {
    setApplied(null);
    dispatch({ type: 'reset', from: localToday() });
  }, []);

  return { state, dispatch, roster, managers, candidates, blocker, request, chooseLeaver, setIncludeOnLeave, suggest, apply, applied, restart };
}
