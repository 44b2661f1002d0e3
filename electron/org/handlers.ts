import type { DomainHandlers, HandlerContext } from '../api/types.js';
import type { OrgUnit } from '../../shared/model/org.js';
import { localIsoDate } from '../platform/clock.js';
import { assertUnitInScope, unitsInScope } from '../security/scope.js';
import { readCapacityDefaults, writeCapacityDefaults } from './capacity.js';
import { changePeriod, saveUnit } from './edit.js';
import { outletCard } from './outlet-card.js';
import { listManagersAsOf, listOrgUnits } from './queries.js';

/** A supervisor sees the units they run with everything below, and the units above them for context. */
function treeInScope(ctx: HandlerContext): OrgUnit[] {
  const all = listOrgUnits(ctx.store);
  const units = unitsInScope(ctx.store, ctx.session);
  if (units === null) return all;
  const shown = new Set(units);
  const byId = new Map(all.map((u) => [u.id, u]));
  for (const id of units) for (let p = byId.get(id)?.parentId ?? null; p !== null && !shown.has(p); p = byId.get(p)?.parentId ?? null) shown.add(p);
  return all.filter((u) => shown.has(u.id));
}

export const orgHandlers: DomainHandlers<'org'> = {
  'org.tree': (_input, ctx) => treeInScope(ctx),
  'org.saveUnit': (input, ctx) => {
    const before = input.id === undefined ? null : (listOrgUnits(ctx.store).find((u) => u.id === input.id) ?? null);
    const after = saveUnit(ctx.store, input);
    ctx.auditNote({ entity: 'org_unit', entityId: after.id, before, after });
    return after;
  },
  'org.outletCard': (input, ctx) => {
    assertUnitInScope(ctx.store, ctx.session, input.orgUnitId);
    return outletCard(ctx.store, input.orgUnitId, input.asOf ?? localIsoDate(ctx.clock.now()));
  },
};

export const managersHandlers: DomainHandlers<'managers'> = {
  'managers.list': (input, ctx) => {
    const roster = listManagersAsOf(ctx.store, input.asOf ?? localIsoDate(ctx.clock.now()));
    const units = unitsInScope(ctx.store, ctx.session);
    return units === null ? roster : roster.filter((m) => units.has(m.orgUnitId));
  },
  'managers.changePeriod': (input, ctx) => {
    const units = unitsInScope(ctx.store, ctx.session);
    if (units !== null) {
      const current = listManagersAsOf(ctx.store, input.from).find((m) => m.id === input.managerId);
      if (current === undefined || !units.has(current.orgUnitId)) assertUnitInScope(ctx.store, ctx.session, -1);
      if (input.orgUnitId !== undefined) assertUnitInScope(ctx.store, ctx.session, input.orgUnitId);
    }
    const before = listManagersAsOf(ctx.store, input.from).find((m) => m.id === input.managerId) ?? null;
    const result = changePeriod(ctx.store, input);
    const after = listManagersAsOf(ctx.store, input.from).find((m) => m.id === input.managerId) ?? null;
    ctx.auditNote({ entity: 'manager', entityId: input.managerId, before, after });
    return result;
  },
  'managers.capacity': (_input, ctx) => readCapacityDefaults(ctx.store),
  'managers.setCapacity': (input, ctx) => writeCapacityDefaults(ctx.store, input.defaults),
};
