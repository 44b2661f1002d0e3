import type { IndicatorCompletion, Pace, TargetsSection } from '../../shared/dashboard/types.js';
import type { IndicatorView } from '../../shared/targets/decomposition.js';
import type { IndicatorSource } from '../../shared/targets/indicator-source.js';
import { daysInclusive, periodRange, yearKey } from '../../shared/targets/periods.js';
import { unitAndDescendants } from '../org/queries.js';
import { rat, roundHalfAway } from '../platform/rational.js';
import type { Store } from '../store/store.js';
import { listIndicators, readIndicator } from '../targets/context.js';
import { creditedActualsMany, periodWindow } from '../targets/credit.js';
import type { YearWindow } from '../targets/org-actuals.js';
import { orgActual, sourceOf } from '../targets/org-actuals.js';
import type { ProgressBasis } from '../targets/progress-plan.js';
import { managerBasis, progressBasis } from '../targets/progress-plan.js';

/**
 * 指标完成 on the dashboard: per indicator, the figures the targets page's progress shows for the unit's own row
 * (targets/progress.ts): the target from the same plan lookup (progressBasis), the actual from the same org-actuals
 * over the same period window, completion rounded the same way, and time elapsed to the data's date. Only the
 * unit's row is read — not its outlets and managers — which is what keeps the dashboard fast;
 * tests/integration/dashboard.test.ts checks each figure against targets.progress.
 */

export interface TargetQuery {
  year: number;
  period: string;
  /** The data's date (latest snapshot, else today). */
  asOf: string;
}

export interface IndicatorBasis {
  indicator: IndicatorView;
  source: IndicatorSource | null;
  basis: ProgressBasis;
}

/** The same rounding as targets.progress: actual ÷ target in basis points, half away from zero. */
export function completionBp(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target <= 0) return null;
  return Number(roundHalfAway(rat(BigInt(actual) * 10_000n, BigInt(target))));
}

export function windowOf(store: Store, q: TargetQuery): { w: YearWindow; elapsedBp: number; day: string } {
  const range = periodRange(q.period);
  const w = periodWindow(store, q.period, q.asOf);
  const total = daysInclusive(range.from, range.to);
  const elapsed = w.snapshot === null ? 0 : daysInclusive(range.from, w.snapshot);
  return { w, elapsedBp: Math.min(10_000, Math.round((elapsed * 10_000) / total)), day: w.to < range.from ? range.from : w.to };
}

/** A level indicator (日均) has one figure to reach for the year, whatever the period. */
const targetPeriodOf = (indicator: IndicatorView, q: TargetQuery): string => (indicator.flow ? q.period : yearKey(q.year));

function sourceFor(store: Store, indicatorId: number): IndicatorSource | null {
  const row = readIndicator(store, indicatorId);
  return sourceOf(row.code, row.source);
}

/** Each indicator's plan rows and targets for a unit, as targets.progress finds them. */
export function unitBases(store: Store, q: TargetQuery, orgUnitId: number, day: string): IndicatorBasis[] {
  return listIndicators(store).map((indicator) => ({
    indicator,
    source: sourceFor(store, indicator.id),
    basis: progressBasis(store, { year: q.year, indicatorId: indicator.id, orgUnitId, day }, targetPeriodOf(indicator, q)),
  }));
}

function pace(indicator: IndicatorView, target: number | null, actual: number | null, elapsedBp: number): { paceTarget: number | null; pace: Pace } {
  if (target === null) return { paceTarget: null, pace: 'none' };
  // A flow (净增, 销量) should have reached target × time elapsed by now; a level (日均) the target itself.
  const due = indicator.flow ? rat(BigInt(target) * BigInt(elapsedBp), 10_000n) : rat(target);
  const paceTarget = Number(roundHalfAway(due));
  if (actual === null) return { paceTarget, pace: 'none' };
  // Exact: actual against target × elapsed, with no rounding in between.
  const left = BigInt(actual) * due.den;
  const ok = indicator.direction === 'down' ? left <= due.num : left >= due.num;
  return { paceTarget, pace: ok ? 'ahead' : 'behind' };
}

function row(indicator: IndicatorView, target: number | null, actual: number | null, elapsedBp: number): IndicatorCompletion {
  return { indicator, target, actual, completionBp: completionBp(actual, target), ...pace(indicator, target, actual, elapsedBp) };
}

function section(q: TargetQuery, win: { w: YearWindow; elapsedBp: number }, whose: TargetsSection['whose'], rows: IndicatorCompletion[]): TargetsSection {
  const range = periodRange(q.period);
  return { year: q.year, period: q.period, from: range.from, to: range.to, dataAsOf: win.w.snapshot, baseline: win.w.baseline, estimate: win.w.estimate, elapsedBp: win.elapsedBp, whose, rows };
}

/**
 * The unit's own row of every indicator: its target, its clients' actual over the window, completion and pace; with
 * the plan rows and the window, which the ranking reuses.
 */
export function unitTargets(store: Store, q: TargetQuery, orgUnitId: number): { section: TargetsSection; bases: IndicatorBasis[]; w: YearWindow } {
  const win = windowOf(store, q);
  const units = unitAndDescendants(store, orgUnitId);
  const bases = unitBases(store, q, orgUnitId, win.day);
  const rows = bases.map(({ indicator, source, basis }) => {
    const root = basis.rows.find((r) => r.kind === 'root');
    const target = root === undefined ? null : (basis.targets.get(root.key) ?? null);
    const actual = source !== null && win.w.snapshot !== null ? orgActual(store, source, units, win.w) : null;
    return row(indicator, target, actual, win.elapsedBp);
  });
  return { section: section(q, win, 'unit', rows), bases, w: win.w };
}

/**
 * A client manager's own figures: targets from the newest published decomposition that names them, actuals
 * credited through the assignment history. Crediting reads every manager's book at once, so it runs only for the
 * indicators the manager has a target for — without one there is no completion to show.
 */
export function managerTargets(store: Store, q: TargetQuery, managerId: number): TargetsSection {
  const win = windowOf(store, q);
  const items = listIndicators(store).map((indicator) => {
    const basis = managerBasis(store, { year: q.year, indicatorId: indicator.id, managerId }, targetPeriodOf(indicator, q));
    const own = basis.rows[0];
    const target = own === undefined ? null : (basis.targets.get(own.key) ?? null);
    return { indicator, target, source: target === null ? null : sourceFor(store, indicator.id) };
  });
  const wanted = items.flatMap((it, i) => (it.source === null ? [] : [{ i, source: it.source }]));
  const credited = wanted.length === 0 ? [] : creditedActualsMany(store, wanted.map((x) => x.source), win.w);
  const actualOf = new Map(wanted.map((x, k) => [x.i, win.w.snapshot === null ? null : Number(credited[k]?.get(managerId) ?? 0n)]));
  const rows = items.map((it, i) => row(it.indicator, it.target, actualOf.get(i) ?? null, win.elapsedBp));
  return section(q, win, 'manager', rows);
}
