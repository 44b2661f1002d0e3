import { DEFAULT_COVERAGE_POLICY } from '../../shared/assignment/coverage.js';
import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { latestSnapshotAsOf } from '../book/config-store.js';
import { unitAndDescendants } from '../org/queries.js';
import { localIsoDate } from '../platform/clock.js';
import { assertUnitInScope, unitsInScope } from '../security/scope.js';
import { coverageReport, readCoveragePolicy, writeCoveragePolicy } from './coverage.js';

/**
 * The units a report covers: those asked for (with their subtrees), each of which a supervisor must run; by default
 * every unit the caller runs (null = all, for administrators).
 */
function unitsFor(ctx: HandlerContext, asked: readonly number[] | undefined): number[] | null {
  if (asked === undefined) {
    const units = unitsInScope(ctx.store, ctx.session);
    return units === null ? null : [...units];
  }
  const out = new Set<number>();
  for (const id of asked) {
    assertUnitInScope(ctx.store, ctx.session, id);
    for (const u of unitAndDescendants(ctx.store, id)) out.add(u);
  }
  return [...out];
}

export const coverageHandlers: DomainHandlers<'coverage'> = {
  'coverage.report': (input, ctx) => {
    // Balances are loaded as of a month end: by default the report is read on the data's date, not the calendar's.
    const asOf = input.asOf ?? latestSnapshotAsOf(ctx.store) ?? localIsoDate(ctx.clock.now());
    return coverageReport(ctx.store, { asOf, orgUnitIds: unitsFor(ctx, input.orgUnitIds) });
  },
  'coverage.policy': (_input, ctx) => ({ policy: readCoveragePolicy(ctx.store), defaults: DEFAULT_COVERAGE_POLICY }),
  'coverage.setPolicy': (input, ctx) => {
    const before = readCoveragePolicy(ctx.store);
    const after = writeCoveragePolicy(ctx.store, input.policy);
    ctx.auditNote({ entity: 'setting', entityId: 'assignment.policy', before, after });
    return { policy: after, defaults: DEFAULT_COVERAGE_POLICY };
  },
};
