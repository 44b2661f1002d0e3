import type { IndicatorView } from '../../shared/targets/decomposition.js';
import type { RootChoice } from '../../shared/targets/progress.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { sourceOf } from './org-actuals.js';

/** What the decomposition and progress read about indicators, org units and managers. */
export interface IndicatorRow {
  id: number;
  code: string;
  name: string;
  measure: 'amount' | 'count';
  unit: string;
  direction: 'up' | 'down';
  flow: number;
  source: string | null;
}

export function indicatorView(r: IndicatorRow): IndicatorView {
  return { id: r.id, code: r.code, name: r.name, measure: r.measure, unit: r.unit, direction: r.direction, flow: r.flow === 1, hasSource: sourceOf(r.code, r.source) !== null };
}

const INDICATOR_COLUMNS = 'id, code, name, measure, unit, direction, flow, source';

export function listIndicators(store: Store): IndicatorView[] {
  return (store.db.prepare(`SELECT ${INDICATOR_COLUMNS} FROM indicator ORDER BY sort, code`).all() as IndicatorRow[]).map(indicatorView);
}

export function readIndicator(store: Store, id: number): IndicatorRow {
  const row = store.db.prepare(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE id = ?`).get(id) as IndicatorRow | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `找不到指标 #${id}`, en: `Indicator #${id} not found` });
  return row;
}

export interface OrgNode {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
}

export function orgNodes(store: Store): OrgNode[] {
  return store.db.prepare('SELECT id, code, name, level, parent_id AS parentId FROM org_unit ORDER BY code').all() as OrgNode[];
}

export function readUnit(store: Store, id: number): OrgNode {
  const unit = orgNodes(store).find((u) => u.id === id);
  if (unit === undefined) throw new AppError('NOT_FOUND', { zh: `找不到机构 #${id}`, en: `Org unit #${id} not found` });
  return unit;
}

/** The outlets a unit's figure is spread over: the leaves of its subtree, in code order (the unit itself if a leaf). */
export function outletsUnder(nodes: readonly OrgNode[], rootId: number): OrgNode[] {
  const kids = (id: number): OrgNode[] => nodes.filter((n) => n.parentId === id);
  const out: OrgNode[] = [];
  const walk = (id: number): void => {
    const children = kids(id);
    if (children.length === 0) {
      const self = nodes.find((n) => n.id === id);
      if (self !== undefined) out.push(self);
    }
    for (const c of children) walk(c.id);
  };
  walk(rootId);
  return out;
}

/**
 * Where a decomposition starts by default: the caller's unit (every unit for an administrator), descending while a
 * unit has a single child — in the demo, 南京分行 under the one-branch 江苏省分行.
 */
export function rootChoices(nodes: readonly OrgNode[], scope: Set<number> | null, own: readonly number[] | null): { roots: RootChoice[]; defaultRootId: number | null } {
  const hasChildren = (id: number): boolean => nodes.some((n) => n.parentId === id);
  const visible = nodes.filter((n) => scope === null || scope.has(n.id));
  const ownIds = own ?? [];
  const roots = visible.filter((n) => hasChildren(n.id) || ownIds.includes(n.id)).map((n) => ({ id: n.id, code: n.code, name: n.name, level: n.level }));
  let start: number | null = ownIds[0] ?? nodes.find((n) => n.parentId === null)?.id ?? null;
  for (;;) {
    const kids = nodes.filter((n) => n.parentId === start);
    if (start === null || kids.length !== 1 || kids[0] === undefined || !hasChildren(kids[0].id)) break;
    start = kids[0].id;
  }
  return { roots, defaultRootId: start };
}

export interface ManagerInForce {
  id: number;
  staffNo: string;
  name: string;
  orgUnitId: number;
  grade: string;
  type: string;
}

/**
 * Managers in post (在岗 or 休假) on a day in the given outlets: those a figure can be handed to. 调离 and 离职
 * periods, like the coverage report, mean the manager is gone.
 */
export function managersInForce(store: Store, outletIds: readonly number[], day: string): ManagerInForce[] {
  return store.db
    .prepare(
      `SELECT m.id, m.staff_no AS staffNo, m.name, p.org_unit_id AS orgUnitId, p.grade, p.type
       FROM manager m JOIN manager_period p ON p.manager_id = m.id
       WHERE p.org_unit_id IN (SELECT value FROM json_each(@units)) AND p.valid_from <= @day AND (p.valid_to IS NULL OR p.valid_to > @day)
         AND p.status IN ('active', 'leave')
       GROUP BY m.id ORDER BY m.staff_no`,
    )
    .all({ units: JSON.stringify(outletIds), day }) as ManagerInForce[];
}

/** The latest published head-office (imported) plan for the year and indicator. */
export function headOfficePlanId(store: Store, year: number, indicatorId: number): number | null {
  return (
    (store.db
      .prepare("SELECT id FROM target_plan WHERE year = ? AND indicator_id = ? AND origin = 'import' AND status = 'published' ORDER BY version DESC LIMIT 1")
      .pluck()
      .get(year, indicatorId) as number | undefined) ?? null
  );
}

/**
 * A unit's figure in a plan for one period: its own, else the sum of the figures of the highest units below it that
 * have one (head office may set the branch's figure or only its outlets'). Null when nothing below has one.
 */
export function planFigure(store: Store, nodes: readonly OrgNode[], planId: number, unitId: number, period: string): number | null {
  const rows = store.db.prepare('SELECT org_unit_id AS id, value FROM target WHERE plan_id = ? AND period = ? AND org_unit_id IS NOT NULL').all(planId, period) as Array<{ id: number; value: number }>;
  const own = new Map(rows.map((r) => [r.id, r.value]));
  const figure = (id: number): number | null => {
    const v = own.get(id);
    if (v !== undefined) return v;
    const parts = nodes.filter((n) => n.parentId === id).map((n) => figure(n.id)).filter((x): x is number => x !== null);
    return parts.length === 0 ? null : parts.reduce((a, x) => a + x, 0);
  };
  return figure(unitId);
}
