import type { LocalizedText } from '../../../shared/i18n/locale.js';
import type { TaskGenerateInput } from '../../../shared/tasks/inputs.js';
import type { TaskGenerator } from '../../../shared/tasks/model.js';

export type GeneratorInput<G extends TaskGenerator> = Extract<TaskGenerateInput, { generator: G }>;

/**
 * What one generator contributes to a run: its candidates as one set-based SELECT yielding
 * `(client_id, detail, due_at)` — one row per client, `detail` the JSON of TaskItemDetail, `due_at` the item's own
 * deadline or NULL — plus the wording and due date of the lists it makes. The run (run.ts) does the rest the same
 * way for every generator: scope, primary managers, idempotency, grouping, storing.
 */
export interface GeneratorPlan {
  generator: TaskGenerator;
  /** Primary managers are read on this day. */
  asOf: string;
  /** Every parameter as used, defaults filled in: stored with the run (task_generation.params). */
  params: Record<string, unknown>;
  /** The lists' due date. */
  dueAt: string;
  title: LocalizedText;
  description: LocalizedText;
  candidates: string;
  bind: Record<string, unknown>;
}

/** Fixed codes (validated enums, never user text) as an SQL IN list, so the planner sees constants and uses its index. */
export function sqlList(codes: readonly string[]): string {
  return `(${codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ')})`;
}
