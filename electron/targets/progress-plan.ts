import type { PlanSummary } from '../../shared/targets/decomposition.js';
import { unitAndDescendants } from '../org/queries.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { headOfficePlanId, managersInForce, orgNodes, outletsUnder, planFigure, readUnit } from './context.js';
import type { StructureRow } from './decompose.js';
import { managerKey, unitKey } from './decompose.js';
import { readPlanSummary, readStructure } from './plan-rows.js';

/** The rows progress is shown for, the plan their targets come from, and each row's target for the period. */
export interface ProgressBasis {
  plan: PlanSummary | null;
  rows: StructureRow[];
  targets: Map<string, number>;
}

export function latestPublishedDecomposition(store: Store, year: number, indicatorId: number, filter: { orgUnitIds?: readonly number[]; managerId?: number }): number | null {
  const sql =
    filter.managerId !== undefined
      ? `SELECT p.id FROM target_plan p JOIN target_decomposition_row r ON r.plan_id = p.id AND r.manager_id = @m
         WHERE p.year = @y AND p.indicator_id = @i AND p.status = 'published' AND p.origin = 'decomposition' ORDER BY p.version DESC LIMIT 1`
      : `SELECT p.id FROM target_plan p JOIN target_decomposition d ON d.plan_id = p.id AND d.org_unit_id IN (SELECT value FROM json_each(@u))
         WHERE p.year = @y AND p.indicator_id = @i AND p.status = 'published' ORDER BY p.version DESC LIMIT 1`;
  return (store.db.prepare(sql).pluck().get({ y: year, i: indicatorId, u: JSON.stringify(filter.orgUnitIds ?? []), m: filter.managerId ?? null }) as number | undefined) ?? null;
}

function rootRow(store: Store, id: number): StructureRow {
  const u = readUnit(store, id);
  return { key: unitKey(u.id), kind: 'root', parentKey: null, orgUnitId: u.id, managerId: null, code: u.code, name: u.name, grade: null, type: null, weight: 0n };
}

/** Rows without a decomposition: the unit, its outlets and their managers in force on the day. */
function freshStructure(store: Store, rootId: number, day: string): StructureRow[] {
  const root = rootRow(store, rootId);
  const leaves = outletsUnder(orgNodes(store), rootId).filter((o) => o.id !== rootId);
  const managers = managersInForce(store, leaves.length === 0 ? [rootId] : leaves.map((l) => l.id), day);
  const managerRow = (m: (typeof managers)[number], parentKey: string): StructureRow => ({ key: managerKey(m.id), kind: 'manager', parentKey, orgUnitId: null, managerId: m.id, code: m.staffNo, name: m.name, grade: m.grade, type: m.type, weight: 0n });
  if (leaves.length === 0) return [root, ...managers.map((m) => managerRow(m, root.key))];
  return [
    root,
    ...leaves.flatMap((o) => [
      { key: unitKey(o.id), kind: 'outlet' as const, parentKey: root.key, orgUnitId: o.id, managerId: null, code: o.code, name: o.name, grade: null, type: null, weight: 0n },
      ...managers.filter((x) => x.orgUnitId === o.id).map((m) => managerRow(m, unitKey(o.id))),
    ]),
  ];
}

function planCells(store: Store, planId: number, period: string): Map<string, number> {
  const cells = store.db.prepare('SELECT org_unit_id AS u, manager_id AS m, value FROM target WHERE plan_id = ? AND period = ?').all(planId, period) as Array<{ u: number | null; m: number | null; value: number }>;
  return new Map(cells.map((c) => [c.m !== null ? managerKey(c.m) : unitKey(c.u ?? 0), c.value]));
}

function planRows(store: Store, planId: number): StructureRow[] {
  const day = store.db.prepare('SELECT managers_on FROM target_decomposition WHERE plan_id = ?').pluck().get(planId) as string;
  return readStructure(store, planId, day);
}

/** The units from `rootId` up to the top of the tree. */
function ancestors(store: Store, rootId: number): number[] {
  const nodes = orgNodes(store);
  const out: number[] = [];
  for (let id: number | null = rootId; id !== null && !out.includes(id); id = nodes.find((n) => n.id === id)?.parentId ?? null) out.push(id);
  return out;
}

/**
 * Where targets come from, in order: the plan asked for; the newest published decomposition of the unit; the newest
 * of a unit above it, narrowed to this unit's outlets and managers (a 支行 reading the 分行's plan; its own figure
 * is the sum of its outlets'); head office's plan, for units only.
 */
export function progressBasis(store: Store, q: { year: number; indicatorId: number; orgUnitId: number; planId?: number | undefined; day: string }, period: string): ProgressBasis {
  const own = q.planId ?? latestPublishedDecomposition(store, q.year, q.indicatorId, { orgUnitIds: [q.orgUnitId] });
  if (own !== null) {
    const plan = readPlanSummary(store, own);
    if (plan.origin !== 'decomposition' || plan.year !== q.year || plan.indicatorId !== q.indicatorId) {
      throw new AppError('INVALID_INPUT', { zh: '方案与所选年度、指标不符', en: 'The plan is not for this year and indicator' });
    }
    return { plan, rows: planRows(store, own), targets: planCells(store, own, period) };
  }
  const above = latestPublishedDecomposition(store, q.year, q.indicatorId, { orgUnitIds: ancestors(store, q.orgUnitId).slice(1) });
  if (above !== null) {
    const inside = new Set(unitAndDescendants(store, q.orgUnitId));
    const root = rootRow(store, q.orgUnitId);
    const all = planRows(store, above);
    const outlets = all.filter((r) => r.kind !== 'root' && r.orgUnitId !== null && inside.has(r.orgUnitId));
    const keys = new Set(outlets.map((o) => o.key));
    const managers = all.filter((r) => r.kind === 'manager' && r.parentKey !== null && (keys.has(r.parentKey) || r.parentKey === root.key));
    const rows = [root, ...outlets.flatMap((o) => [{ ...o, parentKey: root.key }, ...managers.filter((m) => m.parentKey === o.key)])];
    const targets = planCells(store, above, period);
    if (!targets.has(root.key)) targets.set(root.key, outlets.reduce((a, o) => a + (targets.get(o.key) ?? 0), 0));
    return { plan: readPlanSummary(store, above), rows, targets };
  }
  const rows = freshStructure(store, q.orgUnitId, q.day);
  const head = headOfficePlanId(store, q.year, q.indicatorId);
  const targets = new Map<string, number>();
  if (head === null) return { plan: null, rows, targets };
  const nodes = orgNodes(store);
  for (const r of rows) {
    const v = r.orgUnitId === null ? null : planFigure(store, nodes, head, r.orgUnitId, period);
    if (v !== null) targets.set(r.key, v);
  }
  return { plan: readPlanSummary(store, head), rows, targets };
}

/** A client manager's own row: from the newest published decomposition that has them. */
export function managerBasis(store: Store, q: { year: number; indicatorId: number; managerId: number }, period: string): ProgressBasis {
  const planId = latestPublishedDecomposition(store, q.year, q.indicatorId, { managerId: q.managerId });
  const key = managerKey(q.managerId);
  const mine = planId === null ? undefined : planRows(store, planId).find((r) => r.key === key);
  if (planId !== null && mine !== undefined) return { plan: readPlanSummary(store, planId), rows: [{ ...mine, parentKey: null }], targets: planCells(store, planId, period) };
  const who = store.db.prepare('SELECT staff_no AS code, name FROM manager WHERE id = ?').get(q.managerId) as { code: string; name: string } | undefined;
  return { plan: null, rows: [{ key, kind: 'manager', parentKey: null, orgUnitId: null, managerId: q.managerId, code: who?.code ?? '', name: who?.name ?? '', grade: null, type: null, weight: 0n }], targets: new Map() };
}
