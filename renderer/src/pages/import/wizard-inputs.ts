import type { OpInput } from '../../../../shared/api/index.js';
import type { ImportOptions, ImportSource } from '../../../../shared/api/ops/import.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { effectiveKind } from './wizard-state.js';
import type { Mapping } from './mapping.js';
import type { OnError, WizardState } from './wizard-state.js';

/** How many rows the preview step shows: enough to see the pattern, few enough to read. */
export const PREVIEW_LIMIT = 50;

interface Ready {
  source: ImportSource;
  options: ImportOptions;
  kind: ImportKind;
  mapping: Mapping;
}

/** The part of every call that names the file and how to read it. */
export function fileInput(state: WizardState): { source: ImportSource; options: ImportOptions } | null {
  if (state.uploadId === null) return null;
  const options: ImportOptions = {};
  if (state.options.encoding !== undefined) options.encoding = state.options.encoding;
  if (state.options.sheet !== undefined) options.sheet = state.options.sheet;
  return { source: { type: 'upload', uploadId: state.uploadId }, options };
}

function ready(state: WizardState): Ready | null {
  const file = fileInput(state);
  const kind = effectiveKind(state);
  // Sorted, so the same mapping always gives the same plan key whatever order the fields were edited in.
  const mapping = Object.fromEntries(Object.entries(state.mapping).sort(([a], [b]) => a.localeCompare(b)));
  return file === null || kind === null ? null : { ...file, kind, mapping };
}

export function inspectInput(state: WizardState): OpInput<'import.inspect'> | null {
  const file = fileInput(state);
  if (file === null) return null;
  return state.chosenKind === null ? file : { ...file, kind: state.chosenKind };
}

export function previewInput(state: WizardState): OpInput<'import.preview'> | null {
  const r = ready(state);
  return r === null ? null : { ...r, limit: PREVIEW_LIMIT };
}

export function planInput(state: WizardState): OpInput<'import.plan'> | null {
  return ready(state);
}

export function commitInput(state: WizardState, onError: OnError = state.onError): OpInput<'import.commit'> | null {
  const r = ready(state);
  return r === null ? null : { ...r, onError };
}

/** Identifies what a plan was computed for, so a plan of an older mapping is never shown as current. */
export function planKey(state: WizardState): string | null {
  const input = planInput(state);
  return input === null ? null : JSON.stringify(input);
}
