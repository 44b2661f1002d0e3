import type { CellLock, Decomposition, DecompositionParams, DecompositionWarning, GridRow, GridRowKind, ResolvedParams } from '../../shared/targets/decomposition.js';
import { DEFAULT_GRADE_WEIGHTS, DEFAULT_TYPE_WEIGHTS, resolveProfile } from '../../shared/targets/decomposition.js';
import { periodsOf, yearKey } from '../../shared/targets/periods.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import type { IndicatorRow, OrgNode } from './context.js';
import { headOfficePlanId, indicatorView, managersInForce, orgNodes, outletsUnder, planFigure, readIndicator, readUnit } from './context.js';
import type { GridFailure, GridUnit } from './grid.js';
import { cellKey, solveGrid } from './grid.js';
import type { WeightBasis } from './weights.js';
import { managerWeights, outletWeights } from './weights.js';

/** One row of a decomposition before it has figures: who it is, under whom, and what its method weighed it by. */
export interface StructureRow {
  key: string;
  kind: GridRowKind;
  parentKey: string | null;
  orgUnitId: number | null;
  managerId: number | null;
  code: string;
  name: string;
  grade: string | null;
  type: string | null;
  weight: bigint;
}

export const unitKey = (id: number): string => `u:${id}`;
export const managerKey = (id: number): string => `m:${id}`;
export const refKey = (ref: { orgUnitId?: number | undefined; managerId?: number | undefined }): string =>
  ref.managerId !== undefined ? managerKey(ref.managerId) : unitKey(ref.orgUnitId ?? 0);

/** Fills in the defaults: the figure from head office, managers on the data's date. */
export function resolveParams(store: Store, input: DecompositionParams, defaults: { orgUnitId: number | null; day: string }): ResolvedParams {
  const orgUnitId = input.orgUnitId ?? defaults.orgUnitId;
  if (orgUnitId === null) throw new AppError('INVALID_INPUT', { zh: '请选择要分解的机构', en: 'Choose the org unit to decompose' });
  readUnit(store, orgUnitId);
  readIndicator(store, input.indicatorId);
  const headPlanId = headOfficePlanId(store, input.year, input.indicatorId);
  const headFigure = headPlanId === null ? null : planFigure(store, orgNodes(store), headPlanId, orgUnitId, yearKey(input.year));
  const total = input.total ?? headFigure;
  if (total === null) {
    throw new AppError('INVALID_INPUT', {
      zh: `总行尚未下达 ${input.year} 年该机构的此项指标，请输入要分解的目标值`,
      en: `Head office has set no ${input.year} figure for this unit and indicator: enter the figure to decompose`,
    });
  }
  return {
    year: input.year,
    indicatorId: input.indicatorId,
    orgUnitId,
    total,
    headPlanId: input.total === undefined ? headPlanId : null,
    outletMethod: input.outletMethod,
    managerMethod: input.managerMethod,
    profile: resolveProfile(input.profile),
    gradeWeights: { ...DEFAULT_GRADE_WEIGHTS, ...(input.gradeWeights ?? {}) },
    typeWeights: { ...DEFAULT_TYPE_WEIGHTS, ...(input.typeWeights ?? {}) },
    managersOn: input.managersOn ?? defaults.day,
  };
}

/** Head office's year figures by org unit: the `head_office` method's weights and the figure shown beside the total. */
function headOfficeFigures(store: Store, planId: number | null, year: number): Map<number, number> {
  if (planId === null) return new Map();
  const rows = store.db.prepare('SELECT org_unit_id AS id, value FROM target WHERE plan_id = ? AND period = ? AND org_unit_id IS NOT NULL').all(planId, yearKey(year)) as Array<{ id: number; value: number }>;
  return new Map(rows.map((r) => [r.id, r.value]));
}

/** The rows of a fresh decomposition: the unit, its outlets (leaves), their managers in force, each weighed. */
export function buildStructure(store: Store, p: ResolvedParams, indicator: IndicatorRow): { rows: StructureRow[]; warnings: DecompositionWarning[] } {
  const nodes = orgNodes(store);
  const root = readUnit(store, p.orgUnitId);
  const warnings: DecompositionWarning[] = [];
  const basis: WeightBasis = {
    store,
    year: p.year,
    indicator,
    day: p.managersOn,
    gradeWeights: p.gradeWeights,
    typeWeights: p.typeWeights,
    headOffice: headOfficeFigures(store, headOfficePlanId(store, p.year, p.indicatorId), p.year),
  };
  const leaves = outletsUnder(nodes, root.id);
  // A unit that is itself an outlet hands its figure straight to its managers.
  const outlets: OrgNode[] = leaves.length === 1 && leaves[0]?.id === root.id ? [] : leaves;
  const managers = managersInForce(store, outlets.length === 0 ? [root.id] : outlets.map((o) => o.id), p.managersOn);
  const rootRow: StructureRow = { key: unitKey(root.id), kind: 'root', parentKey: null, orgUnitId: root.id, managerId: null, code: root.code, name: root.name, grade: null, type: null, weight: 0n };
  const rows: StructureRow[] = [rootRow];

  let mWeights = managerWeights(basis, p.managerMethod, managers);
  if (mWeights === null) {
    warnings.push({ kind: 'prior_missing', year: p.year - 1 });
    mWeights = managers.map(() => 1n);
  }
  const managerRow = (m: (typeof managers)[number], i: number, parentKey: string): StructureRow => ({
    key: managerKey(m.id),
    kind: 'manager',
    parentKey,
    orgUnitId: null,
    managerId: m.id,
    code: m.staffNo,
    name: m.name,
    grade: m.grade,
    type: m.type,
    weight: mWeights[i] ?? 0n,
  });
  const zeroCheck = (level: 'outlets' | 'managers', parentKey: string, ws: readonly bigint[]): void => {
    if (ws.length > 0 && ws.every((w) => w === 0n)) warnings.push({ kind: 'weights_all_zero', level, parentKey });
  };

  if (outlets.length === 0) {
    managers.forEach((m, i) => rows.push(managerRow(m, i, rootRow.key)));
    zeroCheck('managers', rootRow.key, mWeights);
    return { rows, warnings };
  }
  let oWeights = outletWeights(basis, p.outletMethod, outlets, managers);
  if (oWeights === null) {
    if (!warnings.some((w) => w.kind === 'prior_missing')) warnings.push({ kind: 'prior_missing', year: p.year - 1 });
    oWeights = outlets.map(() => 1n);
  }
  zeroCheck('outlets', rootRow.key, oWeights);
  outlets.forEach((o, i) => {
    const key = unitKey(o.id);
    rows.push({ key, kind: 'outlet', parentKey: rootRow.key, orgUnitId: o.id, managerId: null, code: o.code, name: o.name, grade: null, type: null, weight: oWeights[i] ?? 0n });
    const own = managers.map((m, k) => ({ m, k })).filter(({ m }) => m.orgUnitId === o.id);
    if (own.length === 0) warnings.push({ kind: 'no_managers', orgUnitId: o.id, name: o.name });
    for (const { m, k } of own) rows.push(managerRow(m, k, key));
    zeroCheck(
      'managers',
      key,
      own.map(({ k }) => mWeights[k] ?? 0n),
    );
  });
  return { rows, warnings };
}

function gridTree(rows: readonly StructureRow[]): GridUnit {
  const units = new Map<string, GridUnit>(rows.map((r) => [r.key, { key: r.key, weight: r.weight, children: [] }]));
  let root: GridUnit | undefined;
  for (const r of rows) {
    const u = units.get(r.key);
    if (u === undefined) continue;
    if (r.parentKey === null) root = u;
    else units.get(r.parentKey)?.children.push(u);
  }
  if (root === undefined) throw new Error('a decomposition without a root row');
  return root;
}

function failureError(f: GridFailure, rows: readonly StructureRow[]): AppError {
  const name = rows.find((r) => r.key === f.unitKey)?.name ?? f.unitKey;
  const what = f.over === 'children' ? { zh: '下级', en: 'the rows below' } : { zh: '各期', en: 'its periods' };
  const text =
    f.kind === 'locked_exceed'
      ? { zh: `${name} ${f.period} 的锁定值合计超过了上级目标，无法分配给${what.zh}`, en: `Locked figures exceed ${name}'s ${f.period} figure, so it cannot be spread over ${what.en}` }
      : { zh: `${name} ${f.period} 的${what.zh}都已锁定，但合计与目标不符：请解锁一格`, en: `Every figure of ${what.en} of ${name} ${f.period} is locked and they do not add up: unlock one` };
  return new AppError('INVALID_INPUT', text, { problems: [{ path: `${f.unitKey}|${f.period}`, message: text.en, text }], unitKey: f.unitKey, period: f.period, kind: f.kind });
}

/** Solves the grid for the rows and locks; locks on rows not in the decomposition are dropped. */
export function solveDecomposition(p: ResolvedParams, flow: boolean, rows: readonly StructureRow[], locks: readonly CellLock[]): { cells: Map<string, bigint>; locked: Set<string> } {
  const keys = new Set(rows.map((r) => r.key));
  const periods = new Set(flow ? periodsOf(p.year) : [yearKey(p.year)]);
  const rootKey = rows.find((r) => r.parentKey === null)?.key;
  const lockMap = new Map<string, bigint>();
  for (const l of locks) {
    const key = refKey(l);
    // The root's year is the figure being decomposed, not a lock.
    if (!keys.has(key) || !periods.has(l.period) || (key === rootKey && l.period === yearKey(p.year))) continue;
    lockMap.set(cellKey(key, l.period), BigInt(l.value));
  }
  const r = solveGrid({
    year: p.year,
    total: BigInt(p.total),
    flow,
    quarterWeights: p.profile.quarters.map(BigInt),
    monthWeights: p.profile.months.map(BigInt),
    root: gridTree(rows),
    locks: lockMap,
  });
  if (!r.ok) throw failureError(r.failure, rows);
  return { cells: r.cells, locked: new Set(lockMap.keys()) };
}

export function toView(
  store: Store,
  p: ResolvedParams,
  rows: readonly StructureRow[],
  solved: { cells: Map<string, bigint>; locked: Set<string> },
  warnings: DecompositionWarning[],
): Decomposition {
  const indicator = indicatorView(readIndicator(store, p.indicatorId));
  const periods = indicator.flow ? periodsOf(p.year) : [yearKey(p.year)];
  const headPlan = headOfficePlanId(store, p.year, p.indicatorId);
  const headOffice = headPlan === null ? null : planFigure(store, orgNodes(store), headPlan, p.orgUnitId, yearKey(p.year));
  const out = [...warnings];
  if (p.headPlanId !== null && headOffice !== p.total) out.push({ kind: 'head_office_changed', headOffice });
  const gridRows: GridRow[] = rows.map((r) => {
    const values: Record<string, number> = {};
    const locked: string[] = [];
    for (const period of periods) {
      const k = cellKey(r.key, period);
      values[period] = Number(solved.cells.get(k) ?? 0n);
      if (solved.locked.has(k)) locked.push(period);
    }
    const { weight, ...rest } = r;
    return { ...rest, weight: r.kind === 'root' ? null : Number(weight), values, locked };
  });
  return { params: p, indicator, rootName: rows[0]?.name ?? '', headOffice, periods, rows: gridRows, warnings: out };
}

/** 分解预览: the grid for the settings and locks, nothing stored. */
export function previewDecomposition(store: Store, p: ResolvedParams, locks: readonly CellLock[]): Decomposition {
  const indicator = readIndicator(store, p.indicatorId);
  const { rows, warnings } = buildStructure(store, p, indicator);
  return toView(store, p, rows, solveDecomposition(p, indicator.flow === 1, rows, locks), warnings);
}
