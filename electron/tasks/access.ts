import type { Session } from '../api/types.js';
import { unitAndDescendants } from '../org/queries.js';
import { AppError } from '../platform/app-error.js';
import { assertUnitInScope, unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';

/**
 * Which tasks a caller reaches: administrators all; supervisors the tasks of the units they run (a task belongs to
 * `task.org_unit_id`, its outlet); a client manager only the tasks assigned to them.
 */
export type TaskScope = { kind: 'all' } | { kind: 'units'; units: number[] } | { kind: 'manager'; managerId: number };

export function taskScope(store: Store, session: Session): TaskScope {
  // A manager account not linked to a roster entry reaches nothing rather than everything.
  if (session.role === 'manager') return { kind: 'manager', managerId: session.managerId ?? -1 };
  const units = unitsInScope(store, session);
  return units === null ? { kind: 'all' } : { kind: 'units', units: [...units] };
}

/** A condition on task alias `t`, with its named parameters. */
export function scopeCondition(scope: TaskScope): { sql: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'all':
      return { sql: '1', params: {} };
    case 'units':
      return { sql: 't.org_unit_id IN (SELECT value FROM json_each(@scopeUnits))', params: { scopeUnits: JSON.stringify(scope.units) } };
    case 'manager':
      return { sql: 'EXISTS (SELECT 1 FROM task_assignee sa WHERE sa.task_id = t.id AND sa.manager_id = @scopeManager)', params: { scopeManager: scope.managerId } };
  }
}

/** What the access checks need of a stored task. */
export interface TaskHead {
  id: number;
  kind: string;
  status: string;
  priority: string;
  orgUnitId: number | null;
  createdBy: string;
  createdAt: string;
  assignees: number[];
}

export function loadTaskHead(store: Store, id: number): TaskHead {
  const row = store.db.prepare('SELECT id, kind, status, priority, org_unit_id, created_by, created_at FROM task WHERE id = ?').get(id) as
    | { id: number; kind: string; status: string; priority: string; org_unit_id: number | null; created_by: string; created_at: string }
    | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `任务 ${id} 不存在`, en: `Task ${id} does not exist` });
  const assignees = store.db.prepare('SELECT manager_id FROM task_assignee WHERE task_id = ? ORDER BY manager_id').pluck().all(id) as number[];
  return { id: row.id, kind: row.kind, status: row.status, priority: row.priority, orgUnitId: row.org_unit_id, createdBy: row.created_by, createdAt: row.created_at, assignees };
}

export function canSee(scope: TaskScope, task: TaskHead): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'manager') return task.assignees.includes(scope.managerId);
  return task.orgUnitId !== null && scope.units.includes(task.orgUnitId);
}

/**
 * Editing the task itself (title, due, assignees, clients) and cancelling it: the supervisors of its unit, and a
 * client manager only for a task they made themselves. Progressing it (status, ticks, outcome) needs only sight.
 */
export function canEdit(session: Session, scope: TaskScope, task: TaskHead): boolean {
  if (!canSee(scope, task)) return false;
  return session.role !== 'manager' || task.createdBy === session.userName;
}

const notYours = (): never => {
  throw new AppError('FORBIDDEN', { zh: '该任务不在您的范围内', en: 'This task is outside your reach' });
};

/** The task, if the caller may see it; a task outside the scope answers as forbidden, not as missing. */
export function visibleTask(store: Store, session: Session, id: number): { task: TaskHead; scope: TaskScope } {
  const scope = taskScope(store, session);
  const task = loadTaskHead(store, id);
  if (!canSee(scope, task)) notYours();
  return { task, scope };
}

export function editableTask(store: Store, session: Session, id: number): { task: TaskHead; scope: TaskScope } {
  const found = visibleTask(store, session, id);
  if (!canEdit(session, found.scope, found.task)) {
    throw new AppError('FORBIDDEN', { zh: '只能修改您自己创建的任务；请联系派发任务的主管', en: 'You may change only tasks you created; ask the supervisor who assigned it' });
  }
  return found;
}

/** An org unit filter: the unit and its subtree, which a supervisor must run. */
export function unitFilter(store: Store, session: Session, unitId: number): number[] {
  assertUnitInScope(store, session, unitId);
  return unitAndDescendants(store, unitId);
}
