import type { CellLock, GridRow, ResolvedParams } from '../../../../shared/targets/decomposition.js';
import type { DecompositionParamsInput } from '../../../../shared/targets/decomposition.js';
import { childPeriods, parsePeriod } from '../../../../shared/targets/periods.js';

/**
 * Pure helpers of the decomposition grid: the reconciliation checks the page shows (recomputed here from the figures
 * on screen, in BigInt, so the ✓ is the page's own check and not the server's word), lock lists, and period labels.
 */
const sum = (xs: readonly number[]): bigint => xs.reduce((a, x) => a + BigInt(x), 0n);

/** Each row: its year equals its quarters, each quarter its months (for the periods shown). */
export function rowChecks(rows: readonly GridRow[], periods: readonly string[]): Record<string, boolean> {
  const shown = new Set(periods);
  const out: Record<string, boolean> = {};
  for (const r of rows) {
    out[r.key] = periods.every((p) => {
      const kids = childPeriods(p).filter((k) => shown.has(k));
      return kids.length === 0 || sum(kids.map((k) => r.values[k] ?? 0)) === BigInt(r.values[p] ?? 0);
    });
  }
  return out;
}

/** Each period: every row with rows below it equals their sum (the unit its outlets, each outlet its managers). */
export function columnChecks(rows: readonly GridRow[], periods: readonly string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const p of periods) {
    out[p] = rows.every((parent) => {
      const kids = rows.filter((r) => r.parentKey === parent.key);
      return kids.length === 0 || sum(kids.map((k) => k.values[p] ?? 0)) === BigInt(parent.values[p] ?? 0);
    });
  }
  return out;
}

export interface CellTarget {
  period: string;
  orgUnitId?: number;
  managerId?: number;
}

export function cellOf(row: GridRow, period: string): CellTarget {
  return row.managerId !== null ? { period, managerId: row.managerId } : { period, orgUnitId: row.orgUnitId ?? 0 };
}

/** The locks on screen, as the API takes them (for a preview, which keeps them only in the page). */
export function locksOf(rows: readonly GridRow[]): CellLock[] {
  return rows.flatMap((r) => r.locked.map((period) => ({ ...cellOf(r, period), value: r.values[period] ?? 0 })));
}

/** The locks with one cell set (a value) or released (null). */
export function withLock(locks: readonly CellLock[], cell: CellTarget, value: number | null): CellLock[] {
  const same = (l: CellLock): boolean => l.period === cell.period && l.managerId === cell.managerId && l.orgUnitId === cell.orgUnitId;
  const rest = locks.filter((l) => !same(l));
  return value === null ? rest : [...rest, { ...cell, value }];
}

/** What the API needs to decompose again with a stored plan's settings (for "edit as a new version"). */
export function paramsInput(p: ResolvedParams): DecompositionParamsInput {
  return {
    year: p.year,
    indicatorId: p.indicatorId,
    orgUnitId: p.orgUnitId,
    ...(p.headPlanId === null ? { total: p.total } : {}),
    outletMethod: p.outletMethod,
    managerMethod: p.managerMethod,
    profile: p.profile.kind === 'custom' ? { kind: 'custom', quarters: p.profile.quarters, months: p.profile.months } : { kind: p.profile.kind },
    gradeWeights: p.gradeWeights,
    typeWeights: p.typeWeights,
    managersOn: p.managersOn,
  };
}

export type PeriodLabel = { kind: 'year' } | { kind: 'quarter'; q: number } | { kind: 'month'; m: number };

export function periodLabel(period: string): PeriodLabel {
  const p = parsePeriod(period);
  if (p === null || p.kind === 'year') return { kind: 'year' };
  return p.kind === 'quarter' ? { kind: 'quarter', q: p.index } : { kind: 'month', m: p.index };
}
