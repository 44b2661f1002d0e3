import type { IndicatorView } from '../../shared/targets/decomposition.js';
import { parsePeriod, periodRange, yearKey } from '../../shared/targets/periods.js';
import type { ProgressRow, TargetProgress } from '../../shared/targets/progress.js';
import { latestSnapshotAsOf } from '../book/config-store.js';
import { localIsoDate } from '../platform/clock.js';
import type { Rational } from '../platform/rational.js';
import { ZERO, add, rat, roundHalfAway } from '../platform/rational.js';
import type { Store } from '../store/store.js';
import { listIndicators, readIndicator } from '../targets/context.js';
import { orgActual, sourceOf } from '../targets/org-actuals.js';
import { unitAndDescendants } from '../org/queries.js';
import { periodWindow } from '../targets/credit.js';
import { progressBasis } from '../targets/progress-plan.js';
import { targetProgress } from '../targets/progress.js';
import type { ReportColumn, ReportValue } from '../../shared/reports/report.js';
import type { ReportScope } from './scope.js';
import { col, exact } from './table.js';

/**
 * Target progress (electron/targets/progress.ts) of the indicators with a data source, for each reported unit — what
 * the target-completion report lists and what a ranking falls back on when no evaluation run exists.
 */
export interface CompletionBasis {
  /** The data's date the progress is read at (the latest snapshot, as the targets page reads it). */
  asOf: string;
  progress: Array<{ indicator: IndicatorView; rootId: number; progress: Pick<TargetProgress, 'rows' | 'plan' | 'dataAsOf' | 'estimate' | 'elapsedBp'> }>;
}

/** Which rows must have a target for an indicator's progress to be worth computing. */
export type TargetsNeeded = 'any' | 'outlet' | 'manager';

/** The data's date: the latest snapshot, else the calendar day of `now`. */
export function dataDay(store: Store, now: Date): string {
  return latestSnapshotAsOf(store) ?? localIsoDate(now);
}

/** The day progress takes its rows (managers in post) on: the window's end, not before the period's start. */
export function progressDay(store: Store, scope: ReportScope, now: Date): string {
  const range = periodRange(scope.period);
  const w = periodWindow(store, scope.period, dataDay(store, now));
  return w.to < range.from ? range.from : w.to;
}

/**
 * Progress is computed only for the indicators whose plan gives the needed rows a target in the period: crediting
 * actuals is the expensive part, and an indicator nobody has a target for adds nothing to a completion. The plan and
 * its rows are looked up the way targetProgress does (progressBasis, the same day and target period).
 */
export function completionBasis(store: Store, scope: ReportScope, now: Date, needed: TargetsNeeded): CompletionBasis {
  const asOf = dataDay(store, now);
  const year = parsePeriod(scope.period)?.year ?? Number(scope.period.slice(0, 4));
  const day = progressDay(store, scope, now);
  const out: CompletionBasis['progress'] = [];
  const w = periodWindow(store, scope.period, asOf);
  for (const indicator of listIndicators(store).filter((i) => i.hasSource)) {
    for (const root of scope.roots) {
      const targetPeriod = indicator.flow ? scope.period : yearKey(year);
      const basis = progressBasis(store, { year, indicatorId: indicator.id, orgUnitId: root.id, day }, targetPeriod);
      const wanted = basis.rows.some((r) => basis.targets.get(r.key) !== undefined && (needed === 'any' || (needed === 'manager' ? r.kind === 'manager' : r.kind !== 'manager')));
      if (!wanted) continue;
      if (needed !== 'outlet') {
        out.push({ indicator, rootId: root.id, progress: targetProgress(store, { year, indicatorId: indicator.id, period: scope.period, orgUnitId: root.id, asOf }) });
        continue;
      }
      // Units only: their actuals by the clients' outlet (org-actuals.ts), as progress reads them, without
      // crediting every manager (the costly part an outlet ranking does not need).
      const source = sourceOf(indicator.code, readIndicator(store, indicator.id).source);
      const rows: ProgressRow[] = basis.rows
        .filter((r) => r.kind !== 'manager')
        .map((r) => {
          const target = basis.targets.get(r.key) ?? null;
          const actual = source === null || r.orgUnitId === null ? null : orgActual(store, source, r.kind === 'root' ? unitAndDescendants(store, r.orgUnitId) : [r.orgUnitId], w);
          const c = completionOf({ actual, target });
          return { key: r.key, kind: r.kind, parentKey: r.parentKey, orgUnitId: r.orgUnitId, managerId: null, code: r.code, name: r.name, target, actual, completionBp: c === null ? null : Number(roundHalfAway(rat(c.num * 10_000n, c.den))) };
        });
      out.push({ indicator, rootId: root.id, progress: { rows, plan: basis.plan, dataAsOf: w.snapshot, estimate: w.estimate, elapsedBp: 0 } });
    }
  }
  return { asOf, progress: out };
}

/** actual ÷ target as an exact fraction; null unless the target is positive and the actual known. */
export function completionOf(row: Pick<ProgressRow, 'actual' | 'target'>): Rational | null {
  if (row.actual === null || row.target === null || row.target <= 0) return null;
  return rat(BigInt(row.actual), BigInt(row.target));
}

/** Collects completions per key (a manager's or an outlet's) over the indicators, then averages them. */
export class CompletionMean {
  private readonly sums = new Map<string, { sum: Rational; n: number; byIndicator: Map<string, number> }>();

  add(key: string, indicatorCode: string, row: ProgressRow): void {
    const c = completionOf(row);
    if (c === null) return;
    const s = this.sums.get(key) ?? { sum: ZERO, n: 0, byIndicator: new Map<string, number>() };
    s.sum = add(s.sum, c);
    s.n += 1;
    s.byIndicator.set(indicatorCode, Number(roundHalfAway({ num: c.num * 10_000n, den: c.den })));
    this.sums.set(key, s);
  }

  /** The mean completion in basis points, rounded half away from zero once; null without any target. */
  meanBp(key: string): bigint | null {
    const s = this.sums.get(key);
    if (s === undefined || s.n === 0) return null;
    return roundHalfAway(rat(s.sum.num * 10_000n, s.sum.den * BigInt(s.n)));
  }

  count(key: string): number {
    return this.sums.get(key)?.n ?? 0;
  }

  bp(key: string, indicatorCode: string): number | null {
    return this.sums.get(key)?.byIndicator.get(indicatorCode) ?? null;
  }
}

/** The completion columns of a ranking by completion: one per indicator, how many counted, and their mean. */
export function completionColumns(codes: readonly string[], names: ReadonlyMap<string, string>): ReportColumn[] {
  return [
    ...codes.map((c) => col(`c_${c}`, `${names.get(c) ?? c}完成率`, `${c} completion`, 'basisPoints')),
    col('indicators', '考核指标数', 'Indicators', 'count'),
    col('completion', '平均完成率', 'Mean completion', 'basisPoints'),
  ];
}

/** A ranked row's completion cells (see completionColumns); `mean` in basis points. */
export function completionCells(codes: readonly string[], means: CompletionMean, key: string, mean: bigint | null): Record<string, ReportValue> {
  return {
    ...Object.fromEntries(codes.map((c) => [`c_${c}`, means.bp(key, c)])),
    indicators: means.count(key),
    completion: exact(mean),
  };
}

export function completionBasisText(b: CompletionBasis): { zh: string; en: string } {
  return {
    zh: `无该期考核，按各指标任务完成率（实际 ÷ 任务）的平均值排名；数据截至 ${b.asOf}`,
    en: `No evaluation run for the period: ranked by the mean target completion (actual ÷ target) over the indicators; data as of ${b.asOf}`,
  };
}
