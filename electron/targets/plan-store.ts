import type { CellLock, CellRef, PlanSummary, ResolvedParams, StoredPlan } from '../../shared/targets/decomposition.js';
import { parsePeriod } from '../../shared/targets/periods.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { readIndicator } from './context.js';
import type { StructureRow } from './decompose.js';
import { buildStructure, managerKey, refKey, solveDecomposition, toView, unitKey } from './decompose.js';
import { cellKey } from './grid.js';
import { readParams, readPlanSummary, readStructure, writeParams } from './plan-rows.js';

/**
 * Decomposition plans in the store (任务分解方案). A lineage is (year, indicator, unit decomposed); it has at most one
 * draft, which is edited in place, and at most one published version. Publishing a draft supersedes the lineage's
 * published version; a published plan is never edited — editing it starts a new draft from its settings and locks.
 * Version numbers count per (year, indicator) across head-office and decomposition plans (the table's key).
 */
export interface Author {
  userName: string;
  now: string;
}

const LINEAGE = `SELECT p.id FROM target_plan p JOIN target_decomposition d ON d.plan_id = p.id
  WHERE p.year = ? AND p.indicator_id = ? AND d.org_unit_id = ? AND p.status = ? ORDER BY p.version DESC LIMIT 1`;

function lineagePlan(store: Store, p: { year: number; indicatorId: number; orgUnitId: number }, status: 'draft' | 'published'): number | null {
  return (store.db.prepare(LINEAGE).pluck().get(p.year, p.indicatorId, p.orgUnitId, status) as number | undefined) ?? null;
}

function writeCells(store: Store, planId: number, rows: readonly StructureRow[], solved: { cells: Map<string, bigint>; locked: Set<string> }): void {
  const db = store.db;
  db.prepare('DELETE FROM target WHERE plan_id = ?').run(planId);
  const insert = db.prepare('INSERT INTO target (plan_id, period, org_unit_id, manager_id, value, locked) VALUES (?, ?, ?, ?, ?, ?)');
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const [k, v] of solved.cells) {
    const [key = '', period = ''] = k.split('|');
    const row = byKey.get(key);
    if (row === undefined) continue;
    insert.run(planId, period, row.orgUnitId, row.managerId, v, solved.locked.has(k) ? 1 : 0);
  }
}

/** Stores the decomposition as the lineage's draft (replacing the draft there is), and returns its plan id. */
export function saveDraft(store: Store, p: ResolvedParams, locks: readonly CellLock[], author: Author): number {
  return store.transaction(() => {
    const indicator = readIndicator(store, p.indicatorId);
    const { rows } = buildStructure(store, p, indicator);
    const solved = solveDecomposition(p, indicator.flow === 1, rows, locks);
    const db = store.db;
    let planId = lineagePlan(store, p, 'draft');
    const basedOn = lineagePlan(store, p, 'published');
    if (planId === null) {
      const version = (db.prepare('SELECT coalesce(max(version), 0) + 1 FROM target_plan WHERE year = ? AND indicator_id = ?').pluck().get(p.year, p.indicatorId) as number) ?? 1;
      planId = Number(
        db
          .prepare("INSERT INTO target_plan (year, indicator_id, version, status, origin, note, created_by, created_at) VALUES (?, ?, ?, 'draft', 'decomposition', ?, ?, ?)")
          .run(p.year, p.indicatorId, version, '任务分解 decomposition', author.userName, author.now).lastInsertRowid,
      );
    } else {
      db.prepare('UPDATE target_plan SET created_by = ?, created_at = ? WHERE id = ?').run(author.userName, author.now, planId);
      db.prepare('DELETE FROM target_decomposition WHERE plan_id = ?').run(planId);
    }
    writeParams(store, planId, p, basedOn, rows);
    writeCells(store, planId, rows, solved);
    return planId;
  });
}

function requireDecomposition(store: Store, planId: number): PlanSummary {
  const plan = readPlanSummary(store, planId);
  if (plan.origin !== 'decomposition') {
    throw new AppError('NOT_FOUND', { zh: `方案 #${planId} 不是任务分解方案`, en: `Plan #${planId} is not a decomposition` });
  }
  return plan;
}

function requireDraft(store: Store, planId: number): PlanSummary {
  const plan = requireDecomposition(store, planId);
  if (plan.status !== 'draft') {
    throw new AppError('CONFLICT', {
      zh: `方案第 ${plan.version} 版已${plan.status === 'published' ? '发布' : '被替代'}，不能直接修改：请基于它新建草稿`,
      en: `Version ${plan.version} is ${plan.status}: it is never edited in place — start a new draft from it`,
    });
  }
  return plan;
}

function storedLocks(store: Store, planId: number): CellLock[] {
  const rows = store.db.prepare('SELECT period, org_unit_id AS orgUnitId, manager_id AS managerId, value FROM target WHERE plan_id = ? AND locked = 1').all(planId) as Array<{
    period: string;
    orgUnitId: number | null;
    managerId: number | null;
    value: number;
  }>;
  return rows.map((r) => (r.managerId !== null ? { period: r.period, managerId: r.managerId, value: r.value } : { period: r.period, orgUnitId: r.orgUnitId ?? 0, value: r.value }));
}

export function readStoredPlan(store: Store, planId: number): StoredPlan {
  const plan = requireDecomposition(store, planId);
  const p = readParams(store, planId);
  const rows = readStructure(store, planId, p.managersOn);
  const cells = new Map<string, bigint>();
  const locked = new Set<string>();
  const targets = store.db.prepare('SELECT period, org_unit_id AS u, manager_id AS m, value, locked FROM target WHERE plan_id = ?').all(planId) as Array<{
    period: string;
    u: number | null;
    m: number | null;
    value: number;
    locked: number;
  }>;
  for (const t of targets) {
    const k = cellKey(t.m !== null ? managerKey(t.m) : unitKey(t.u ?? 0), t.period);
    cells.set(k, BigInt(t.value));
    if (t.locked === 1) locked.add(k);
  }
  const warnings = rows
    .filter((r) => r.kind === 'outlet' && !rows.some((x) => x.parentKey === r.key))
    .map((r) => ({ kind: 'no_managers' as const, orgUnitId: r.orgUnitId ?? 0, name: r.name }));
  return { plan, ...toView(store, p, rows, { cells, locked }, warnings) };
}

/**
 * Sets or releases one cell of a draft (手工调整): a value given locks the cell at it; `locked` alone locks it at its
 * current figure or releases it. The grid is then solved again on the draft's own basis, so every unlocked figure
 * re-balances and every locked one stays.
 */
export function setCell(store: Store, planId: number, ref: CellRef, change: { value?: number | undefined; locked: boolean }): StoredPlan {
  return store.transaction(() => {
    requireDraft(store, planId);
    const p = readParams(store, planId);
    const rows = readStructure(store, planId, p.managersOn);
    const key = refKey(ref);
    const row = rows.find((r) => r.key === key);
    const period = parsePeriod(ref.period);
    const flow = readIndicator(store, p.indicatorId).flow === 1;
    if (row === undefined || period === null || period.year !== p.year || (!flow && period.kind !== 'year')) {
      throw new AppError('NOT_FOUND', { zh: '方案中没有这一格', en: 'The plan has no such cell' });
    }
    if (row.kind === 'root' && period.kind === 'year') {
      throw new AppError('CONFLICT', { zh: '机构的年度目标是要分解的数，请在分解设置里修改', en: "The unit's year figure is the one being decomposed: change it in the settings" });
    }
    const locks = storedLocks(store, planId).filter((l) => !(refKey(l) === key && l.period === ref.period));
    if (change.locked) {
      const current = store.db
        .prepare(`SELECT value FROM target WHERE plan_id = ? AND period = ? AND ${row.managerId !== null ? 'manager_id' : 'org_unit_id'} = ?`)
        .pluck()
        .get(planId, ref.period, row.managerId ?? row.orgUnitId) as number | undefined;
      locks.push({ ...(row.managerId !== null ? { managerId: row.managerId } : { orgUnitId: row.orgUnitId ?? 0 }), period: ref.period, value: change.value ?? current ?? 0 });
    }
    writeCells(store, planId, rows, solveDecomposition(p, flow, rows, locks));
    return readStoredPlan(store, planId);
  });
}

/** Publishes a draft as the lineage's version in force; the version it replaces is kept as superseded. */
export function publishPlan(store: Store, planId: number, now: string): { published: PlanSummary; superseded: number | null } {
  return store.transaction(() => {
    requireDraft(store, planId);
    const p = readParams(store, planId);
    const previous = lineagePlan(store, p, 'published');
    if (previous !== null) store.db.prepare("UPDATE target_plan SET status = 'superseded' WHERE id = ?").run(previous);
    store.db.prepare("UPDATE target_plan SET status = 'published', published_at = ? WHERE id = ?").run(now, planId);
    return { published: readPlanSummary(store, planId), superseded: previous };
  });
}

export function discardDraft(store: Store, planId: number): PlanSummary {
  return store.transaction(() => {
    const plan = requireDraft(store, planId);
    store.db.prepare('DELETE FROM target_plan WHERE id = ?').run(planId);
    return plan;
  });
}

/** The settings and locks a plan was made with: what "edit as a new version" starts from. */
export function planBasis(store: Store, planId: number): { params: ResolvedParams; locks: CellLock[] } {
  requireDecomposition(store, planId);
  return { params: readParams(store, planId), locks: storedLocks(store, planId) };
}
