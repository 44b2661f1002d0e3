import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api/errors.js';
import type { OpOutput } from '../../../../shared/api/index.js';
import type { AssignmentPreview } from '../../../../shared/assignment/rules.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { rulesForRun } from './rules-draft.js';
import type { RulesDraft } from './rules-draft.js';

export interface AppliedRun {
  changeId: number | null;
  changed: number;
  /** Moves the preview on screen showed; apply plans again on the latest data, so the two can differ. */
  previewedMoves: number;
}

/** The preview on screen (`idle` before the first one); `applied` once it has been applied. */
export type RulesRun =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; rules: RulesDraft; preview: AssignmentPreview; applied: AppliedRun | null }
  | { state: 'error'; error: ApiError };

type ApplyResult = ApiResult<OpOutput<'assignment.apply'>>;

/**
 * Runs `assignment.preview` for the rules on the form and `assignment.apply` for the rules of the preview shown
 * (never the form's, which may have changed since). A newer preview supersedes a slower older one.
 */
export function useRulesRun(): { run: RulesRun; preview: (rules: RulesDraft) => void; apply: (reason: string) => Promise<ApplyResult> } {
  const api = useApi();
  const [run, setRun] = useState<RulesRun>({ state: 'idle' });
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const preview = useCallback(
    (rules: RulesDraft) => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      setRun({ state: 'loading' });
      api.call('assignment.preview', { rules: rulesForRun(rules) }, { signal: controller.signal }).then(
        (r) => {
          if (controller.signal.aborted) return;
          setRun(r.ok ? { state: 'ready', rules, preview: r.value, applied: null } : { state: 'error', error: r.error });
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setRun({ state: 'error', error: thrownToError(e) });
        },
      );
    },
    [api],
  );

  const apply = async (reason: string): Promise<ApplyResult> => {
    if (run.state !== 'ready') return { ok: false, error: { code: 'INVALID_INPUT', message: 'preview first' } };
    const { rules } = run;
    const trimmed = reason.trim();
    const r = await api.call('assignment.apply', { rules: rulesForRun(rules), ...(trimmed === '' ? {} : { reason: trimmed }) });
    if (r.ok) {
      const applied = { changeId: r.value.changeId, changed: r.value.changed, previewedMoves: run.preview.moves.length };
      setRun({ state: 'ready', rules, preview: r.value.preview, applied });
    }
    return r;
  };

  return { run, preview, apply };
}
