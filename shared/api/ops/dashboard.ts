import { z } from 'zod';
import type { DashboardOverview } from '../../dashboard/types.js';
import { ALL_ROLES, op } from '../contract.js';

const period = z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected 2026, 2026Q3 or 2026-10');

/** 工作台: the supervisor's first screen, in one call. */
export const dashboardOps = {
  'dashboard.overview': op<DashboardOverview>()({
    summary:
      "Everything the dashboard shows for the caller's scope: target completion per indicator against time elapsed, manager and outlet rankings, 中高端 coverage, unassigned VIP clients, overdue tasks and contacts, the last import per kind and a staleness warning; a client manager gets their own figures only",
    input: z
      .object({
        /** A year, quarter or month; default: the year of the data's date. */
        period: period.optional(),
        /** Default: the caller's unit (every unit's root for an administrator); not for client managers. */
        orgUnitId: z.number().int().positive().optional(),
        /** The indicator outlets and managers are ranked by when the period has no evaluation run; default: the first with a target. */
        rankIndicatorId: z.number().int().positive().optional(),
      })
      .strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'dashboard.printed': op<{ recorded: true }>()({
    summary:
      'Records in the audit log that the dashboard was printed: the browser prints the page itself, so the print button reports it first (every print is audited)',
    input: z.object({ period, orgUnitId: z.number().int().positive().nullable() }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
    exports: true,
  }),
};
