import type { Session } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';
import { unitAndDescendants } from '../org/queries.js';

/**
 * Whose work a caller reaches in the work log: a client manager their own; a supervisor their team — the managers
 * whose roster period on the day in question lies in the units they run (subtrees included); an administrator
 * (or a supervisor without a unit) everybody. "On the day" keeps a transferred manager's old entries with the
 * team they were written in.
 */
export type Reach = { kind: 'all' } | { kind: 'manager'; managerId: number } | { kind: 'units'; units: ReadonlySet<number> };

export function reachOf(store: Store, session: Session): Reach {
  if (session.role === 'manager') return { kind: 'manager', managerId: session.managerId ?? -1 };
  const units = unitsInScope(store, session);
  return units === null ? { kind: 'all' } : { kind: 'units', units };
}

export const forbidden = (zh: string, en: string): AppError => new AppError('FORBIDDEN', { zh, en });

/** The unit a manager worked in on a day (the latest period, should two overlap); null without one. */
export function managerUnitOn(store: Store, managerId: number, day: string): number | null {
  const row = store.db
    .prepare('SELECT org_unit_id FROM manager_period WHERE manager_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from DESC, id DESC LIMIT 1')
    .pluck()
    .get(managerId, day, day) as number | undefined;
  return row ?? null;
}

/** Refuses unless the caller reaches this manager's work on that day. */
export function assertManagerInReach(store: Store, reach: Reach, managerId: number, day: string): void {
  if (reach.kind === 'all') return;
  if (reach.kind === 'manager') {
    if (managerId !== reach.managerId) throw forbidden('客户经理只能记录和查看自己的联系记录', 'A client manager logs and sees only their own contacts');
    return;
  }
  const unit = managerUnitOn(store, managerId, day);
  if (unit === null || !reach.units.has(unit)) throw forbidden('该客户经理当日不在您管辖的机构', 'That manager did not work in your units on that day');
}

/** The managers working in any of these units (subtree ids already expanded) on the day. */
export function managersInUnitsOn(store: Store, units: ReadonlySet<number>, day: string): number[] {
  return store.db
    .prepare(
      `SELECT DISTINCT manager_id FROM manager_period
       WHERE org_unit_id IN (SELECT value FROM json_each(?)) AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`,
    )
    .pluck()
    .all(JSON.stringify([...units]), day, day) as number[];
}

/** Units asked for, each with its subtree; each must be within the caller's reach. */
export function expandUnits(store: Store, reach: Reach, asked: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (const root of asked) {
    if (reach.kind === 'manager') throw forbidden('客户经理只能查看自己的客户', 'A client manager sees only their own clients');
    if (reach.kind === 'units' && !reach.units.has(root)) throw forbidden('该机构不在您的管辖范围内', 'This org unit is outside your responsibility');
    for (const id of unitAndDescendants(store, root)) out.add(id);
  }
  return out;
}

/**
 * The managers a report on `day` covers: a client manager themself; otherwise the managers in the units asked for
 * (or in reach), or those asked for by id, each of whom must be in reach. Null means every manager.
 */
export function reportManagers(store: Store, reach: Reach, day: string, ask: { managerIds?: readonly number[] | undefined; orgUnitIds?: readonly number[] | undefined }): number[] | null {
  if (reach.kind === 'manager') {
    if (ask.orgUnitIds !== undefined) throw forbidden('客户经理只能查看自己的客户', 'A client manager sees only their own clients');
    for (const id of ask.managerIds ?? []) assertManagerInReach(store, reach, id, day);
    return [reach.managerId];
  }
  if (ask.managerIds !== undefined) {
    for (const id of ask.managerIds) assertManagerInReach(store, reach, id, day);
    return [...new Set(ask.managerIds)];
  }
  if (ask.orgUnitIds !== undefined) return managersInUnitsOn(store, expandUnits(store, reach, ask.orgUnitIds), day);
  return reach.kind === 'all' ? null : managersInUnitsOn(store, reach.units, day);
}
