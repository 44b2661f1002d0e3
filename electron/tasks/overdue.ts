import type { OverdueFigures, OverdueReport } from '../../shared/tasks/model.js';
import type { Session } from '../api/types.js';
import { unitAndDescendants } from '../org/queries.js';
import type { Store } from '../store/store.js';
import { scopeCondition, taskScope, unitFilter } from './access.js';
import type { Moment } from './moment.js';
import { ITEM_OVERDUE_SQL, TASK_OVERDUE_SQL } from './row-sql.js';

interface Sums {
  open_tasks: number;
  overdue_tasks: number | null;
  open_items: number | null;
  overdue_items: number | null;
}
const figures = (r: Sums): OverdueFigures => ({ openTasks: r.open_tasks, overdueTasks: r.overdue_tasks ?? 0, openItems: r.open_items ?? 0, overdueItems: r.overdue_items ?? 0 });
const SUMS = 'count(*) AS open_tasks, sum(f.overdue) AS overdue_tasks, sum(f.open_items) AS open_items, sum(f.overdue_items) AS overdue_items';

/**
 * Open and overdue work within the caller's reach: tasks and their open client items, per assignee and per outlet
 * (a task with several assignees counts for each of them, once in its outlet and once in the total).
 */
export function overdueReport(store: Store, session: Session, orgUnitId: number | undefined, at: Moment): OverdueReport {
  const scope = taskScope(store, session);
  const cond = scopeCondition(scope);
  const where = ["t.status IN ('todo', 'doing')", cond.sql];
  const params: Record<string, unknown> = { ...cond.params, now: at.now, today: at.today };
  if (orgUnitId !== undefined) {
    where.push('t.org_unit_id IN (SELECT value FROM json_each(@units))');
    params['units'] = JSON.stringify(session.role === 'manager' ? unitAndDescendants(store, orgUnitId) : unitFilter(store, session, orgUnitId));
  }
  const facts = `WITH f AS (
      SELECT t.id, t.org_unit_id, ${TASK_OVERDUE_SQL} AS overdue,
             (SELECT count(*) FROM task_client x WHERE x.task_id = t.id AND x.done_at IS NULL) AS open_items,
             (SELECT count(*) FROM task_client x WHERE x.task_id = t.id AND ${ITEM_OVERDUE_SQL}) AS overdue_items
      FROM task t WHERE ${where.join(' AND ')})`;
  const db = store.db;
  const total = db.prepare(`${facts} SELECT ${SUMS} FROM f`).get(params) as Sums;
  const managers = db
    .prepare(
      `${facts} SELECT a.manager_id, m.staff_no, m.name, ${SUMS}
       FROM f JOIN task_assignee a ON a.task_id = f.id JOIN manager m ON m.id = a.manager_id
       WHERE @onlyManager IS NULL OR a.manager_id = @onlyManager
       GROUP BY a.manager_id ORDER BY overdue_items + overdue_tasks DESC, m.staff_no`,
    )
    .all({ ...params, onlyManager: scope.kind === 'manager' ? scope.managerId : null }) as Array<Sums & { manager_id: number; staff_no: string; name: string }>;
  const outlets = db
    .prepare(
      `${facts} SELECT f.org_unit_id, o.name, ${SUMS}, sum(NOT EXISTS (SELECT 1 FROM task_assignee a WHERE a.task_id = f.id)) AS unassigned
       FROM f LEFT JOIN org_unit o ON o.id = f.org_unit_id GROUP BY f.org_unit_id ORDER BY o.code`,
    )
    .all(params) as Array<Sums & { org_unit_id: number | null; name: string | null; unassigned: number }>;
  return {
    at: at.now,
    total: figures(total),
    byManager: managers.map((r) => ({ managerId: r.manager_id, staffNo: r.staff_no, name: r.name, ...figures(r) })),
    byOutlet: outlets.map((r) => ({ orgUnitId: r.org_unit_id, name: r.name, unassignedTasks: r.unassigned, ...figures(r) })),
  };
}
