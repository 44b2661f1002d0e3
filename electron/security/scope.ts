import type { ClientFilters } from '../../shared/model/client-filters.js';
import type { Session } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { unitsBelow } from '../org/queries.js';

/**
 * What part of the bank's data a session reaches (the `scope` of the operations):
 * administrators everything; supervisors the org units they run and everything below them; client managers only
 * the clients they look after. Handlers apply it; the dispatcher has already checked the role.
 */
export function unitsInScope(store: Store, session: Session): Set<number> | null {
  if (session.role === 'admin' || session.orgUnitIds === null) return null;
  return unitsBelow(store, session.orgUnitIds);
}

const outOfScope = (): never => {
  throw new AppError('FORBIDDEN', { zh: '该机构不在您的管辖范围内', en: 'This org unit is outside your responsibility' });
};

export function assertUnitInScope(store: Store, session: Session, unitId: number): void {
  const units = unitsInScope(store, session);
  if (units !== null && !units.has(unitId)) outOfScope();
}

/** The client-list filters narrowed to the caller's scope. */
export function scopedClientFilters(store: Store, session: Session, filters: ClientFilters): ClientFilters & { withinUnits?: number[] } {
  if (session.role === 'manager') {
    // Only their own clients: "unassigned" has none, another manager's none either.
    return { ...filters, unassigned: undefined, managerId: session.managerId ?? -1 };
  }
  const units = unitsInScope(store, session);
  if (units === null) return filters;
  if (filters.orgUnitId !== undefined && !units.has(filters.orgUnitId)) outOfScope();
  return { ...filters, withinUnits: [...units] };
}
