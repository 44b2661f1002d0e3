import { z } from 'zod';
import type { Manager } from '../../model/manager.js';
import type { OrgUnit } from '../../model/org.js';
import type { OutletCard } from '../../org/outlet-card.js';
import { STAFF_ROLES, op } from '../contract.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const orgOps = {
  'org.tree': op<OrgUnit[]>()({
    summary: 'All org units, parents before children',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'org.outletCard': op<OutletCard>()({
    summary: "An org unit's resource card (网点资源卡): deposits, clients by tier, managers, targets against actuals, month history",
    input: z.object({ orgUnitId: z.number().int().positive(), asOf: isoDate.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'managers.list': op<Manager[]>()({
    summary: 'The manager roster as of a date (default today)',
    input: z.object({ asOf: isoDate.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
};
