import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { restoreHandoverTasks } from './handover-tasks.js';

export interface Span {
  id: number;
  client_id: number;
  manager_id: number;
  role: string;
  share_bp: number;
  valid_from: string;
  valid_to: string | null;
  change_id: number;
}

export interface AssignRequest {
  clientIds: readonly number[];
  /** The new primary manager; null unassigns. */
  managerId: number | null;
  /** The first day the change applies. */
  from: string;
  reason?: string | undefined;
  kind: 'manual' | 'bulk' | 'rules' | 'handover';
  user: string;
  now: string;
}

export interface MovesRequest extends Omit<AssignRequest, 'clientIds' | 'managerId'> {
  /** Each client to its new primary manager (null: nobody); a rules plan or a handover moves to many managers. */
  moves: ReadonlyArray<{ clientId: number; managerId: number | null }>;
}

export interface AssignResult {
  changeId: number | null;
  changed: number;
  unchanged: number;
}

const invalid = (zh: string, en: string): never => {
  throw new AppError('INVALID_INPUT', { zh, en });
};

/** Gives the clients one manager (or none) from a date: see applyMoves. */
export function assignClients(store: Store, req: AssignRequest): AssignResult {
  return applyMoves(store, { ...req, moves: req.clientIds.map((clientId) => ({ clientId, managerId: req.managerId })) });
}

/**
 * Moves clients' primary assignment from a date, as one recorded change (who, when, why) that can be undone as a
 * unit. The span in force on that date ends the day before; a span that began that very day is replaced. Later
 * spans (a move already planned) are left as they are. Past days keep their manager, so a period's results stay
 * credited to whoever held the client then. Departed or transferred managers never receive clients.
 */
export function applyMoves(store: Store, req: MovesRequest): AssignResult {
  if (req.moves.length === 0) return { changeId: null, changed: 0, unchanged: 0 };
  return store.transaction(() => {
    const db = store.db;
    assertCanReceive(store, req.moves.flatMap((m) => (m.managerId === null ? [] : [m.managerId])), req.from);
    const current = db.prepare(
      "SELECT * FROM assignment WHERE client_id = ? AND role = 'primary' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) LIMIT 1",
    );
    const secondaries = db.prepare("SELECT * FROM assignment WHERE client_id = ? AND role = 'secondary' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)");
    const nextStart = db.prepare("SELECT min(valid_from) FROM assignment WHERE client_id = ? AND role = 'primary' AND valid_from > ?").pluck();
    const exists = db.prepare('SELECT 1 FROM client WHERE id = ?');
    const insert = db.prepare("INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, 'primary', ?, ?, ?, ?)");
    const change = lazyChange(store, req);
    const endSpan = spanEnder(store);
    let changed = 0;
    let unchanged = 0;
    for (const { clientId, managerId } of req.moves) {
      if (exists.get(clientId) === undefined) invalid(`客户 #${clientId} 不存在`, `Client #${clientId} does not exist`);
      const span = current.get(clientId, req.from, req.from) as Span | undefined;
      if ((span?.manager_id ?? null) === managerId) {
        unchanged++;
        continue;
      }
      const id = change.id();
      let until: string | null = (nextStart.get(clientId, req.from) as string | null) ?? null;
      const team = secondaries.all(clientId, req.from, req.from) as Span[];
      // The new primary takes the primary's credit share, so a client's shares still sum to 100%; a secondary
      // promoted to primary brings its own share along. Unassigning ends the whole team.
      let share = span?.share_bp ?? 10000 - team.reduce((sum, t) => sum + t.share_bp, 0);
      if (span !== undefined) {
        until = span.valid_to;
        endSpan(id, span, req.from);
      }
      for (const t of team) {
        if (managerId !== null && t.manager_id !== managerId) continue;
        share += t.share_bp;
        endSpan(id, t, req.from);
      }
      if (managerId !== null) insert.run(clientId, managerId, share, req.from, until, id);
      changed++;
    }
    return { changeId: change.current(), changed, unchanged };
  });
}

/** The change row is written only when something actually changes. */
export function lazyChange(store: Store, req: { kind: string; reason?: string | undefined; user: string; now: string }): { id(): number; current(): number | null } {
  let changeId: number | null = null;
  const insert = store.db.prepare('INSERT INTO assignment_change (kind, reason, created_by, created_at) VALUES (?, ?, ?, ?)');
  return {
    id: () => (changeId ??= Number(insert.run(req.kind, req.reason ?? null, req.user, req.now).lastInsertRowid)),
    current: () => changeId,
  };
}

/**
 * Ends spans on a day for a change, remembering how to bring each back: a span that began that very day is
 * removed, any other is closed the day before. Statements are prepared once: a rules plan ends thousands of spans.
 */
export function spanEnder(store: Store): (changeId: number, span: Span, day: string) => void {
  const db = store.db;
  const undo = db.prepare('INSERT INTO assignment_undo (change_id, assignment_id, action, before) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM assignment WHERE id = ?');
  const close = db.prepare('UPDATE assignment SET valid_to = ? WHERE id = ?');
  return (changeId, span, day) => {
    if (span.valid_from === day) {
      undo.run(changeId, span.id, 'delete', JSON.stringify(span));
      remove.run(span.id);
    } else {
      undo.run(changeId, span.id, 'close', JSON.stringify({ valid_to: span.valid_to }));
      close.run(day, span.id);
    }
  };
}

/** Only managers on the roster on `day`, and not departed or transferred, may receive clients. */
export function assertCanReceive(store: Store, managerIds: Iterable<number>, day: string): void {
  const statusOn = store.db.prepare('SELECT status FROM manager_period WHERE manager_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)').pluck();
  for (const managerId of new Set(managerIds)) {
    const status = statusOn.get(managerId, day, day) as string | undefined;
    if (status === undefined) invalid(`客户经理 #${managerId} 在 ${day} 不在册`, `Manager #${managerId} is not on the roster on ${day}`);
    if (status === 'departed' || status === 'transferred') invalid('不能把客户分配给已调离或离职的客户经理', 'Clients cannot go to a manager who has left or moved');
  }
}

/**
 * Undoes one recorded change: the spans it created go, the spans it closed or replaced come back. Refused when a
 * later change built on it (undo that one first), and for import changes (roll the batch back instead).
 */
export function undoChange(store: Store, changeId: number, user: string, now: string): { undone: number } {
  return store.transaction(() => {
    const db = store.db;
    const c = db.prepare('SELECT id, kind, undone_by, batch_id FROM assignment_change WHERE id = ?').get(changeId) as
      | { id: number; kind: string; undone_by: number | null; batch_id: number | null }
      | undefined;
    if (c === undefined) throw new AppError('NOT_FOUND', { zh: `找不到管户变更 #${changeId}`, en: `Assignment change #${changeId} not found` });
    if (c.undone_by !== null) throw new AppError('CONFLICT', { zh: '该变更已撤销', en: 'This change was undone already' });
    if (c.batch_id !== null || c.kind === 'import' || c.kind === 'undo') {
      throw new AppError('CONFLICT', { zh: '导入产生的管户变更请在导入历史中回滚批次', en: 'Roll back the import batch to undo what an import assigned' });
    }
    const later = db
      .prepare(
        `SELECT count(*) FROM assignment_undo u JOIN assignment_change c ON c.id = u.change_id
         WHERE c.id > @id AND c.undone_by IS NULL
           AND ((u.action = 'delete' AND json_extract(u.before, '$.change_id') = @id)
             OR (u.action = 'close' AND u.assignment_id IN (SELECT id FROM assignment WHERE change_id = @id)))`,
      )
      .pluck()
      .get({ id: changeId }) as number;
    if (later > 0) throw new AppError('CONFLICT', { zh: '之后的管户变更基于这次变更，请先撤销之后的变更', en: 'A later change built on this one; undo that first' });
    if (c.kind === 'handover') restoreHandoverTasks(store, changeId);
    const removed = db.prepare('DELETE FROM assignment WHERE change_id = ?').run(changeId).changes;
    const undos = db.prepare('SELECT assignment_id, action, before FROM assignment_undo WHERE change_id = ? ORDER BY id DESC').all(changeId) as Array<{
      assignment_id: number;
      action: 'close' | 'delete';
      before: string;
    }>;
    for (const u of undos) {
      const before = JSON.parse(u.before) as Span;
      if (u.action === 'close') db.prepare('UPDATE assignment SET valid_to = ? WHERE id = ?').run(before.valid_to, u.assignment_id);
      else {
        db.prepare('INSERT INTO assignment (id, client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          before.id,
          before.client_id,
          before.manager_id,
          before.role,
          before.share_bp,
          before.valid_from,
          before.valid_to,
          before.change_id,
        );
      }
    }
    const undoId = Number(db.prepare("INSERT INTO assignment_change (kind, reason, created_by, created_at) VALUES ('undo', ?, ?, ?)").run(`撤销 #${changeId}`, user, now).lastInsertRowid);
    db.prepare('UPDATE assignment_change SET undone_by = ? WHERE id = ?').run(undoId, changeId);
    return { undone: removed + undos.length };
  });
}

/** Who looked after a client (primary) on a day: the question every period's credit depends on. */
export function managerOn(store: Store, clientId: number, day: string): number | null {
  return (
    (store.db
      .prepare("SELECT manager_id FROM assignment WHERE client_id = ? AND role = 'primary' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) LIMIT 1")
      .pluck()
      .get(clientId, day, day) as number | undefined) ?? null
  );
}

/**
 * Credit by days held (按管户天数归属): for each client and manager, the days of [from, to] (inclusive) the manager
 * held the client, weighted by the credit share (share_bp / 10000, in basis points to stay exact) — so a client
 * moved mid-month credits both managers for their part of the month.
 */
export function creditDays(store: Store, from: string, to: string, clientIds?: readonly number[]): Array<{ clientId: number; managerId: number; days: number; shareDaysBp: number }> {
  const end = nextDay(to);
  const rows = store.db
    .prepare(
      `SELECT client_id AS clientId, manager_id AS managerId,
         sum(julianday(min(coalesce(valid_to, @end), @end)) - julianday(max(valid_from, @from))) AS days,
         sum((julianday(min(coalesce(valid_to, @end), @end)) - julianday(max(valid_from, @from))) * share_bp) AS shareDaysBp
       FROM assignment
       WHERE valid_from < @end AND (valid_to IS NULL OR valid_to > @from)
         ${clientIds === undefined ? '' : 'AND client_id IN (SELECT value FROM json_each(@ids))'}
       GROUP BY client_id, manager_id ORDER BY client_id, manager_id`,
    )
    .all({ from, end, ids: JSON.stringify(clientIds ?? []) }) as Array<{ clientId: number; managerId: number; days: number; shareDaysBp: number }>;
  return rows.map((r) => ({ ...r, days: Math.round(r.days), shareDaysBp: Math.round(r.shareDaysBp) }));
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
