import type { DomainHandlers } from '../api/types.js';
import { localIsoDate } from '../platform/clock.js';
import { readCapacityDefaults, writeCapacityDefaults } from './capacity.js';
import { changePeriod, saveUnit } from './edit.js';
import { outletCard } from './outlet-card.js';
import { listManagersAsOf, listOrgUnits } from './queries.js';

export const orgHandlers: DomainHandlers<'org'> = {
  'org.tree': (_input, ctx) => listOrgUnits(ctx.store),
  'org.saveUnit': (input, ctx) => saveUnit(ctx.store, input),
  'org.outletCard': (input, ctx) => outletCard(ctx.store, input.orgUnitId, input.asOf ?? localIsoDate(ctx.clock.now())),
};

export const managersHandlers: DomainHandlers<'managers'> = {
  'managers.list': (input, ctx) => listManagersAsOf(ctx.store, input.asOf ?? localIsoDate(ctx.clock.now())),
  'managers.changePeriod': (input, ctx) => changePeriod(ctx.store, input),
  'managers.capacity': (_input, ctx) => readCapacityDefaults(ctx.store),
  'managers.setCapacity': (input, ctx) => writeCapacityDefaults(ctx.store, input.defaults),
};
