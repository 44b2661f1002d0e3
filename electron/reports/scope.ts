import type { ReportParams } from '../../shared/reports/report.js';
import { parsePeriod, periodRange } from '../../shared/targets/periods.js';
import type { Session } from '../api/types.js';
import { unitAndDescendants, unitsBelow } from '../org/queries.js';
import { AppError } from '../platform/app-error.js';
import { assertUnitInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';
import type { OrgNode } from '../targets/context.js';
import { orgNodes } from '../targets/context.js';

/**
 * What one report covers: the period and the org units. `roots` are the units named in the header (the one asked
 * for, else the caller's own units, else the top of the tree descending while a unit has a single child — 南京分行
 * in the demo, as the targets page does); `units` is every unit at or below them.
 */
export interface ReportScope {
  period: string;
  from: string;
  to: string;
  roots: OrgNode[];
  units: Set<number>;
  /** Every unit by id, for names and codes. */
  nodes: Map<number, OrgNode>;
}

const invalid = (zh: string, en: string): never => {
  throw new AppError('INVALID_INPUT', { zh, en });
};

/** Down the tree from a unit while it has exactly one child that has children itself. */
function descendSingleChild(nodes: readonly OrgNode[], id: number): number {
  let at = id;
  for (;;) {
    const kids = nodes.filter((n) => n.parentId === at);
    const only = kids.length === 1 ? kids[0] : undefined;
    if (only === undefined || !nodes.some((n) => n.parentId === only.id)) return at;
    at = only.id;
  }
}

/**
 * Resolves and checks the scope of a report for a caller: client managers get no reports; a supervisor reports on
 * their own units and those below (another 支行 is FORBIDDEN); an administrator on any unit.
 */
export function resolveReportScope(store: Store, session: Session, params: ReportParams): ReportScope {
  if (session.role === 'manager') throw new AppError('FORBIDDEN', { zh: '客户经理不能查看标准报表', en: 'Client managers do not see the standard reports' });
  if (parsePeriod(params.period) === null) invalid(`无法识别的期间 ${params.period}`, `Unknown period ${params.period}`);
  const { from, to } = periodRange(params.period);
  const all = orgNodes(store);
  const nodes = new Map(all.map((n) => [n.id, n]));
  let rootIds: number[];
  if (params.orgUnitId !== undefined) {
    if (!nodes.has(params.orgUnitId)) throw new AppError('NOT_FOUND', { zh: `找不到机构 #${params.orgUnitId}`, en: `Org unit #${params.orgUnitId} not found` });
    assertUnitInScope(store, session, params.orgUnitId);
    rootIds = [params.orgUnitId];
  } else if (session.role === 'admin' || session.orgUnitIds === null) {
    rootIds = all.filter((n) => n.parentId === null).map((n) => descendSingleChild(all, n.id));
  } else {
    rootIds = [...session.orgUnitIds];
  }
  // Units asked for twice (a unit and one below it) are reported once, under the higher one.
  const covered = new Set<number>();
  for (const id of rootIds) for (const below of unitAndDescendants(store, id)) if (below !== id) covered.add(below);
  const roots = [...new Set(rootIds)].filter((id) => !covered.has(id)).map((id) => nodes.get(id) as OrgNode);
  // An administrator's default covers the whole tree even when it starts below the top.
  const units = params.orgUnitId === undefined && (session.role === 'admin' || session.orgUnitIds === null) ? new Set(all.map((n) => n.id)) : unitsBelow(store, roots.map((r) => r.id));
  return { period: params.period, from, to, roots, units, nodes };
}

/** The covered units and the period as the header prints them: 南京分行 · 2026-10. */
export function scopeLabel(scope: ReportScope): string {
  return `${scope.roots.map((r) => r.name).join('、')} · ${scope.period}`;
}

/** The outlets (leaves) among the covered units, in code order. */
export function outletsIn(scope: ReportScope): OrgNode[] {
  const parents = new Set([...scope.nodes.values()].map((n) => n.parentId));
  return [...scope.units]
    .map((id) => scope.nodes.get(id) as OrgNode)
    .filter((n) => !parents.has(n.id))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The units from one up to the top of the tree, the unit first. */
export function ancestorsOrSelf(scope: ReportScope, id: number): number[] {
  const out: number[] = [];
  for (let at: number | null = id; at !== null && !out.includes(at); at = scope.nodes.get(at)?.parentId ?? null) out.push(at);
  return out;
}

export const unitsJson = (units: Iterable<number>): string => JSON.stringify([...units]);
