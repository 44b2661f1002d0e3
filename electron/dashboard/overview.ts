import type { DashboardOverview, DashboardUnit } from '../../shared/dashboard/types.js';
import { periodRange } from '../../shared/targets/periods.js';
import type { HandlerContext } from '../api/types.js';
import { latestSnapshotAsOf } from '../book/config-store.js';
import { listOrgUnits, unitAndDescendants } from '../org/queries.js';
import { AppError } from '../platform/app-error.js';
import { assertUnitInScope, unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';
import { momentOf } from '../tasks/moment.js';
import { orgNodes, rootChoices } from '../targets/context.js';
import { importStatuses, stalenessOf } from './imports.js';
import { keepWhileUnchanged } from './memo.js';
import { rankingSection } from './ranking.js';
import { managerTargets, unitTargets } from './targets.js';
import { midHighSection, overdueSection } from './work.js';

export interface OverviewInput {
  period?: string | undefined;
  orgUnitId?: number | undefined;
  rankIndicatorId?: number | undefined;
}

const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Which runs a staff caller may see depends on their units: part of the key of a kept ranking. */
const scopeKey = (scope: ReadonlySet<number> | null): string => (scope === null ? 'all' : [...scope].sort((a, b) => a - b).join(','));

/** Is every unit either below `rootId` or one of its ancestors? */
function coversTree(nodes: ReadonlyArray<{ id: number; parentId: number | null }>, rootId: number, subtreeSize: number): boolean {
  let above = 0;
  const seen = new Set<number>();
  for (let id = nodes.find((n) => n.id === rootId)?.parentId ?? null; id !== null && !seen.has(id); id = nodes.find((n) => n.id === id)?.parentId ?? null) {
    seen.add(id);
    above++;
  }
  return subtreeSize + above === nodes.length;
}

function years(store: Store, ...more: number[]): number[] {
  const planned = store.db.prepare('SELECT DISTINCT year FROM target_plan').pluck().all() as number[];
  return [...new Set([...planned, ...more])].sort((a, b) => b - a);
}

function unitChoices(store: Store, scope: ReadonlySet<number> | null): DashboardUnit[] {
  return listOrgUnits(store)
    .filter((u) => scope === null || scope.has(u.id))
    .map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parentId }));
}

/**
 * 工作台: every section for the caller. Dates: targets and coverage are read on the data's date (the latest balance
 * snapshot, as the targets and coverage pages do); overdue tasks and contacts on the clock's today; contact-plan
 * coverage over the period up to today; staleness against today.
 */
export function dashboardOverview(ctx: HandlerContext, input: OverviewInput): DashboardOverview {
  const { store, session } = ctx;
  const at = momentOf(ctx.clock);
  const dataAsOf = latestSnapshotAsOf(store);
  const asOf = dataAsOf ?? at.today;
  const year = input.period === undefined ? Number(asOf.slice(0, 4)) : Number(input.period.slice(0, 4));
  const period = input.period ?? String(year);
  const range = periodRange(period);
  const q = { year, period, asOf };
  const imports = importStatuses(store);
  const staleness = stalenessOf(store, imports, at.today);
  const contactTo = earlier(range.to, at.today);
  const contactWindow = contactTo < range.from ? null : { from: range.from, to: contactTo };
  const coverageAsOf = dataAsOf === null ? null : earlier(range.to, dataAsOf);
  const common = { role: session.role, year, period, years: years(store, year, Number(asOf.slice(0, 4))), dataAsOf, imports, staleness };

  if (session.role === 'manager') {
    if (input.orgUnitId !== undefined) throw new AppError('FORBIDDEN', { zh: '客户经理只能查看自己的数据', en: 'A client manager sees only their own figures' });
    const managerId = session.managerId;
    if (managerId === null) throw new AppError('FORBIDDEN', { zh: '此账户未关联客户经理', en: 'This account is not linked to a manager' });
    const viewer = { kind: 'manager' as const, managerId };
    return {
      ...common,
      orgUnitId: null,
      units: [],
      targets: keepWhileUnchanged(store, `targets:manager:${managerId}:${period}:${asOf}`, () => managerTargets(store, q, managerId)),
      ranking: keepWhileUnchanged(store, `ranking:manager:${managerId}:${period}`, () => rankingSection(store, viewer, period, null)),
      midHigh: midHighSection(store, viewer, coverageAsOf, contactWindow),
      overdue: overdueSection(store, session, viewer, at),
    };
  }

  const scope = unitsInScope(store, session);
  const orgUnitId = input.orgUnitId ?? rootChoices(orgNodes(store), scope, session.orgUnitIds).defaultRootId;
  if (orgUnitId === null) {
    // No org units yet (a workspace with nothing imported): nothing to read a unit's figures from.
    return {
      ...common,
      orgUnitId: null,
      units: [],
      targets: null,
      ranking: { source: 'none', run: null, indicator: null, measure: 'bp', managers: null, outlets: null },
      midHigh: midHighSection(store, { kind: 'staff', orgUnitId: null, subtree: [], everyone: false }, null, null),
      overdue: overdueSection(store, session, { kind: 'staff', orgUnitId: null, subtree: [], everyone: false }, at),
    };
  }
  assertUnitInScope(store, session, orgUnitId);
  const subtree = unitAndDescendants(store, orgUnitId);
  const targets = keepWhileUnchanged(store, `targets:unit:${orgUnitId}:${period}:${asOf}`, () => unitTargets(store, q, orgUnitId));
  // An administrator looking at the top of the tree (the units above it hold nobody) sees everybody's work, as the
  // work-log page shows them.
  const everyone = scope === null && coversTree(orgNodes(store), orgUnitId, subtree.length);
  const work = { kind: 'staff' as const, orgUnitId, subtree, everyone };
  return {
    ...common,
    orgUnitId,
    units: unitChoices(store, scope),
    targets: targets.section,
    ranking: keepWhileUnchanged(store, `ranking:${scopeKey(scope)}:${orgUnitId}:${period}:${asOf}:${input.rankIndicatorId ?? ''}`, () =>
      rankingSection(store, { kind: 'staff', units: scope, subtree: new Set(subtree), orgUnitId }, period, targets, input.rankIndicatorId),
    ),
    midHigh: midHighSection(store, work, coverageAsOf, contactWindow),
    overdue: overdueSection(store, session, work, at),
  };
}
