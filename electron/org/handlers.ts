import type { DomainHandlers } from '../api/types.js';
import { localIsoDate } from '../platform/clock.js';
import { listManagersAsOf, listOrgUnits } from './queries.js';

export const orgHandlers: DomainHandlers<'org'> = {
  'org.tree': (_input, ctx) => listOrgUnits(ctx.store),
};

export const managersHandlers: DomainHandlers<'managers'> = {
  'managers.list': (input, ctx) => listManagersAsOf(ctx.store, input.asOf ?? localIsoDate(ctx.clock.now())),
};
