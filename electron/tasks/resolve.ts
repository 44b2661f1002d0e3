import type { Session } from '../api/types.js';
import { listManagersAsOf } from '../org/queries.js';
import { AppError } from '../platform/app-error.js';
import { assertUnitInScope, unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';
import { unitAndDescendants } from '../org/queries.js';

/**
 * Turning what a person typed into rows: managers and outlets into assignees, client numbers into clients, each
 * checked against the caller's reach (a supervisor's units, a client manager's own clients).
 */
export interface AssigneeRequest {
  managerIds: readonly number[];
  orgUnitId: number | undefined;
  wholeOutlet: boolean;
}

export interface ResolvedAssignees {
  managerIds: number[];
  /** The unit the task belongs to (its supervisors see it): the outlet asked for, else the first assignee's. */
  orgUnitId: number;
}

/**
 * Assignees in force on `day`. "A whole outlet" expands, once, to the managers in post (在岗) there and below that
 * day: a later roster change does not add or remove anyone, so who was asked stays what the task shows.
 */
export function resolveAssignees(store: Store, session: Session, req: AssigneeRequest, day: string): ResolvedAssignees {
  const roster = listManagersAsOf(store, day);
  const outletOf = new Map(roster.map((m) => [m.id, m.orgUnitId]));
  if (session.role === 'manager') {
    const self = session.managerId;
    if (self === null || req.wholeOutlet || req.orgUnitId !== undefined || req.managerIds.some((id) => id !== self)) {
      throw new AppError('FORBIDDEN', { zh: '客户经理只能给自己创建任务', en: 'A client manager may create tasks only for themselves' });
    }
    const own = outletOf.get(self) ?? lastOutlet(store, self);
    if (own === null) throw new AppError('CONFLICT', { zh: '您不在花名册中，无法创建任务', en: 'You are not on the roster, so no task can be created' });
    return { managerIds: [self], orgUnitId: own };
  }
  const units = unitsInScope(store, session);
  const ids = new Set<number>();
  for (const id of req.managerIds) {
    const unit = outletOf.get(id) ?? lastOutlet(store, id);
    if (unit === null) throw new AppError('NOT_FOUND', { zh: `客户经理 ${id} 不存在`, en: `Manager ${id} does not exist` });
    if (units !== null && !units.has(unit)) throw new AppError('FORBIDDEN', { zh: '只能把任务派给您管辖机构的客户经理', en: 'You can assign tasks only to managers of the units you run' });
    ids.add(id);
  }
  if (req.orgUnitId !== undefined) assertUnitInScope(store, session, req.orgUnitId);
  if (req.wholeOutlet) {
    if (req.orgUnitId === undefined) throw new AppError('INVALID_INPUT', { zh: '派给整个网点时须选择网点', en: 'Choose the outlet to assign a task to all of it' });
    const below = new Set(unitAndDescendants(store, req.orgUnitId));
    const inPost = roster.filter((m) => below.has(m.orgUnitId) && m.status === 'active');
    if (inPost.length === 0) throw new AppError('CONFLICT', { zh: '该网点当天没有在岗的客户经理', en: 'No manager is in post at that outlet on that day' });
    for (const m of inPost) ids.add(m.id);
  }
  const managerIds = [...ids].sort((a, b) => a - b);
  const first = managerIds[0];
  const orgUnitId = req.orgUnitId ?? (first === undefined ? undefined : (outletOf.get(first) ?? lastOutlet(store, first) ?? undefined));
  if (orgUnitId === undefined) {
    throw new AppError('INVALID_INPUT', { zh: '请选择客户经理或网点', en: 'Choose at least one manager or an outlet' });
  }
  return { managerIds, orgUnitId };
}

/** A manager with no period in force that day (left, or not yet started) still belongs to their last outlet. */
function lastOutlet(store: Store, managerId: number): number | null {
  const unit = store.db.prepare('SELECT org_unit_id FROM manager_period WHERE manager_id = ? ORDER BY valid_from DESC LIMIT 1').pluck().get(managerId) as number | undefined;
  return unit ?? null;
}

/**
 * Client numbers to ids, all or nothing: unknown numbers are listed in the refusal. A supervisor links clients of
 * their units; a client manager only clients they are the primary manager of on `day`.
 */
export function resolveClients(store: Store, session: Session, clientNos: readonly string[], day: string): number[] {
  if (clientNos.length === 0) return [];
  const unique = [...new Set(clientNos)];
  const rows = store.db
    .prepare(
      `SELECT c.id, c.client_no, c.org_unit_id,
              (SELECT min(a.manager_id) FROM assignment a WHERE a.client_id = c.id AND a.role = 'primary' AND a.valid_from <= @day
                 AND (a.valid_to IS NULL OR a.valid_to > @day)) AS manager_id
       FROM client c WHERE c.client_no IN (SELECT value FROM json_each(@nos))`,
    )
    .all({ nos: JSON.stringify(unique), day }) as Array<{ id: number; client_no: string; org_unit_id: number | null; manager_id: number | null }>;
  const found = new Set(rows.map((r) => r.client_no));
  const missing = unique.filter((n) => !found.has(n));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', { zh: `客户号不存在：${missing.join('、')}`, en: `No client with number ${missing.join(', ')}` }, { problems: missing.map((n) => ({ path: 'clientNos', value: n, message: 'unknown client' })) });
  }
  const units = session.role === 'manager' ? null : unitsInScope(store, session);
  const outside = rows.filter((r) => (session.role === 'manager' ? r.manager_id !== session.managerId : units !== null && (r.org_unit_id === null || !units.has(r.org_unit_id))));
  if (outside.length > 0) {
    throw new AppError('FORBIDDEN', {
      zh: `这些客户不在您的范围内：${outside.map((r) => r.client_no).join('、')}`,
      en: `These clients are outside your reach: ${outside.map((r) => r.client_no).join(', ')}`,
    });
  }
  const byNo = new Map(rows.map((r) => [r.client_no, r.id]));
  return unique.map((n) => byNo.get(n) ?? 0);
}
