import type { HandoverRequestInput } from '../../../../shared/assignment/handover.js';
import type { Manager } from '../../../../shared/model/manager.js';

/** The four steps of the wizard; `done` follows a successful apply (every step completed). */
export const HANDOVER_STEPS = ['leaving', 'receivers', 'preview', 'apply'] as const;
export type HandoverStep = (typeof HANDOVER_STEPS)[number] | 'done';

export interface HandoverDraft {
  managerId: number | null;
  from: string;
  receiverIds: number[];
  includeOnLeave: boolean;
  vipFullTimeOnly: boolean;
  /** As typed, so a half-typed value does not jump back; parsed by `parseTolerance`. */
  tolerance: string;
}

export interface HandoverWizardState {
  step: HandoverStep;
  draft: HandoverDraft;
}

export type HandoverBlocker = 'noLeaver' | 'badDate' | 'noReceivers' | 'ineligibleReceiver' | 'badTolerance';

export type HandoverAction =
  | { type: 'leaver'; managerId: number | null; suggested: readonly number[] }
  | { type: 'from'; from: string }
  | { type: 'receivers'; ids: readonly number[] }
  | { type: 'includeOnLeave'; value: boolean; eligibleIds: ReadonlySet<number> }
  | { type: 'vipFullTimeOnly'; value: boolean }
  | { type: 'tolerance'; text: string }
  | { type: 'go'; step: HandoverStep }
  | { type: 'reset'; from: string };

/** The branch defaults of the request schema: 白金+ only to 专职, ±10 %. */
export function initialWizard(from: string): HandoverWizardState {
  return { step: 'leaving', draft: { managerId: null, from, receiverIds: [], includeOnLeave: false, vipFullTimeOnly: true, tolerance: '10' } };
}

export function wizardReducer(state: HandoverWizardState, action: HandoverAction): HandoverWizardState {
  const d = state.draft;
  switch (action.type) {
    case 'leaver':
      // A new leaver makes the previous receivers meaningless: start again from the suggestion for this one.
      return { ...state, draft: { ...d, managerId: action.managerId, receiverIds: action.managerId === null ? [] : [...action.suggested] } };
    case 'from':
      return { ...state, draft: { ...d, from: action.from } };
    case 'receivers':
      return { ...state, draft: { ...d, receiverIds: [...new Set(action.ids)] } };
    case 'includeOnLeave': {
      // Switching 休假 off drops the receivers on leave instead of letting the server refuse them later.
      const receiverIds = action.value ? d.receiverIds : d.receiverIds.filter((id) => action.eligibleIds.has(id));
      return { ...state, draft: { ...d, includeOnLeave: action.value, receiverIds } };
    }
    case 'vipFullTimeOnly':
      return { ...state, draft: { ...d, vipFullTimeOnly: action.value } };
    case 'tolerance':
      return { ...state, draft: { ...d, tolerance: action.text } };
    case 'go':
      return { ...state, step: action.step };
    case 'reset':
      return initialWizard(action.from);
  }
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Tolerance in percent, 0–100, or null while the text is not one. */
export function parseTolerance(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const v = Number(s);
  return v <= 100 ? v : null;
}

/** Who may receive on the roster of the effective date: in post (休假 only when asked), never the leaver. */
export function receiverCandidates(managers: readonly Manager[], leaverId: number | null, includeOnLeave: boolean): Manager[] {
  const leaverUnit = managers.find((m) => m.id === leaverId)?.orgUnitId ?? null;
  const ok = managers.filter((m) => m.id !== leaverId && (m.status === 'active' || (includeOnLeave && m.status === 'leave')));
  // Colleagues of the leaver's outlet first: they usually take over, and the list of a whole branch is long.
  const rank = (m: Manager): number => (m.orgUnitId === leaverUnit ? 0 : 1);
  return ok.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i).map((x) => x.m);
}

/** The default receivers: the leaver's colleagues of the same outlet who are in post (在岗) on the date. */
export function suggestReceivers(managers: readonly Manager[], leaverId: number): number[] {
  const leaver = managers.find((m) => m.id === leaverId);
  if (leaver === undefined) return [];
  return managers.filter((m) => m.id !== leaverId && m.orgUnitId === leaver.orgUnitId && m.status === 'active').map((m) => m.id);
}

/** Search by name or staff number, as a supervisor knows a colleague by either. */
export function matchesManager(m: Pick<Manager, 'name' | 'staffNo'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || m.name.toLowerCase().includes(q) || m.staffNo.toLowerCase().includes(q);
}

/** The request the draft describes, or null while it is incomplete (the wizard never sends a half-filled one). */
export function handoverRequest(d: HandoverDraft): HandoverRequestInput | null {
  const tolerancePct = parseTolerance(d.tolerance);
  if (d.managerId === null || !isIsoDate(d.from) || d.receiverIds.length === 0 || tolerancePct === null) return null;
  return { managerId: d.managerId, from: d.from, receiverIds: [...d.receiverIds], includeOnLeave: d.includeOnLeave, vipFullTimeOnly: d.vipFullTimeOnly, tolerancePct };
}

/** What stops the wizard from leaving a step, in the order the user fills the form; null when nothing does. */
export function blockerOf(step: HandoverStep, d: HandoverDraft, eligibleIds: ReadonlySet<number>): HandoverBlocker | null {
  if (d.managerId === null) return 'noLeaver';
  if (!isIsoDate(d.from)) return 'badDate';
  if (step === 'leaving') return null;
  if (d.receiverIds.length === 0) return 'noReceivers';
  if (d.receiverIds.some((id) => !eligibleIds.has(id))) return 'ineligibleReceiver';
  if (parseTolerance(d.tolerance) === null) return 'badTolerance';
  return null;
}

export function stepIndex(step: HandoverStep): number {
  return step === 'done' ? HANDOVER_STEPS.length : HANDOVER_STEPS.indexOf(step);
}

export function nextStep(step: HandoverStep): HandoverStep {
  return step === 'done' ? 'done' : (HANDOVER_STEPS[HANDOVER_STEPS.indexOf(step) + 1] ?? 'apply');
}

export function previousStep(step: HandoverStep): HandoverStep {
  return step === 'done' ? 'done' : (HANDOVER_STEPS[HANDOVER_STEPS.indexOf(step) - 1] ?? 'leaving');
}

/** Today on the user's calendar (not UTC): a handover made on the evening of the 1st is effective on the 1st. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
