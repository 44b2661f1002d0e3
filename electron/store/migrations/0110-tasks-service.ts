import type { Migration } from './types.js';

/**
 * Service standards on task items (issue 7): a generated list's clients each carry their own deadline — a maturity
 * list is due client by client on each maturity date, not only at the end of the window — so an item can be overdue
 * while its task is not; and a manager's note on what became of that client. Both nullable: a NULL due_at means the
 * task's own.
 */
export const m0110TasksService: Migration = {
  id: 110,
  name: 'tasks-service',
  up(db) {
    db.exec(`
ALTER TABLE task_client ADD COLUMN due_at TEXT;
ALTER TABLE task_client ADD COLUMN note TEXT;
`);
  },
};
