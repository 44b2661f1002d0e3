import type { ClientTier } from '../../shared/model/client.js';
import type { TaskClientItem, TaskDetail, TaskGenerator, TaskItemDetail } from '../../shared/tasks/model.js';
import type { Session } from '../api/types.js';
import type { Store } from '../store/store.js';
import { canEdit, visibleTask } from './access.js';
import type { Moment } from './moment.js';
import { ITEM_OVERDUE_SQL, ROW_COLUMNS, ROW_FROM, assigneesOf, toTaskRow } from './row-sql.js';
import type { RawTaskRow } from './row-sql.js';

interface RawItem {
  client_id: number;
  client_no: string;
  name: string;
  tier: ClientTier | null;
  detail: string | null;
  due_at: string | null;
  overdue: number;
  done_at: string | null;
  contact_id: number | null;
  note: string | null;
}

/** One task with its linked clients, if the caller may see it (else FORBIDDEN; NOT_FOUND when there is none). */
export function readTask(store: Store, session: Session, id: number, at: Moment, itemLimit = 2_000): TaskDetail {
  const db = store.db;
  const { task, scope } = visibleTask(store, session, id);
  const bind = { id, now: at.now, today: at.today };
  const raw = db.prepare(`SELECT ${ROW_COLUMNS}, t.description, t.outcome, t.generation_id FROM ${ROW_FROM} WHERE t.id = @id`).get(bind) as RawTaskRow & {
    description: string | null;
    outcome: string | null;
    generation_id: number | null;
  };
  // Open items first, the soonest due first, so a manager works down the list.
  const items = db
    .prepare(
      `SELECT x.client_id, c.client_no, c.name, s.tier, x.detail, x.due_at, x.done_at, x.contact_id, x.note,
              t.status IN ('todo', 'doing') AND ${ITEM_OVERDUE_SQL} AS overdue
       FROM task_client x JOIN task t ON t.id = x.task_id JOIN client c ON c.id = x.client_id LEFT JOIN client_score s ON s.client_id = x.client_id
       WHERE x.task_id = @id
       ORDER BY x.done_at IS NOT NULL, x.due_at IS NULL, x.due_at, c.client_no LIMIT @limit`,
    )
    .all({ ...bind, limit: itemLimit }) as RawItem[];
  const generation =
    raw.generation_id === null
      ? null
      : (db.prepare('SELECT id, generator, as_of, params FROM task_generation WHERE id = ?').get(raw.generation_id) as { id: number; generator: TaskGenerator; as_of: string; params: string });
  return {
    ...toTaskRow(raw, assigneesOf(store, [id]).get(id) ?? []),
    description: raw.description,
    outcome: raw.outcome,
    items: items.map(
      (r): TaskClientItem => ({
        clientId: r.client_id,
        clientNo: r.client_no,
        name: r.name,
        tier: r.tier,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as TaskItemDetail),
        dueAt: r.due_at,
        overdue: r.overdue === 1,
        doneAt: r.done_at,
        contactId: r.contact_id,
        note: r.note,
      }),
    ),
    itemsOmitted: Math.max(0, raw.clients - items.length),
    generation: generation === null ? null : { id: generation.id, generator: generation.generator, asOf: generation.as_of, params: JSON.parse(generation.params) as Record<string, unknown> },
    canEdit: canEdit(session, scope, task),
  };
}
