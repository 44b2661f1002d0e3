import { TASK_STATUS_FILTERS } from '../../shared/tasks/model.js';
import type { TaskList, TaskStatusCounts } from '../../shared/tasks/model.js';
import type { TaskListInput } from '../../shared/tasks/inputs.js';
import type { Session } from '../api/types.js';
import type { Store } from '../store/store.js';
import { unitAndDescendants } from '../org/queries.js';
import { scopeCondition, taskScope, unitFilter } from './access.js';
import type { Moment } from './moment.js';
import { ROW_COLUMNS, ROW_FROM, TASK_OVERDUE_SQL, assigneesOf, toTaskRow } from './row-sql.js';
import type { RawTaskRow } from './row-sql.js';

/** Every filter but the status one, as SQL conditions on `t` (and `g`), with their parameters. */
function filterConditions(store: Store, session: Session, f: TaskListInput): { where: string[]; params: Record<string, unknown> } {
  const scope = scopeCondition(taskScope(store, session));
  const where = [scope.sql];
  const params: Record<string, unknown> = { ...scope.params };
  if (f.managerId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM task_assignee fa WHERE fa.task_id = t.id AND fa.manager_id = @managerId)');
    params['managerId'] = f.managerId;
  }
  if (f.unassigned === true) where.push('NOT EXISTS (SELECT 1 FROM task_assignee fa WHERE fa.task_id = t.id)');
  if (f.orgUnitId !== undefined) {
    // A manager's own tasks are already the whole of their reach; the filter only narrows them.
    const units = session.role === 'manager' ? unitAndDescendants(store, f.orgUnitId) : unitFilter(store, session, f.orgUnitId);
    where.push('t.org_unit_id IN (SELECT value FROM json_each(@units))');
    params['units'] = JSON.stringify(units);
  }
  for (const [key, column] of [
    ['kind', 't.kind'],
    ['priority', 't.priority'],
    ['generator', 'g.generator'],
  ] as const) {
    if (f[key] !== undefined) {
      where.push(`${column} = @${key}`);
      params[key] = f[key];
    }
  }
  if (f.dueFrom !== undefined) {
    where.push('substr(t.due_at, 1, 10) >= @dueFrom');
    params['dueFrom'] = f.dueFrom;
  }
  if (f.dueTo !== undefined) {
    where.push('substr(t.due_at, 1, 10) <= @dueTo');
    params['dueTo'] = f.dueTo;
  }
  if (f.clientId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM task_client fc WHERE fc.task_id = t.id AND fc.client_id = @clientId)');
    params['clientId'] = f.clientId;
  }
  if (f.search !== undefined && f.search !== '') {
    where.push('instr(t.title, @search) > 0');
    params['search'] = f.search;
  }
  return { where, params };
}

function statusCondition(status: TaskListInput['status']): string | null {
  switch (status) {
    case undefined:
      return null;
    case 'open':
      return "t.status IN ('todo', 'doing')";
    case 'overdue':
      return TASK_OVERDUE_SQL;
    default:
      return 't.status = @status';
  }
}

/** The task list: open work first, soonest due first; counts per status under the other filters. */
export function listTasks(store: Store, session: Session, f: TaskListInput, at: Moment): TaskList {
  const db = store.db;
  const { where, params } = filterConditions(store, session, f);
  const all = { ...params, now: at.now, today: at.today };
  const countRows = db
    .prepare(`SELECT t.status, count(*) AS n, sum(${TASK_OVERDUE_SQL}) AS overdue FROM ${ROW_FROM} WHERE ${where.join(' AND ')} GROUP BY t.status`)
    .all(all) as Array<{ status: string; n: number; overdue: number }>;
  const counts = Object.fromEntries(TASK_STATUS_FILTERS.map((s) => [s, 0])) as TaskStatusCounts;
  for (const r of countRows) {
    if (r.status === 'todo' || r.status === 'doing' || r.status === 'done' || r.status === 'cancelled') counts[r.status] = r.n;
    counts.overdue += r.overdue;
  }
  counts.open = counts.todo + counts.doing;

  const status = statusCondition(f.status);
  const rowWhere = status === null ? where : [...where, status];
  const total = f.status === undefined ? counts.todo + counts.doing + counts.done + counts.cancelled : counts[f.status];
  const raw = db
    .prepare(
      `SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE ${rowWhere.join(' AND ')}
       ORDER BY t.status NOT IN ('todo', 'doing'), overdue DESC, t.due_at IS NULL, substr(t.due_at, 1, 10), t.due_at, t.id DESC
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...all, ...(status === null ? {} : { status: f.status }), limit: f.limit, offset: f.offset }) as RawTaskRow[];
  const assignees = assigneesOf(store, raw.map((r) => r.id));
  return { rows: raw.map((r) => toTaskRow(r, assignees.get(r.id) ?? [])), total, counts, at: at.now };
}
