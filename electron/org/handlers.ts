import type { DomainHandlers } from '../api/types.js';
import { localIsoDate } from '../platform/clock.js';
import { outletCard } from './outlet-card.js';
import { listManagersAsOf, listOrgUnits } from './queries.js';

export const orgHandlers: DomainHandlers<'org'> = {
  'org.tree': (_input, ctx) => listOrgUnits(ctx.store),
  'org.outletCard': (input, ctx) => outletCard(ctx.store, input.orgUnitId, input.asOf ?? localIsoDate(ctx.clock.now())),
};

export const managersHandlers: DomainHandlers<'managers'> = {
  'managers.list': (input, ctx) => listManagersAsOf(ctx.store, input.asOf ?? localIsoDate(ctx.clock.now())),
};
