import type { TaskAssignee, TaskGenerator, TaskKind, TaskPriority, TaskRow, TaskStatus } from '../../shared/tasks/model.js';
import type { Store } from '../store/store.js';
import { pastDueSql } from './moment.js';

/** An open client item whose own due time (else its task's) has passed, on item alias `x` of task `t`. */
export const ITEM_OVERDUE_SQL = `(x.done_at IS NULL AND ${pastDueSql('coalesce(x.due_at, t.due_at)')})`;

/**
 * An overdue task: open, and its due time has passed or one of its open client items' has (a maturity list is late
 * as soon as one maturity passes uncontacted, though the list runs to the end of its window).
 */
export const TASK_OVERDUE_SQL = `(t.status IN ('todo', 'doing') AND (${pastDueSql('t.due_at')}
  OR EXISTS (SELECT 1 FROM task_client x WHERE x.task_id = t.id AND x.done_at IS NULL AND ${pastDueSql('x.due_at')})))`;

/** The list columns of task `t` (with org unit `o` and generation `g` joined). */
export const ROW_COLUMNS = `t.id, t.title, t.kind, t.priority, t.status, t.due_at, t.org_unit_id, o.name AS org_unit_name, g.generator,
  t.created_by, t.created_at, t.done_at, ${TASK_OVERDUE_SQL} AS overdue,
  (SELECT count(*) FROM task_client x WHERE x.task_id = t.id) AS clients,
  (SELECT count(*) FROM task_client x WHERE x.task_id = t.id AND x.done_at IS NOT NULL) AS clients_done,
  CASE WHEN t.status IN ('todo', 'doing') THEN (SELECT count(*) FROM task_client x WHERE x.task_id = t.id AND ${ITEM_OVERDUE_SQL}) ELSE 0 END AS clients_overdue`;

export const ROW_FROM = 'task t LEFT JOIN org_unit o ON o.id = t.org_unit_id LEFT JOIN task_generation g ON g.id = t.generation_id';

export interface RawTaskRow {
  id: number;
  title: string;
  kind: TaskKind;
  priority: TaskPriority;
  status: TaskStatus;
  due_at: string | null;
  org_unit_id: number | null;
  org_unit_name: string | null;
  generator: TaskGenerator | null;
  created_by: string;
  created_at: string;
  done_at: string | null;
  overdue: number;
  clients: number;
  clients_done: number;
  clients_overdue: number;
}

/** The assignees of the given tasks, in one statement. */
export function assigneesOf(store: Store, ids: readonly number[]): Map<number, TaskAssignee[]> {
  const rows = store.db
    .prepare(
      `SELECT a.task_id, m.id, m.staff_no, m.name, a.handed_from FROM task_assignee a JOIN manager m ON m.id = a.manager_id
       WHERE a.task_id IN (SELECT value FROM json_each(?)) ORDER BY a.task_id, m.staff_no`,
    )
    .all(JSON.stringify(ids)) as Array<{ task_id: number; id: number; staff_no: string; name: string; handed_from: number | null }>;
  const out = new Map<number, TaskAssignee[]>();
  for (const r of rows) {
    const list = out.get(r.task_id) ?? [];
    list.push({ managerId: r.id, staffNo: r.staff_no, name: r.name, handedFrom: r.handed_from });
    out.set(r.task_id, list);
  }
  return out;
}

export function toTaskRow(r: RawTaskRow, assignees: readonly TaskAssignee[]): TaskRow {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    priority: r.priority,
    status: r.status,
    overdue: r.overdue === 1,
    dueAt: r.due_at,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    assignees: [...assignees],
    clients: r.clients,
    clientsDone: r.clients_done,
    clientsOverdue: r.clients_overdue,
    generator: r.generator,
    createdBy: r.created_by,
    createdAt: r.created_at,
    doneAt: r.done_at,
  };
}
