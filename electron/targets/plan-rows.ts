import type { ManagerMethod, OutletMethod, PlanSummary, ProfileKind, ResolvedParams } from '../../shared/targets/decomposition.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { orgNodes, planFigure } from './context.js';
import type { StructureRow } from './decompose.js';
import { managerKey, unitKey } from './decompose.js';

/** Reading and writing the rows of migration 0100 (a decomposition's settings and structure) and plan summaries. */

/** The summary query's rows are the summaries themselves (its columns are aliased to the field names). */
type PlanRow = PlanSummary;

const SUMMARY = `SELECT p.id, p.year, p.indicator_id AS indicatorId, p.version, p.status, p.origin, p.note, p.created_by AS createdBy,
  p.created_at AS createdAt, p.published_at AS publishedAt, d.org_unit_id AS orgUnitId, o.name AS orgUnitName, d.total, d.based_on AS basedOn
  FROM target_plan p LEFT JOIN target_decomposition d ON d.plan_id = p.id LEFT JOIN org_unit o ON o.id = d.org_unit_id`;

export function readPlanSummary(store: Store, planId: number): PlanSummary {
  const row = store.db.prepare(`${SUMMARY} WHERE p.id = ?`).get(planId) as PlanRow | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `找不到方案 #${planId}`, en: `Plan #${planId} not found` });
  return row;
}

/**
 * Every plan of a year, newest version first per indicator. A head-office plan's total is what it sets for the whole
 * tree (each top unit's figure, else the sum of the highest units below it that have one).
 */
export function listPlanSummaries(store: Store, year: number): PlanSummary[] {
  const plans = store.db.prepare(`${SUMMARY} WHERE p.year = ? ORDER BY p.indicator_id, p.version DESC`).all(year) as PlanRow[];
  const nodes = orgNodes(store);
  const tops = nodes.filter((n) => n.parentId === null);
  return plans.map((p) => {
    if (p.origin === 'decomposition') return p;
    const figures = tops.map((u) => planFigure(store, nodes, p.id, u.id, String(year))).filter((v): v is number => v !== null);
    return { ...p, total: figures.length === 0 ? null : figures.reduce((a, v) => a + v, 0) };
  });
}

export function writeParams(store: Store, planId: number, p: ResolvedParams, basedOn: number | null, rows: readonly StructureRow[]): void {
  const db = store.db;
  db.prepare(
    `INSERT INTO target_decomposition (plan_id, org_unit_id, total, head_plan_id, based_on, outlet_method, manager_method, profile, managers_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(planId, p.orgUnitId, p.total, p.headPlanId, basedOn, p.outletMethod, p.managerMethod, p.profile.kind, p.managersOn);
  const weight = db.prepare('INSERT INTO target_decomposition_weight (plan_id, kind, key, weight) VALUES (?, ?, ?, ?)');
  p.profile.quarters.forEach((w, i) => weight.run(planId, 'quarter', String(i + 1), w));
  p.profile.months.forEach((w, i) => weight.run(planId, 'month', String(i + 1), w));
  for (const [k, w] of Object.entries(p.gradeWeights)) weight.run(planId, 'grade', k, w);
  for (const [k, w] of Object.entries(p.typeWeights)) weight.run(planId, 'type', k, w);
  const row = db.prepare('INSERT INTO target_decomposition_row (plan_id, org_unit_id, manager_id, parent_unit_id, weight, sort) VALUES (?, ?, ?, ?, ?, ?)');
  rows.forEach((r, i) => {
    const parent = r.parentKey === null ? null : Number(r.parentKey.slice(2));
    row.run(planId, r.orgUnitId, r.managerId, parent, r.weight, i);
  });
}

export function readParams(store: Store, planId: number): ResolvedParams {
  const d = store.db
    .prepare(
      `SELECT d.org_unit_id AS orgUnitId, d.total, d.head_plan_id AS headPlanId, d.outlet_method AS outletMethod, d.manager_method AS managerMethod,
         d.profile, d.managers_on AS managersOn, p.year, p.indicator_id AS indicatorId
       FROM target_decomposition d JOIN target_plan p ON p.id = d.plan_id WHERE d.plan_id = ?`,
    )
    .get(planId) as
    | { orgUnitId: number; total: number; headPlanId: number | null; outletMethod: OutletMethod; managerMethod: ManagerMethod; profile: ProfileKind; managersOn: string; year: number; indicatorId: number }
    | undefined;
  if (d === undefined) throw new AppError('NOT_FOUND', { zh: `方案 #${planId} 没有分解设置`, en: `Plan #${planId} has no decomposition settings` });
  const weights = store.db.prepare('SELECT kind, key, weight FROM target_decomposition_weight WHERE plan_id = ?').all(planId) as Array<{ kind: string; key: string; weight: number }>;
  const indexed = (kind: string, n: number): number[] => Array.from({ length: n }, (_, i) => weights.find((w) => w.kind === kind && w.key === String(i + 1))?.weight ?? 1);
  const keyed = (kind: string): Record<string, number> => Object.fromEntries(weights.filter((w) => w.kind === kind).map((w) => [w.key, w.weight]));
  return {
    year: d.year,
    indicatorId: d.indicatorId,
    orgUnitId: d.orgUnitId,
    total: d.total,
    headPlanId: d.headPlanId,
    outletMethod: d.outletMethod,
    managerMethod: d.managerMethod,
    profile: { kind: d.profile, quarters: indexed('quarter', 4), months: indexed('month', 12) },
    gradeWeights: keyed('grade'),
    typeWeights: keyed('type'),
    managersOn: d.managersOn,
  };
}

/** The stored rows, named as today (a renamed outlet shows its new name) with grade and type on the plan's day. */
export function readStructure(store: Store, planId: number, day: string): StructureRow[] {
  const rows = store.db
    .prepare(
      `SELECT r.org_unit_id AS orgUnitId, r.manager_id AS managerId, r.parent_unit_id AS parentUnitId, r.weight,
         coalesce(o.code, m.staff_no) AS code, coalesce(o.name, m.name) AS name,
         (SELECT p.grade FROM manager_period p WHERE p.manager_id = r.manager_id AND p.valid_from <= @day AND (p.valid_to IS NULL OR p.valid_to > @day) ORDER BY p.valid_from DESC LIMIT 1) AS grade,
         (SELECT p.type FROM manager_period p WHERE p.manager_id = r.manager_id AND p.valid_from <= @day AND (p.valid_to IS NULL OR p.valid_to > @day) ORDER BY p.valid_from DESC LIMIT 1) AS type
       FROM target_decomposition_row r LEFT JOIN org_unit o ON o.id = r.org_unit_id LEFT JOIN manager m ON m.id = r.manager_id
       WHERE r.plan_id = @plan ORDER BY r.sort`,
    )
    .all({ plan: planId, day }) as Array<{ orgUnitId: number | null; managerId: number | null; parentUnitId: number | null; weight: number; code: string; name: string; grade: string | null; type: string | null }>;
  return rows.map((r) => ({
    key: r.managerId !== null ? managerKey(r.managerId) : unitKey(r.orgUnitId ?? 0),
    kind: r.parentUnitId === null ? 'root' : r.managerId !== null ? 'manager' : 'outlet',
    parentKey: r.parentUnitId === null ? null : unitKey(r.parentUnitId),
    orgUnitId: r.orgUnitId,
    managerId: r.managerId,
    code: r.code,
    name: r.name,
    grade: r.grade,
    type: r.type,
    weight: BigInt(r.weight),
  }));
}
