import { z } from 'zod';
import { capacityDefaultsSchema } from '../../model/capacity.js';
import type { CapacityDefaults } from '../../model/capacity.js';
import type { Manager } from '../../model/manager.js';
import { MANAGER_GRADES, MANAGER_STATUSES, MANAGER_TYPES } from '../../model/manager.js';
import type { OrgUnit } from '../../model/org.js';
import { ORG_LEVELS } from '../../model/org.js';
import type { OutletCard } from '../../org/outlet-card.js';
import { ADMIN_ONLY, ALL_ROLES, STAFF_ROLES, op } from '../contract.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const orgOps = {
  'org.tree': op<OrgUnit[]>()({
    summary: 'All org units, parents before children',
    input: z.object({}).strict(),
    // Unit names label every client row, a client manager's included.
    roles: ALL_ROLES,
    scope: 'org',
  }),
  'org.outletCard': op<OutletCard>()({
    summary: "An org unit's resource card (网点资源卡): deposits, clients by tier, managers, targets against actuals, month history",
    input: z.object({ orgUnitId: z.number().int().positive(), asOf: isoDate.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'org.saveUnit': op<OrgUnit>()({
    summary: 'Create an org unit, or edit one (with id), by hand',
    input: z
      .object({
        id: z.number().int().positive().optional(),
        code: z.string().trim().min(1).max(32),
        name: z.string().trim().min(1).max(64),
        level: z.enum(ORG_LEVELS),
        parentId: z.number().int().positive().nullable(),
        headName: z.string().trim().max(32).nullable().optional(),
        address: z.string().trim().max(128).nullable().optional(),
        phone: z.string().trim().max(32).nullable().optional(),
      })
      .strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
  'managers.changePeriod': op<{ periodId: number }>()({
    summary: "An effective-dated change to a manager's outlet, grade, type, status or caps (the earlier period is kept)",
    input: z
      .object({
        managerId: z.number().int().positive(),
        from: isoDate,
        orgUnitId: z.number().int().positive().optional(),
        grade: z.enum(MANAGER_GRADES).optional(),
        type: z.enum(MANAGER_TYPES).optional(),
        status: z.enum(MANAGER_STATUSES).optional(),
        maxClients: z.number().int().min(0).max(100_000).nullable().optional(),
        maxVipClients: z.number().int().min(0).max(100_000).nullable().optional(),
      })
      .strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'managers.capacity': op<CapacityDefaults>()({
    summary: 'Default 管户上限 by grade and type',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
  }),
  'managers.setCapacity': op<CapacityDefaults>()({
    summary: 'Set the default 管户上限 by grade and type',
    input: z.object({ defaults: capacityDefaultsSchema }).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
  'managers.list': op<Manager[]>()({
    summary: 'The manager roster as of a date (default today)',
    input: z.object({ asOf: isoDate.optional() }).strict(),
    roles: ALL_ROLES,
    scope: 'org',
  }),
};
