import { z } from 'zod';
import { coveragePolicySchema } from '../../assignment/coverage.js';
import type { CoveragePolicy, CoverageReport } from '../../assignment/coverage.js';
import { ADMIN_ONLY, STAFF_ROLES, op } from '../contract.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export interface CoveragePolicyView {
  policy: CoveragePolicy;
  defaults: CoveragePolicy;
}

export const coverageOps = {
  'coverage.report': op<CoverageReport>()({
    summary: 'Mid/high-end client coverage by 专职 managers per outlet on a date, with the policy findings (专职 rule, unassigned VIP clients, managers over capacity)',
    input: z
      .object({
        /** Assignments and roster on this day; default: the latest balance snapshot date, else today. */
        asOf: isoDate.optional(),
        /** Org units of any level, subtrees included; default: every unit the caller runs. */
        orgUnitIds: z.array(z.number().int().positive()).min(1).max(1_000).optional(),
      })
      .strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'coverage.policy': op<CoveragePolicyView>()({
    summary: 'The coverage policy thresholds in force, and the defaults',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
  }),
  'coverage.setPolicy': op<CoveragePolicyView>()({
    summary: 'Change the coverage policy thresholds (VIP clients that require a 专职 manager; optional minimum 专职 share)',
    input: z.object({ policy: coveragePolicySchema }).strict(),
    // The thresholds are part of the branch's data model, which administrators own.
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
};
