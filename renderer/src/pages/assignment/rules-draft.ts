import { LIFECYCLE_STAGES } from '../../../../shared/book/labels.js';
import { assignmentRulesSchema } from '../../../../shared/assignment/rules.js';
import type { AssignmentRules, AssignmentRulesInput } from '../../../../shared/assignment/rules.js';
import { CLIENT_TIERS, PRODUCT_TYPES } from '../../../../shared/model/client.js';

/**
 * The rules form edits a complete rule set (every default filled in), so a file loaded with fields the form has no
 * control for (a handover's `managerIds`) goes back out unchanged. In the form an empty list means "any"; the engine
 * reads an empty list as "none", so lists are dropped when empty before a run or a save.
 */
export type RulesDraft = AssignmentRules;

export function defaultRules(asOf: string): RulesDraft {
  return assignmentRulesSchema.parse({ asOf });
}

const byOrder =
  <T>(order: readonly T[]) =>
  (a: T, b: T): number =>
    order.indexOf(a) - order.indexOf(b);

/** A list only when it narrows something, sorted, so equal rules serialise to equal JSON. */
function list<T>(values: readonly T[] | undefined, compare: (a: T, b: T) => number): T[] | undefined {
  return values === undefined || values.length === 0 ? undefined : [...new Set(values)].sort(compare);
}

const byNumber = (a: number, b: number): number => a - b;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `{ key: value }` when the value is set, `{}` otherwise: the rules JSON carries no `undefined` holes. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * The rules as sent to `assignment.preview` / `assignment.apply` and written to a rules file (the CLI reads the same
 * JSON): every section spelled out, filters only when set, lists sorted.
 */
export function rulesForRun(r: RulesDraft): AssignmentRulesInput {
  return {
    asOf: r.asOf,
    scope: opt('orgUnitIds', list(r.scope.orgUnitIds, byNumber)),
    select: {
      ...opt('tiers', list(r.select.tiers, byOrder(CLIENT_TIERS))),
      ...opt('segments', list(r.select.segments, byText)),
      ...opt('stages', list(r.select.stages, byOrder(LIFECYCLE_STAGES))),
      ...opt('orgUnitIds', list(r.select.orgUnitIds, byNumber)),
      ...opt('productTypes', list(r.select.productTypes, byOrder(PRODUCT_TYPES))),
      onlyUnassigned: r.select.onlyUnassigned,
      ...opt('managerIds', list(r.select.managerIds, byNumber)),
    },
    eligible: {
      statuses: list(r.eligible.statuses, byOrder(['active', 'leave'] as const)) ?? ['active'],
      ...opt('managerIds', list(r.eligible.managerIds, byNumber)),
      sameOutletOnly: r.eligible.sameOutletOnly,
      vipFullTimeOnly: r.eligible.vipFullTimeOnly,
      vipFullTimeMinTier: r.eligible.vipFullTimeMinTier,
    },
    objective: { tolerancePct: r.objective.tolerancePct, keepExisting: r.objective.keepExisting },
  };
}

/** Whether two drafts ask for the same plan (a preview stays valid while the form still says the same). */
export function sameRules(a: RulesDraft, b: RulesDraft): boolean {
  return JSON.stringify(rulesForRun(a)) === JSON.stringify(rulesForRun(b));
}

/** 休假 managers receive clients only when the supervisor ticks it; 在岗 always may. */
export function includesLeave(r: RulesDraft): boolean {
  return r.eligible.statuses.includes('leave');
}

export function withLeave(r: RulesDraft, on: boolean): RulesDraft {
  return { ...r, eligible: { ...r.eligible, statuses: on ? ['active', 'leave'] : ['active'] } };
}

/** The tolerance as typed: a percentage 0–100 (decimals allowed), or null while the text is not one. */
export function parseTolerance(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : null;
}


/** What the form holds: the rules, and the tolerance as typed (it may be half-typed, like "1" on the way to "15"). */
export interface RulesFormState {
  draft: RulesDraft;
  toleranceText: string;
}

export function formOf(draft: RulesDraft): RulesFormState {
  return { draft, toleranceText: String(draft.objective.tolerancePct) };
}

/** The rules the form says, or null while a field cannot be sent (no date, a tolerance that is not a percentage). */
export function rulesOfForm(form: RulesFormState): RulesDraft | null {
  const tolerancePct = parseTolerance(form.toleranceText);
  if (tolerancePct === null || !/^\d{4}-\d{2}-\d{2}$/.test(form.draft.asOf)) return null;
  return { ...form.draft, objective: { ...form.draft.objective, tolerancePct } };
}
