import type { SchemeItem } from '../../shared/evaluation/scheme.js';
import type { Rational } from '../platform/rational.js';
import { add, clamp, compare, div, formatDecimal, formatHundredths, formatPercent, hundredths, min, mul, ONE, percent, rat, roundHalfAway, sub, trunc, ZERO } from '../platform/rational.js';

/** What one item is scored from, for one manager and period. Figures are in the indicator's stored unit. */
export interface ItemInput {
  /** Credited through days held × share, so it may be a fraction of a fen or of a client. */
  actual: Rational | null;
  target: bigint | null;
  /** 'down': less is better (e.g. a cost); completion is target ÷ actual and differences count the other way. */
  direction: 'up' | 'down';
  /** Points entered by the supervisor (qualitative items), in hundredths. */
  entered: bigint | null;
  /** Events counted for the period (deductions). */
  count: bigint | null;
}

/** One line of an item's trace: what was computed, in both languages, and its value as shown. */
export interface TraceStep {
  zh: string;
  en: string;
  value: string;
}

export type ItemStatus = 'scored' | 'pending' | 'missing_target' | 'missing_actual';

export interface ItemScore {
  key: string;
  /** Hundredths of a point; null while pending or when a figure is missing. */
  points: bigint | null;
  /** actual ÷ target (or target ÷ actual when less is better); null where there is none. */
  completion: Rational | null;
  status: ItemStatus;
  trace: TraceStep[];
}

const pts = (x: Rational): string => formatHundredths(roundHalfAway(mul(x, rat(100))));
const step = (zh: string, en: string, value: string): TraceStep => ({ zh, en, value });

/**
 * Completion of an item. A non-positive target cannot make a ratio (a 净增 target of 0 or below): reaching it counts
 * as 100%, missing it as 0%. When less is better, an actual of 0 or below is the best possible, counted as the cap
 * of the method (or 100% for bands and thresholds).
 */
export function completionOf(input: ItemInput, best: Rational): Rational | null {
  if (input.actual === null || input.target === null) return null;
  const { actual } = input;
  const target = rat(input.target);
  if (input.direction === 'up') {
    if (input.target <= 0n) return compare(actual, target) >= 0 ? ONE : ZERO;
    return div(actual, target);
  }
  if (compare(actual, ZERO) <= 0) return best;
  if (input.target <= 0n) return compare(actual, target) <= 0 ? ONE : ZERO;
  return div(target, actual);
}

/**
 * Scores one item on its own (gates between items are applied by the scorecard). Every branch leaves a trace
 * that reads as the hand calculation: inputs, completion, the method's formula with numbers, caps, rounding.
 */
export function scoreItem(item: SchemeItem, input: ItemInput): ItemScore {
  const weight = rat(hundredths(item.weight), 100n);
  const trace: TraceStep[] = [step('权重', 'Weight', pts(weight))];
  const m = item.method;
  const done = (points: Rational, completion: Rational | null): ItemScore => {
    let p = points;
    const lo = item.minPoints === undefined ? null : rat(hundredths(item.minPoints), 100n);
    const hi = item.maxPoints === undefined ? null : rat(hundredths(item.maxPoints), 100n);
    const clamped = clamp(p, lo, hi);
    if (compare(clamped, p) !== 0) {
      trace.push(step(compare(clamped, p) < 0 ? '封顶' : '保底', compare(clamped, p) < 0 ? 'Capped at' : 'Floored at', pts(clamped)));
      p = clamped;
    }
    const cp = roundHalfAway(mul(p, rat(100)));
    trace.push(step('得分（四舍五入到 0.01）', 'Points (rounded to 0.01)', formatHundredths(cp)));
    return { key: item.key, points: cp, completion, status: 'scored', trace };
  };

  if (m.type === 'entered') {
    if (input.entered === null) return { key: item.key, points: null, completion: null, status: 'pending', trace: [...trace, step('待主管评分', 'Awaiting the supervisor’s score', '—')] };
    const entered = rat(input.entered, 100n);
    trace.push(step('主管评分', 'Supervisor’s score', pts(entered)));
    return done(clamp(entered, ZERO, weight), null);
  }
  if (m.type === 'deduction') {
    const count = input.count ?? 0n;
    const each = rat(hundredths(m.pointsEach), 100n);
    const total = mul(each, rat(count));
    const cap = rat(hundredths(m.maxPoints), 100n);
    trace.push(step('次数', 'Count', count.toString()), step('每次扣分', 'Points off each', pts(each)), step('扣分上限', 'Most off', pts(cap)));
    return done(sub(ZERO, min(total, cap)), null);
  }

  if (input.actual === null) return { key: item.key, points: null, completion: null, status: 'missing_actual', trace: [...trace, step('缺少实际值', 'No actual figure', '—')] };
  trace.push(step('实际', 'Actual', formatDecimal(input.actual)));
  if (input.target === null) return { key: item.key, points: null, completion: null, status: 'missing_target', trace: [...trace, step('缺少目标值', 'No target', '—')] };
  trace.push(step('目标', 'Target', input.target.toString()));
  const best = m.type === 'ratio' ? percent(m.capPct) : ONE;
  const completion = completionOf(input, best);
  if (completion === null) return { key: item.key, points: null, completion: null, status: 'missing_actual', trace };
  trace.push(step(input.direction === 'up' ? '完成率 = 实际 ÷ 目标' : '完成率 = 目标 ÷ 实际', input.direction === 'up' ? 'Completion = actual ÷ target' : 'Completion = target ÷ actual', `${formatPercent(completion)}%`));
  const raw = methodPoints(m, weight, completion, { ...input, actual: input.actual, target: input.target }, trace);
  if (item.zeroBelowPct !== undefined && compare(completion, percent(item.zeroBelowPct)) < 0) {
    // Below the threshold nothing is earned, but a penalty the method gives still counts: falling further below
    // must never score better than just missing the target.
    const kept = min(raw, ZERO);
    trace.push(step(`低于门槛 ${item.zeroBelowPct}%，不得分`, `Below the ${item.zeroBelowPct}% threshold: no points earned`, pts(kept)));
    return done(kept, completion);
  }
  return done(raw, completion);
}

/** The method's points before the item's threshold, cap and floor. */
function methodPoints(m: Exclude<SchemeItem['method'], { type: 'entered' | 'deduction' }>, weight: Rational, completion: Rational, input: ItemInput & { actual: Rational; target: bigint }, trace: TraceStep[]): Rational {
  if (m.type === 'ratio') {
    const used = clamp(completion, percent(m.floorPct), percent(m.capPct));
    if (compare(used, completion) !== 0) trace.push(step(`完成率按 ${m.floorPct}%–${m.capPct}% 计`, `Completion counted within ${m.floorPct}%–${m.capPct}%`, `${formatPercent(used)}%`));
    trace.push(step('得分 = 权重 × 完成率', 'Points = weight × completion', pts(mul(weight, used))));
    return mul(weight, used);
  }
  if (m.type === 'bands') {
    const bands = [...m.bands].sort((a, b) => b.fromPct - a.fromPct);
    const band = bands.find((b) => compare(completion, percent(b.fromPct)) >= 0);
    const share = band === undefined ? ZERO : percent(band.scorePct);
    trace.push(
      band === undefined
        ? step('未达到最低档', 'Below the lowest band', '0')
        : step(`完成率 ≥ ${band.fromPct}% 档：权重 × ${band.scorePct}%`, `Band ≥ ${band.fromPct}%: weight × ${band.scorePct}%`, pts(mul(weight, share))),
    );
    return mul(weight, share);
  }
  // difference: weight at target, points per full (or pro-rata) unit above or below.
  const target = rat(input.target);
  const diff = input.direction === 'up' ? sub(input.actual, target) : sub(target, input.actual);
  const above = compare(diff, ZERO) >= 0;
  const perUnit = div(diff, rat(BigInt(m.per)));
  const units = m.prorate ? perUnit : rat(trunc(perUnit));
  const rate = rat(hundredths(above ? m.pointsAbove : m.pointsBelow), 100n);
  const delta = mul(units, rate);
  trace.push(
    step('差额', 'Difference', formatDecimal(diff)),
    step(`按每 ${m.per} 计${m.prorate ? '（按比例）' : '（整单位）'}`, `Per ${m.per}${m.prorate ? ' (pro rata)' : ' (whole units)'}`, pts(units)),
    step(above ? '得分 = 权重 + 单位数 × 加分' : '得分 = 权重 − 单位数 × 减分', above ? 'Points = weight + units × points above' : 'Points = weight − units × points below', pts(add(weight, delta))),
  );
  return add(weight, delta);
}
