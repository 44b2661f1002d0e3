import type { TaskCreateInput, TaskUpdateInput } from '../../shared/tasks/inputs.js';
import type { Session } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { editableTask } from './access.js';
import type { Moment } from './moment.js';
import { resolveAssignees, resolveClients } from './resolve.js';
import { readServiceStandards, requestDueAt } from './standards.js';

const requestDueRefused = (): never => {
  throw new AppError('INVALID_INPUT', {
    zh: '客户诉求的完成时限由服务标准决定（普通 24 小时、紧急 2 小时），不能手工指定',
    en: 'A request is due by the service standard (24 hours, urgent 2 hours); its due date cannot be set by hand',
  });
};

/** Links clients to a task, leaving those already linked (and their ticks) as they are. */
function linkClients(store: Store, taskId: number, clientIds: readonly number[]): void {
  const add = store.db.prepare('INSERT OR IGNORE INTO task_client (task_id, client_id) VALUES (?, ?)');
  for (const id of clientIds) add.run(taskId, id);
}

function setAssignees(store: Store, taskId: number, managerIds: readonly number[]): void {
  const db = store.db;
  // Assignees who stay keep their handover trail (handed_from); only the ones dropped go.
  db.prepare('DELETE FROM task_assignee WHERE task_id = ? AND manager_id NOT IN (SELECT value FROM json_each(?))').run(taskId, JSON.stringify(managerIds));
  const add = db.prepare('INSERT OR IGNORE INTO task_assignee (task_id, manager_id) VALUES (?, ?)');
  for (const m of managerIds) add.run(taskId, m);
}

/** Creates a task as one transaction; returns its id. */
export function createTask(store: Store, session: Session, input: TaskCreateInput, at: Moment): number {
  if (input.kind === 'request' && input.dueAt !== undefined) requestDueRefused();
  return store.transaction(() => {
    const assignees = resolveAssignees(store, session, { managerIds: input.managerIds, orgUnitId: input.orgUnitId, wholeOutlet: input.wholeOutlet }, at.today);
    const clients = resolveClients(store, session, input.clientNos, at.today);
    const dueAt = input.kind === 'request' ? requestDueAt(readServiceStandards(store), at.now, input.priority) : (input.dueAt ?? null);
    const id = Number(
      store.db
        .prepare(
          `INSERT INTO task (title, description, kind, priority, status, due_at, org_unit_id, created_by, created_at)
           VALUES (?, ?, ?, ?, 'todo', ?, ?, ?, ?)`,
        )
        .run(input.title, input.description ?? null, input.kind, input.priority, dueAt, assignees.orgUnitId, session.userName, at.now).lastInsertRowid,
    );
    setAssignees(store, id, assignees.managerIds);
    linkClients(store, id, clients);
    return id;
  });
}

/** Changes what was given and nothing else, as one transaction. */
export function updateTask(store: Store, session: Session, input: TaskUpdateInput, at: Moment): void {
  store.transaction(() => {
    const { task } = editableTask(store, session, input.id);
    const db = store.db;
    if (task.kind === 'request' && input.dueAt !== undefined) requestDueRefused();
    const set = (column: string, value: unknown): void => {
      db.prepare(`UPDATE task SET ${column} = ? WHERE id = ?`).run(value, input.id);
    };
    if (input.title !== undefined) set('title', input.title);
    if (input.description !== undefined) set('description', input.description);
    if (input.priority !== undefined) {
      set('priority', input.priority);
      // The standard's clock runs from the request's arrival, whatever its priority became later.
      if (task.kind === 'request') set('due_at', requestDueAt(readServiceStandards(store), task.createdAt, input.priority));
    }
    if (input.dueAt !== undefined) set('due_at', input.dueAt);
    if (input.managerIds !== undefined || input.orgUnitId !== undefined || input.wholeOutlet !== undefined) {
      // Left out: kept as they are; an outlet of null: the first assignee's outlet, as when creating.
      const orgUnitId = input.orgUnitId === undefined ? (task.orgUnitId ?? undefined) : (input.orgUnitId ?? undefined);
      const resolved = resolveAssignees(store, session, { managerIds: input.managerIds ?? task.assignees, orgUnitId, wholeOutlet: input.wholeOutlet ?? false }, at.today);
      setAssignees(store, input.id, resolved.managerIds);
      set('org_unit_id', resolved.orgUnitId);
    }
    if (input.clientNos !== undefined) {
      const ids = resolveClients(store, session, input.clientNos, at.today);
      db.prepare('DELETE FROM task_client WHERE task_id = ? AND client_id NOT IN (SELECT value FROM json_each(?))').run(input.id, JSON.stringify(ids));
      linkClients(store, input.id, ids);
    }
  });
}
