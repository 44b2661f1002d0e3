import type { HandoverClient, HandoverPerson, HandoverPlan, HandoverRequest, HandoverTask } from '../../shared/assignment/handover.js';
import { parseAssignmentRules } from '../../shared/assignment/rules.js';
import type { ClientTier } from '../../shared/model/client.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { applyMoves, lazyChange } from './assign.js';
import { loadBook } from './load-book.js';
import { moveHandoverTasks } from './handover-tasks.js';
import { planAssignment } from './rules-engine.js';

/**
 * Handover (移交): every client the leaving manager holds on the effective date goes to one of the receiving
 * colleagues, spread by the rule engine (the leaving manager is never acceptable, the receivers are the only
 * eligible managers, one pool across outlets); every open task follows its clients.
 */
export function planHandover(store: Store, req: HandoverRequest, scopeUnits: readonly number[] | null): HandoverPlan {
  if (req.receiverIds.includes(req.managerId)) invalid('接收人不能是移交人本人', 'The leaving manager cannot receive their own clients');
  if (new Set(req.receiverIds).size !== req.receiverIds.length) invalid('接收人重复', 'A receiver is listed twice');
  const leaving = person(store, req.managerId, req.from);
  const receivers = req.receiverIds.map((id) => person(store, id, req.from));
  const rules = parseAssignmentRules({
    asOf: req.from,
    scope: scopeUnits === null ? {} : { orgUnitIds: [...scopeUnits] },
    select: { managerIds: [req.managerId] },
    eligible: {
      statuses: req.includeOnLeave ? ['active', 'leave'] : ['active'],
      sameOutletOnly: false,
      vipFullTimeOnly: req.vipFullTimeOnly,
      managerIds: req.receiverIds,
    },
    objective: { tolerancePct: req.tolerancePct, keepExisting: false },
  });
  const preview = planAssignment(loadBook(store, req.from), rules);
  const to = new Map(preview.moves.map((m) => [m.clientId, m.toManagerId]));
  const clients = heldClients(store, req.managerId, req.from).map((c) => ({ ...c, toManagerId: to.get(c.clientId) ?? null }));
  const tasks = openTasks(store, req.managerId, req.receiverIds, to);
  const byManager = new Map(preview.managers.map((m) => [m.managerId, m]));
  return {
    from: req.from,
    leaving,
    receivers: receivers.map((r) => {
      const m = byManager.get(r.managerId);
      if (m === undefined || !m.eligible) {
        invalid(`${r.name}（${r.code}）在 ${req.from} 不能接收客户（不在册、不在您的机构或状态不符）`, `${r.name} (${r.code}) cannot receive clients on ${req.from} (not on the roster, outside your units, or status)`);
      }
      return {
        ...r,
        clientsBefore: m.clientsBefore,
        clientsAfter: m.clientsAfter,
        aumFenBefore: m.aumFenBefore,
        aumFenAfter: m.aumFenAfter,
        vipBefore: m.vipBefore,
        vipAfter: m.vipAfter,
        clientsReceived: clients.filter((c) => c.toManagerId === r.managerId).length,
        tasksReceived: tasks.filter((t) => t.toManagerId === r.managerId).length,
      };
    }),
    clients,
    tasks,
    totals: {
      clients: clients.length,
      aumFen: clients.reduce((sum, c) => sum + c.aumFen, 0),
      vip: clients.filter((c) => c.tier !== 'standard').length,
      tasks: tasks.length,
      unplaced: clients.filter((c) => c.toManagerId === null).length,
    },
    warnings: preview.warnings,
    feasible: preview.feasible,
    reason: preview.reason,
  };
}

export interface HandoverResult {
  changeId: number | null;
  changed: number;
  tasksMoved: number;
  plan: HandoverPlan;
}

/** Plans again on the current data and applies it as one assignment change (kind 'handover') that undo reverses. */
export function applyHandover(store: Store, req: HandoverRequest, scopeUnits: readonly number[] | null, user: string, now: string): HandoverResult {
  return store.transaction(() => {
    const plan = planHandover(store, req, scopeUnits);
    const moves = plan.clients.flatMap((c) => (c.toManagerId === null ? [] : [{ clientId: c.clientId, managerId: c.toManagerId }]));
    const moved = applyMoves(store, { moves, from: req.from, kind: 'handover', reason: req.reason, user, now });
    if (moved.changeId === null && plan.tasks.length === 0) return { changeId: null, changed: 0, tasksMoved: 0, plan };
    const changeId = moved.changeId ?? lazyChange(store, { kind: 'handover', reason: req.reason, user, now }).id();
    store.db.prepare('INSERT INTO handover (change_id, manager_id, valid_from, plan) VALUES (?, ?, ?, ?)').run(changeId, req.managerId, req.from, JSON.stringify(plan));
    const tasksMoved = moveHandoverTasks(store, changeId, req.managerId, plan.tasks);
    return { changeId, changed: moved.changed, tasksMoved, plan };
  });
}

/** The plan as it was applied (the 移交清单 is reprinted from it, whatever happened since). */
export function appliedHandover(store: Store, changeId: number): HandoverPlan {
  const plan = store.db.prepare('SELECT plan FROM handover WHERE change_id = ?').pluck().get(changeId) as string | undefined;
  if (plan === undefined) throw new AppError('NOT_FOUND', { zh: `找不到移交记录 #${changeId}`, en: `Handover #${changeId} not found` });
  return JSON.parse(plan) as HandoverPlan;
}

function invalid(zh: string, en: string): never {
  throw new AppError('INVALID_INPUT', { zh, en });
}

/** A manager as of the day (their latest roster period that began on or before it). */
function person(store: Store, managerId: number, day: string): HandoverPerson {
  const row = store.db
    .prepare(
      `SELECT m.id, m.staff_no, m.name, o.name AS unit FROM manager m
       LEFT JOIN manager_period p ON p.id = (SELECT id FROM manager_period WHERE manager_id = m.id AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1)
       LEFT JOIN org_unit o ON o.id = p.org_unit_id WHERE m.id = ?`,
    )
    .get(day, managerId) as { id: number; staff_no: string; name: string; unit: string | null } | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `找不到客户经理 #${managerId}`, en: `Manager #${managerId} not found` });
  return { managerId: row.id, code: row.staff_no, name: row.name, orgUnitName: row.unit };
}

function heldClients(store: Store, managerId: number, day: string): Array<Omit<HandoverClient, 'toManagerId'>> {
  return (
    store.db
      .prepare(
        `SELECT c.id, c.client_no, c.name, coalesce(s.tier, 'standard') AS tier, coalesce(s.aum_fen, 0) AS aum,
           (SELECT max(contact_at) FROM contact k WHERE k.client_id = c.id) AS last_contact
         FROM assignment a JOIN client c ON c.id = a.client_id LEFT JOIN client_score s ON s.client_id = c.id
         WHERE a.manager_id = ? AND a.role = 'primary' AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)
         ORDER BY aum DESC, c.client_no`,
      )
      .all(managerId, day, day) as Array<{ id: number; client_no: string; name: string; tier: ClientTier; aum: number; last_contact: string | null }>
  ).map((r) => ({ clientId: r.id, clientNo: r.client_no, name: r.name, tier: r.tier, aumFen: r.aum, lastContactAt: r.last_contact }));
}

/**
 * The leaving manager's open tasks, each to the receiver who takes most of its open clients (ties and tasks with
 * no open clients: the first receiver), so a follow-up list lands with whoever now looks after those clients.
 */
function openTasks(store: Store, managerId: number, receiverIds: readonly number[], to: ReadonlyMap<number, number>): HandoverTask[] {
  const rows = store.db
    .prepare(
      `SELECT t.id, t.title, t.due_at, t.status, t.priority FROM task t JOIN task_assignee ta ON ta.task_id = t.id
       WHERE ta.manager_id = ? AND t.status IN ('todo', 'doing') ORDER BY t.due_at IS NULL, t.due_at, t.id`,
    )
    .all(managerId) as Array<{ id: number; title: string; due_at: string | null; status: 'todo' | 'doing'; priority: HandoverTask['priority'] }>;
  const clientsOf = store.db.prepare('SELECT client_id FROM task_client WHERE task_id = ? AND done_at IS NULL').pluck();
  return rows.map((t) => {
    const open = clientsOf.all(t.id) as number[];
    const counts = new Map<number, number>();
    for (const c of open) {
      const r = to.get(c);
      if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    let best = receiverIds[0] as number;
    for (const r of receiverIds) if ((counts.get(r) ?? 0) > (counts.get(best) ?? 0)) best = r;
    return { taskId: t.id, title: t.title, dueAt: t.due_at, status: t.status, priority: t.priority, openClients: open.length, toManagerId: best };
  });
}
