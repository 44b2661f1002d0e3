import type { HandoverTask } from '../../shared/assignment/handover.js';
import type { Store } from '../store/store.js';

/**
 * Moves the leaving manager's open tasks to their receivers, remembering each move (handover_task) so that undoing
 * the handover's assignment change puts the tasks back. A receiver who already had the task keeps it as it was.
 */
export function moveHandoverTasks(store: Store, changeId: number, fromManagerId: number, tasks: readonly HandoverTask[]): number {
  const db = store.db;
  const drop = db.prepare('DELETE FROM task_assignee WHERE task_id = ? AND manager_id = ?');
  const add = db.prepare('INSERT OR IGNORE INTO task_assignee (task_id, manager_id, handed_from) VALUES (?, ?, ?)');
  const record = db.prepare('INSERT INTO handover_task (change_id, task_id, from_manager_id, to_manager_id) VALUES (?, ?, ?, ?)');
  let moved = 0;
  for (const t of tasks) {
    drop.run(t.taskId, fromManagerId);
    add.run(t.taskId, t.toManagerId, fromManagerId);
    // Recorded even when the receiver had the task already: undo gives it back to the leaving manager, and removes
    // only an assignee row this handover added (handed_from).
    record.run(changeId, t.taskId, fromManagerId, t.toManagerId);
    moved++;
  }
  return moved;
}

/** Reverses moveHandoverTasks for one change (called by undo inside its transaction). */
export function restoreHandoverTasks(store: Store, changeId: number): void {
  const db = store.db;
  const rows = db.prepare('SELECT task_id, from_manager_id, to_manager_id FROM handover_task WHERE change_id = ?').all(changeId) as Array<{
    task_id: number;
    from_manager_id: number;
    to_manager_id: number;
  }>;
  const drop = db.prepare('DELETE FROM task_assignee WHERE task_id = ? AND manager_id = ? AND handed_from = ?');
  const add = db.prepare('INSERT OR IGNORE INTO task_assignee (task_id, manager_id) VALUES (?, ?)');
  for (const r of rows) {
    drop.run(r.task_id, r.to_manager_id, r.from_manager_id);
    add.run(r.task_id, r.from_manager_id);
  }
}
