import { monthKey, monthsOfQuarter, quarterKey, yearKey } from '../../shared/targets/periods.js';
import type { AllocationFailure } from './allocate.js';
import { allocate } from './allocate.js';
import { fillMatrix } from './matrix.js';

/**
 * The whole decomposition grid as one pure function of its inputs: units (branch → outlets → managers) by periods
 * (year → quarters → months). Every figure equals the sum of its child units for the same period and the sum of its
 * child periods for the same unit; locked cells keep their value. The order is top-down: the root's year is the
 * total; its quarters and months follow the seasonal profile; then, level by level, the children's years by their
 * weights, and their quarters and months as tables that add up both ways (fillMatrix).
 */
export interface GridUnit {
  key: string;
  /** What the parent's method weighs this unit by; ignored for the root. */
  weight: bigint;
  children: GridUnit[];
}

export interface GridInput {
  year: number;
  total: bigint;
  /** false for a level indicator (日均): only the year is decomposed, periods do not add up. */
  flow: boolean;
  quarterWeights: readonly bigint[];
  monthWeights: readonly bigint[];
  root: GridUnit;
  /** Locked figures by cellKey(unit, period). The root's year is the total and cannot be locked. */
  locks: ReadonlyMap<string, bigint>;
}

/** Where a split failed: a unit's figure for a period could not be spread over its children or its sub-periods. */
export type GridFailure = AllocationFailure & { unitKey: string; period: string; over: 'children' | 'periods' };
export type GridResult = { ok: true; cells: Map<string, bigint> } | { ok: false; failure: GridFailure };

export const cellKey = (unitKey: string, period: string): string => `${unitKey}|${period}`;

class Failed extends Error {
  constructor(readonly failure: GridFailure) {
    super(failure.kind);
  }
}

export function solveGrid(input: GridInput): GridResult {
  const cells = new Map<string, bigint>();
  const { year, root } = input;
  const lock = (unit: string, period: string): bigint | null => input.locks.get(cellKey(unit, period)) ?? null;
  const quarters = [1, 2, 3, 4].map((q) => quarterKey(year, q));
  const months = (q: number): string[] => monthsOfQuarter(q).map((m) => monthKey(year, m));
  const fail = (f: AllocationFailure, unitKey: string, period: string, over: GridFailure['over']): never => {
    throw new Failed({ ...f, unitKey, period, over });
  };

  const splitOverPeriods = (unit: string, total: bigint, periods: string[], weights: readonly bigint[], parentPeriod: string): void => {
    const r = allocate(total, [...weights], periods.map((p) => lock(unit, p)));
    if (!r.ok) fail(r.failure, unit, parentPeriod, 'periods');
    else periods.forEach((p, i) => cells.set(cellKey(unit, p), r.values[i] ?? 0n));
  };

  /** A table of children × periods whose rows are the children's figures and whose columns are the parent's. */
  const table = (parent: GridUnit, rowPeriod: (i: number) => string, periods: string[], weights: readonly bigint[]): void => {
    const kids = parent.children;
    const rows = kids.map((c, i) => cells.get(cellKey(c.key, rowPeriod(i))) ?? 0n);
    const cols = periods.map((p) => cells.get(cellKey(parent.key, p)) ?? 0n);
    const r = fillMatrix(rows, cols, weights, kids.map((c) => periods.map((p) => lock(c.key, p))));
    if (!r.ok) {
      const f = r.failure;
      const failure: AllocationFailure = f.kind === 'infeasible' ? { kind: 'nothing_unlocked', total: f.total, locked: f.locked } : f;
      if (f.axis === 'row') fail(failure, kids[f.index]?.key ?? parent.key, rowPeriod(f.index), 'periods');
      fail(failure, parent.key, periods[f.index] ?? '', 'children');
    } else {
      kids.forEach((c, i) => periods.forEach((p, j) => cells.set(cellKey(c.key, p), r.values[i]?.[j] ?? 0n)));
    }
  };

  const children = (parent: GridUnit): void => {
    const kids = parent.children;
    if (kids.length === 0) return;
    const parentYear = cells.get(cellKey(parent.key, yearKey(year))) ?? 0n;
    const years = allocate(
      parentYear,
      kids.map((c) => c.weight),
      kids.map((c) => lock(c.key, yearKey(year))),
    );
    if (!years.ok) fail(years.failure, parent.key, yearKey(year), 'children');
    else kids.forEach((c, i) => cells.set(cellKey(c.key, yearKey(year)), years.values[i] ?? 0n));
    if (input.flow) {
      table(parent, () => yearKey(year), quarters, input.quarterWeights);
      for (let q = 1; q <= 4; q++) {
        const ms = monthsOfQuarter(q);
        table(parent, () => quarterKey(year, q), months(q), ms.map((m) => input.monthWeights[m - 1] ?? 1n));
      }
    }
    for (const c of kids) children(c);
  };

  try {
    cells.set(cellKey(root.key, yearKey(year)), input.total);
    if (input.flow) {
      splitOverPeriods(root.key, input.total, quarters, input.quarterWeights, yearKey(year));
      for (let q = 1; q <= 4; q++) {
        splitOverPeriods(
          root.key,
          cells.get(cellKey(root.key, quarterKey(year, q))) ?? 0n,
          months(q),
          monthsOfQuarter(q).map((m) => input.monthWeights[m - 1] ?? 1n),
          quarterKey(year, q),
        );
      }
    }
    children(root);
    return { ok: true, cells };
  } catch (e) {
    if (e instanceof Failed) return { ok: false, failure: e.failure };
    throw e;
  }
}

/** One unit's year over quarters and months by the seasonal profile (the root row of a grid), period → figure. */
export function splitYear(
  year: number,
  total: bigint,
  quarterWeights: readonly bigint[],
  monthWeights: readonly bigint[],
  locks: ReadonlyMap<string, bigint> = new Map(),
): { ok: true; periods: Map<string, bigint> } | { ok: false; failure: GridFailure } {
  const prefixed = new Map([...locks].map(([period, v]) => [cellKey('row', period), v]));
  const r = solveGrid({ year, total, flow: true, quarterWeights, monthWeights, root: { key: 'row', weight: 1n, children: [] }, locks: prefixed });
  if (!r.ok) return r;
  return { ok: true, periods: new Map([...r.cells].map(([k, v]) => [k.slice('row|'.length), v])) };
}
