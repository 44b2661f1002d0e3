import { z } from 'zod';
import { ADMIN_ONLY, ALL_ROLES, STAFF_ROLES, op } from '../contract.js';
import { indicatorSourceSchema } from '../../targets/indicator-source.js';
import type { Decomposition, IndicatorView, PlanSummary, StoredPlan } from '../../targets/decomposition.js';
import { decompositionParamsSchema, figure, lockSchema } from '../../targets/decomposition.js';
import type { PlanList, TargetProgress } from '../../targets/progress.js';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const period = z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected 2026, 2026Q1 or 2026-01');
const withLocks = decompositionParamsSchema.extend({ locks: z.array(lockSchema).max(10_000).default([]) }).strict();

/** 任务指标: indicators, head-office and decomposition plans, decomposition by method with locks, and progress. */
export const targetsOps = {
  'targets.indicators': op<IndicatorView[]>()({
    summary: 'The indicators targets are set on (unit, direction, whether they add up over periods, whether actuals can be computed)',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
  }),
  'targets.saveIndicator': op<IndicatorView>()({
    summary: 'Add or change an indicator (unit, direction, whether it adds up, where actuals come from in the imported data)',
    input: z
      .object({
        code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'upper-case letters, digits and _'),
        name: z.string().trim().min(1).max(40),
        measure: z.enum(['amount', 'count']),
        unit: z.string().trim().min(1).max(8),
        direction: z.enum(['up', 'down']),
        flow: z.boolean(),
        source: indicatorSourceSchema.nullable(),
      })
      .strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
  'targets.plans': op<PlanList>()({
    summary: 'Every target plan of a year (head office and decompositions, all versions), the units the caller may decompose and the default one',
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'targets.plan': op<StoredPlan>()({
    summary: 'A stored decomposition: its settings, rows (unit, outlets, managers) and figures per period with locks',
    input: z.object({ planId: id }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'targets.decompose': op<Decomposition>()({
    summary: 'Preview a decomposition of a year figure to outlets, managers, quarters and months by the given methods, profile and locks; nothing is stored',
    input: withLocks,
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'targets.saveDecomposition': op<StoredPlan>()({
    summary: 'Store a decomposition as the draft of its (year, indicator, unit): replaces the draft there is, else starts a new version',
    input: withLocks,
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'targets.setCell': op<StoredPlan>()({
    summary: 'Edit one cell of a draft: a value locks it there, locked alone locks or releases it; the unlocked cells re-balance so every sum still reconciles',
    input: z
      .object({ planId: id, period, orgUnitId: id.optional(), managerId: id.optional(), value: figure.optional(), locked: z.boolean().default(true) })
      .strict()
      .refine((c) => (c.orgUnitId === undefined) !== (c.managerId === undefined), 'give orgUnitId or managerId')
      .refine((c) => c.locked || c.value === undefined, 'a value given locks the cell'),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'targets.publish': op<PlanSummary>()({
    summary: 'Publish a draft decomposition; the version in force for its (year, indicator, unit) becomes superseded',
    input: z.object({ planId: id }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'targets.discard': op<PlanSummary>()({
    summary: 'Delete a draft decomposition (published versions are kept for ever)',
    input: z.object({ planId: id }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'targets.progress': op<TargetProgress>()({
    summary: 'Actual against target for a period (year, quarter or month) per unit, outlet and manager, with completion and time elapsed; client managers get their own row',
    input: z
      .object({
        year: z.number().int().min(2000).max(2100),
        indicatorId: id,
        /** Default: the year. */
        period: period.optional(),
        /** The unit decomposed; default: the caller's. */
        orgUnitId: id.optional(),
        /** A published or draft decomposition; default: the newest published one for the unit. */
        planId: id.optional(),
        /** Default: the latest snapshot date. */
        asOf: isoDate.optional(),
      })
      .strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
};
