import { daysInclusive, parsePeriod, periodRange, yearKey } from '../../shared/targets/periods.js';
import type { ProgressRow, TargetProgress } from '../../shared/targets/progress.js';
import { unitAndDescendants } from '../org/queries.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { indicatorView, readIndicator } from './context.js';
import { creditedActuals, periodWindow } from './credit.js';
import { orgActual, sourceOf } from './org-actuals.js';
import { managerBasis, progressBasis } from './progress-plan.js';
import { rat, roundHalfAway } from '../platform/rational.js';

/**
 * 任务完成进度: actual against target for one period, per unit decomposed, outlet and manager.
 * Targets come from a published decomposition (progress-plan.ts); without one, from head office's plan, which has no
 * manager figures. Units' actuals are org-actuals over the period's window;
 * managers' are credited through the assignment history (credit.ts). Time elapsed is measured to the data's date,
 * so it compares like with like.
 */
export interface ProgressQuery {
  year: number;
  indicatorId: number;
  period: string;
  /** The unit decomposed (root); ignored when `planId` is given. */
  orgUnitId: number;
  planId?: number | undefined;
  asOf: string;
  /** Only this manager's row (a client manager's own progress). */
  onlyManagerId?: number | undefined;
}

function completion(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target <= 0) return null;
  return Number(roundHalfAway(rat(BigInt(actual) * 10_000n, BigInt(target))));
}

export function targetProgress(store: Store, q: ProgressQuery): TargetProgress {
  const indicatorRow = readIndicator(store, q.indicatorId);
  const indicator = indicatorView(indicatorRow);
  const parsed = parsePeriod(q.period);
  if (parsed === null || parsed.year !== q.year) throw new AppError('INVALID_INPUT', { zh: `期间“${q.period}”不属于 ${q.year} 年`, en: `Period “${q.period}” is not in ${q.year}` });
  const range = periodRange(q.period);
  const w = periodWindow(store, q.period, q.asOf);
  // A level indicator (日均) has one figure to reach for the year, whatever the period.
  const targetPeriod = indicator.flow ? q.period : yearKey(q.year);

  const basis =
    q.onlyManagerId !== undefined
      ? managerBasis(store, { year: q.year, indicatorId: q.indicatorId, managerId: q.onlyManagerId }, targetPeriod)
      : progressBasis(store, { year: q.year, indicatorId: q.indicatorId, orgUnitId: q.orgUnitId, planId: q.planId, day: w.to < range.from ? range.from : w.to }, targetPeriod);
  const { plan, rows, targets } = basis;

  const source = sourceOf(indicatorRow.code, indicatorRow.source);
  const credited = source === null || !rows.some((r) => r.managerId !== null) ? new Map<number, bigint>() : creditedActuals(store, source, w);
  const out: ProgressRow[] = rows.map((r) => {
    let actual: number | null = null;
    if (source !== null && w.snapshot !== null) {
      if (r.managerId !== null) actual = Number(credited.get(r.managerId) ?? 0n);
      else actual = orgActual(store, source, r.kind === 'root' ? unitAndDescendants(store, r.orgUnitId ?? 0) : [r.orgUnitId ?? 0], w);
    }
    const target = targets.get(r.key) ?? null;
    return { key: r.key, kind: r.kind, parentKey: r.parentKey, orgUnitId: r.orgUnitId, managerId: r.managerId, code: r.code, name: r.name, target, actual, completionBp: completion(actual, target) };
  });

  const total = daysInclusive(range.from, range.to);
  const elapsed = w.snapshot === null ? 0 : daysInclusive(range.from, w.snapshot);
  return {
    year: q.year,
    period: q.period,
    indicator,
    from: range.from,
    to: range.to,
    dataAsOf: w.snapshot,
    baseline: w.baseline,
    estimate: w.estimate,
    elapsedBp: Math.min(10_000, Math.round((elapsed * 10_000) / total)),
    plan,
    rows: out,
  };
}
