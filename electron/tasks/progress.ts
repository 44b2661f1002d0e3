import type { TaskSetStatusInput, TaskTickInput } from '../../shared/tasks/inputs.js';
import type { Session } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { editableTask, visibleTask } from './access.js';
import type { Moment } from './moment.js';

/**
 * Follows a task's items with its status: a ticked item starts a 待办 task (进行中), the last one ticked completes it.
 * Runs inside the caller's transaction.
 */
function settle(store: Store, taskIds: Iterable<number>, at: string): number[] {
  const db = store.db;
  const counts = db.prepare('SELECT count(*) AS n, count(done_at) AS done FROM task_client WHERE task_id = ?');
  const status = db.prepare('SELECT status FROM task WHERE id = ?').pluck();
  const completed: number[] = [];
  for (const id of new Set(taskIds)) {
    const s = status.get(id) as string;
    if (s !== 'todo' && s !== 'doing') continue;
    const c = counts.get(id) as { n: number; done: number };
    if (c.n > 0 && c.done === c.n) {
      db.prepare("UPDATE task SET status = 'done', done_at = ? WHERE id = ?").run(at, id);
      completed.push(id);
    } else if (c.done > 0 && s === 'todo') {
      db.prepare("UPDATE task SET status = 'doing' WHERE id = ?").run(id);
    }
  }
  return completed;
}

/** Moves a task to a status; done stamps done_at, reopening clears it. Cancelling needs the right to edit. */
export function setTaskStatus(store: Store, session: Session, input: TaskSetStatusInput, at: Moment): void {
  store.transaction(() => {
    if (input.status === 'cancelled') editableTask(store, session, input.id);
    else visibleTask(store, session, input.id);
    store.db.prepare('UPDATE task SET status = ?, done_at = ? WHERE id = ?').run(input.status, input.status === 'done' ? at.now : null, input.id);
    if (input.outcome !== undefined) store.db.prepare('UPDATE task SET outcome = ? WHERE id = ?').run(input.outcome, input.id);
  });
}

/** Ticks off (or reopens) one client of an open task. */
export function tickTaskClient(store: Store, session: Session, input: TaskTickInput, at: Moment): void {
  store.transaction(() => {
    const { task } = visibleTask(store, session, input.taskId);
    if (task.status !== 'todo' && task.status !== 'doing') {
      throw new AppError('CONFLICT', { zh: '任务已完成或已取消：请先重新打开任务', en: 'The task is done or cancelled: reopen it first' });
    }
    const db = store.db;
    const exists = db.prepare('SELECT 1 FROM task_client WHERE task_id = ? AND client_id = ?').get(input.taskId, input.clientId);
    if (exists === undefined) throw new AppError('NOT_FOUND', { zh: '该客户不在此任务中', en: 'That client is not on this task' });
    if (input.done) db.prepare('UPDATE task_client SET done_at = coalesce(done_at, ?) WHERE task_id = ? AND client_id = ?').run(at.now, input.taskId, input.clientId);
    else db.prepare('UPDATE task_client SET done_at = NULL, contact_id = NULL WHERE task_id = ? AND client_id = ?').run(input.taskId, input.clientId);
    if (input.note !== undefined) db.prepare('UPDATE task_client SET note = ? WHERE task_id = ? AND client_id = ?').run(input.note, input.taskId, input.clientId);
    settle(store, [input.taskId], at.now);
  });
}

export interface ContactTick {
  clientId: number;
  managerId: number;
  contactId: number;
  /** When the contact took place: a UTC ISO instant, or a local date-time / date as the work log stores it. */
  at: string;
}

/** A work-log time as a UTC instant; one without a zone is local time, as the work log and imports write it. */
function instantOf(at: string): Date {
  const local = /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00` : at.replace(' ', 'T');
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) throw new AppError('INVALID_INPUT', { zh: `联系时间无效：${at}`, en: `Not a contact time: ${at}` });
  return d;
}

/**
 * Called by the work log when a manager records a contact (联系记录): the open items for that client on that
 * manager's open tasks are ticked off by it (done at the contact's time, pointing at the contact), and a task whose
 * last item this was is completed. Only tasks that existed by the end of the contact's day count, so a back-dated
 * contact does not answer a list drawn up after it. Runs in the caller's transaction; returns what it changed.
 */
export function completeTaskItemsForContact(store: Store, tick: ContactTick): { items: number; taskIds: number[]; completed: number[] } {
  const when = instantOf(tick.at);
  const endOfDay = new Date(when.getFullYear(), when.getMonth(), when.getDate() + 1).toISOString();
  const rows = store.db
    .prepare(
      `UPDATE task_client SET done_at = @doneAt, contact_id = @contactId
       WHERE client_id = @clientId AND done_at IS NULL
         AND task_id IN (SELECT t.id FROM task t JOIN task_assignee a ON a.task_id = t.id
                         WHERE a.manager_id = @managerId AND t.status IN ('todo', 'doing') AND t.created_at < @endOfDay)
       RETURNING task_id`,
    )
    .pluck()
    .all({ doneAt: when.toISOString(), contactId: tick.contactId, clientId: tick.clientId, managerId: tick.managerId, endOfDay }) as number[];
  const completed = settle(store, rows, when.toISOString());
  return { items: rows.length, taskIds: [...new Set(rows)], completed };
}
