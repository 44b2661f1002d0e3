import type { ImportInspection } from '../../../../shared/api/ops/import.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { missingRequired, setFieldColumn } from './mapping.js';
import type { Mapping } from './mapping.js';

/** The wizard's steps in order; the keys appear in test ids and `data-step`. */
export const WIZARD_STEPS = ['file', 'mapping', 'preview', 'plan', 'run'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export type OnError = 'reject' | 'skip';

/** What the user chose on the file step that changes how the server reads the file. */
export interface ReadOptions {
  encoding?: string;
  sheet?: string;
}

/** Sets or (null) clears one read option. */
export function withOption(options: ReadOptions, key: keyof ReadOptions, value: string | null): ReadOptions {
  const { [key]: _old, ...rest } = options;
  return value === null ? rest : { ...rest, [key]: value };
}

export interface WizardState {
  step: WizardStep;
  /** The kind the user picked; null lets the server suggest one from the headers. */
  chosenKind: ImportKind | null;
  options: ReadOptions;
  file: { name: string; size: number } | null;
  uploadId: string | null;
  inspection: ImportInspection | null;
  mapping: Mapping;
  /** The columns `mapping` refers to, so a re-read that finds the same columns keeps the user's edits. */
  mappedHeaders: readonly string[] | null;
  onError: OnError;
}

export type WizardAction =
  | { type: 'fileChosen'; name: string; size: number }
  | { type: 'uploaded'; uploadId: string }
  | { type: 'inspected'; inspection: ImportInspection }
  | { type: 'kindChosen'; kind: ImportKind | null }
  | { type: 'optionsChosen'; options: ReadOptions }
  | { type: 'fieldMapped'; field: string; column: number | null }
  | { type: 'onErrorChosen'; onError: OnError }
  | { type: 'goTo'; step: WizardStep }
  | { type: 'reset' };

export const INITIAL_WIZARD: WizardState = {
  step: 'file',
  chosenKind: null,
  options: {},
  file: null,
  uploadId: null,
  inspection: null,
  mapping: {},
  mappedHeaders: null,
  // Rejecting the whole batch is the safe default: nothing half-imported unless the user asks for it.
  onError: 'reject',
};

/** The kind the import will use: the user's choice, else the server's suggestion. */
export function effectiveKind(state: WizardState): ImportKind | null {
  return state.chosenKind ?? state.inspection?.kind ?? null;
}

/** Why the user cannot leave the current step forward, or null when they can. */
export type Blocker = 'noFile' | 'inspecting' | 'noKind' | 'missingRequired' | 'lastStep';

export function nextBlocker(state: WizardState): Blocker | null {
  switch (state.step) {
    case 'file': {
      if (state.file === null) return 'noFile';
      if (state.inspection === null) return 'inspecting';
      return effectiveKind(state) === null ? 'noKind' : null;
    }
    case 'mapping': {
      const kind = effectiveKind(state);
      if (kind === null) return 'noKind';
      return missingRequired(kind, state.mapping).length > 0 ? 'missingRequired' : null;
    }
    case 'preview':
    case 'plan':
      return null;
    case 'run':
      return 'lastStep';
  }
}

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step);
}

/** A step may be entered when every step before it can be left forward. */
export function canEnter(state: WizardState, target: WizardStep): boolean {
  const to = stepIndex(target);
  for (let i = 0; i < to; i++) {
    const step = WIZARD_STEPS[i];
    if (step === undefined || nextBlocker({ ...state, step }) !== null) return false;
  }
  return true;
}

export function nextStep(step: WizardStep): WizardStep | null {
  return WIZARD_STEPS[stepIndex(step) + 1] ?? null;
}

export function previousStep(step: WizardStep): WizardStep | null {
  return WIZARD_STEPS[stepIndex(step) - 1] ?? null;
}

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** Anything that changes how the file is read forgets the inspection and sends the user back to step 1. */
function reread(state: WizardState, patch: Partial<WizardState>): WizardState {
  return { ...state, ...patch, inspection: null, step: 'file' };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'fileChosen':
      return { ...INITIAL_WIZARD, chosenKind: state.chosenKind, file: { name: action.name, size: action.size } };
    case 'uploaded':
      return { ...state, uploadId: action.uploadId };
    case 'inspected': {
      const { headers } = action.inspection;
      // A re-read that finds the same columns (another sheet of the same layout, say) keeps the user's edits.
      const keep = state.mappedHeaders !== null && sameHeaders(state.mappedHeaders, headers);
      return {
        ...state,
        inspection: action.inspection,
        mapping: keep ? state.mapping : { ...action.inspection.mapping },
        mappedHeaders: headers,
      };
    }
    case 'kindChosen':
      return action.kind === state.chosenKind ? state : reread(state, { chosenKind: action.kind, mapping: {}, mappedHeaders: null });
    case 'optionsChosen':
      return reread(state, { options: action.options });
    case 'fieldMapped':
      return { ...state, mapping: setFieldColumn(state.mapping, action.field, action.column) };
    case 'onErrorChosen':
      return { ...state, onError: action.onError };
    case 'goTo':
      return canEnter(state, action.step) ? { ...state, step: action.step } : state;
    case 'reset':
      return INITIAL_WIZARD;
  }
}
