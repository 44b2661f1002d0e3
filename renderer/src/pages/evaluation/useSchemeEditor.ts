import { useState } from 'react';
import type { EvaluationCard } from '../../../../shared/evaluation/card.js';
import type { SchemeProblemInfo, SchemeVersionInfo } from '../../../../shared/api/ops/evaluation.js';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { useApi } from '../../api/ApiProvider.js';
import { useAction } from '../../api/useAction.js';
import type { DraftProblem, ItemDraft, SchemeDraft } from './scheme-draft.js';
import { schemeOf } from './scheme-draft.js';

export interface CheckResult {
  /** The draft as checked, to tell when the result no longer describes what is on screen. */
  draftKey: string;
  period: string;
  problems: SchemeProblemInfo[];
  preview: EvaluationCard[] | null;
}

/**
 * The editor's state and its two calls. The draft is first read here (field by field, then the shared schema), so a
 * typo is named at once without a round trip; only a well-formed scheme goes to checkScheme (the store's checks
 * and the preview on a period) or saveScheme.
 */
export function useSchemeEditor(initial: SchemeDraft, indicators: readonly IndicatorView[], onSaved: (saved: SchemeVersionInfo) => void) {
  const api = useApi();
  const action = useAction();
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<DraftProblem[] | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const draftKey = JSON.stringify(draft);

  const update = (patch: Partial<SchemeDraft>): void => setDraft((d) => ({ ...d, ...patch }));
  const setItems = (fn: (items: ItemDraft[]) => ItemDraft[]): void => setDraft((d) => ({ ...d, items: fn(d.items) }));

  const built = () => {
    const r = schemeOf(draft, indicators);
    setLocal(r.ok ? null : r.problems);
    return r.ok ? r.scheme : null;
  };

  const checkAndPreview = (period: string): void => {
    const scheme = built();
    if (scheme === null) return setCheck(null);
    void action.run(() => api.call('evaluation.checkScheme', { scheme, period }), (v) => setCheck({ draftKey, period, ...v }));
  };

  const save = (validFrom: string, note: string): void => {
    const scheme = built();
    if (scheme === null) return;
    void action.run(() => api.call('evaluation.saveScheme', { scheme, validFrom, ...(note.trim() === '' ? {} : { note: note.trim() }) }), onSaved);
  };

  return {
    draft,
    update,
    setItems,
    /** Problems found in the form itself (not numbers, out of the schema's range), or null. */
    local,
    check,
    checkStale: check !== null && check.draftKey !== draftKey,
    busy: action.busy,
    error: action.error,
    checkAndPreview,
    save,
    /** The draft as a scheme, for the JSON file; null (with the problems shown) while it is not one. */
    schemeForFile: built,
  };
}

export type SchemeEditorState = ReturnType<typeof useSchemeEditor>;
