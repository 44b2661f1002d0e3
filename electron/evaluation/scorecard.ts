import type { Scheme, SchemeItem } from '../../shared/evaluation/scheme.js';
import type { ManagerGrade } from '../../shared/model/manager.js';
import { calculationOrder } from './validate-scheme.js';
import { compare, formatHundredths, mul, percent, rat, roundHalfAway } from '../platform/rational.js';
import type { ItemInput, ItemScore, TraceStep } from './score-item.js';
import { scoreItem } from './score-item.js';

export interface ManagerInputs {
  managerId: number;
  grade: ManagerGrade;
  /** The outlet's org unit code (difficulty coefficient). */
  outletCode: string | null;
  items: Readonly<Record<string, ItemInput>>;
}

export type Outcome = 'promote' | 'maintain' | 'demote';

export interface Scorecard {
  managerId: number;
  items: ItemScore[];
  /** Hundredths of a point. Quantitative = data-sourced items before coefficients. */
  quantitative: bigint;
  coefficient: { grade: number; outlet: number };
  /** Quantitative × grade × outlet coefficient, rounded to 0.01. */
  adjusted: bigint;
  qualitative: bigint;
  deductions: bigint;
  /** null until every item has its points (qualitative scores entered, every target and actual present). */
  total: bigint | null;
  outcome: Outcome | null;
  trace: TraceStep[];
}

const isQualitative = (i: SchemeItem): boolean => i.source.kind === 'qualitative';
const isDeduction = (i: SchemeItem): boolean => i.method.type === 'deduction';

/**
 * One manager's scorecard. Items are scored in calculation order so a gated item sees the completion of the item
 * it depends on. Then: data-sourced items sum to the quantitative subtotal, which the grade and outlet coefficients
 * multiply; qualitative items and deductions are added as they are; the total is floored at 0 and capped at the
 * scheme's maximum.
 */
export function scoreManager(scheme: Scheme, inputs: ManagerInputs): Scorecard {
  const scores = new Map<string, ItemScore>();
  for (const item of calculationOrder(scheme.items)) {
    const input = inputs.items[item.key] ?? { actual: null, target: null, direction: 'up', entered: null, count: null };
    let score = scoreItem(item, input);
    if (item.gate !== undefined && score.points !== null) {
      const gate = scores.get(item.gate.item);
      const reached = gate?.completion !== null && gate?.completion !== undefined && compare(gate.completion, percent(item.gate.minPct)) >= 0;
      if (!reached) {
        score = {
          ...score,
          points: 0n,
          trace: [...score.trace, { zh: `前置指标「${item.gate.item}」完成率未达 ${item.gate.minPct}%，本项不得分`, en: `“${item.gate.item}” below ${item.gate.minPct}%: this item scores 0`, value: '0.00' }],
        };
      }
    }
    scores.set(item.key, score);
  }
  const ordered = scheme.items.map((i) => scores.get(i.key) as ItemScore);
  const sum = (pick: (i: SchemeItem) => boolean): bigint => scheme.items.filter(pick).reduce((s, i) => s + (scores.get(i.key)?.points ?? 0n), 0n);
  const quantitative = sum((i) => !isQualitative(i) && !isDeduction(i));
  const qualitative = sum(isQualitative);
  const deductions = sum(isDeduction);
  const gradeCoef = scheme.coefficients.grade[inputs.grade] ?? 1;
  const outletCoef = inputs.outletCode === null ? 1 : (scheme.coefficients.outlet[inputs.outletCode] ?? 1);
  const adjusted = roundHalfAway(mul(mul(rat(quantitative), percent(gradeCoef * 100)), percent(outletCoef * 100)));
  const trace: TraceStep[] = [
    { zh: '指标得分', en: 'Quantitative points', value: formatHundredths(quantitative) },
    { zh: `× 职级系数 ${gradeCoef} × 网点系数 ${outletCoef}`, en: `× grade ${gradeCoef} × outlet ${outletCoef}`, value: formatHundredths(adjusted) },
    { zh: '定性得分', en: 'Qualitative points', value: formatHundredths(qualitative) },
    { zh: '扣分', en: 'Deductions', value: formatHundredths(deductions) },
  ];
  const complete = ordered.every((s) => s.points !== null);
  let total: bigint | null = null;
  if (complete) {
    let t = adjusted + qualitative + deductions;
    if (t < 0n) t = 0n;
    const cap = scheme.maxTotal === undefined ? null : BigInt(Math.round(scheme.maxTotal * 100));
    if (cap !== null && t > cap) {
      trace.push({ zh: '总分封顶', en: 'Total capped at', value: formatHundredths(cap) });
      t = cap;
    }
    total = t;
    trace.push({ zh: '总分', en: 'Total', value: formatHundredths(t) });
  }
  return { managerId: inputs.managerId, items: ordered, quantitative, coefficient: { grade: gradeCoef, outlet: outletCoef }, adjusted, qualitative, deductions, total, outcome: outcomeOf(scheme, inputs.grade, total), trace };
}

/** 晋升 at or above the grade's promote line, 降级 below its maintain line, otherwise 维持. */
export function outcomeOf(scheme: Pick<Scheme, 'gradeRules'>, grade: ManagerGrade, total: bigint | null): Outcome | null {
  if (total === null) return null;
  const rule = scheme.gradeRules.find((r) => r.grade === grade);
  if (rule === undefined) return null;
  if (rule.promoteAt !== null && total >= BigInt(Math.round(rule.promoteAt * 100))) return 'promote';
  if (total < BigInt(Math.round(rule.maintainAt * 100))) return 'demote';
  return 'maintain';
}

/**
 * Competition ranking (1, 2, 2, 4) by total, highest first; managers without a total are not ranked. The bottom
 * `bottom` places (by rank) get the 末位 warning.
 */
export function rank(cards: ReadonlyArray<{ managerId: number; total: bigint | null }>, bottom: number): Map<number, { rank: number; of: number; bottom: boolean }> {
  const ranked = cards.filter((c) => c.total !== null).sort((a, b) => (a.total === b.total ? a.managerId - b.managerId : (b.total as bigint) > (a.total as bigint) ? 1 : -1));
  const out = new Map<number, { rank: number; of: number; bottom: boolean }>();
  let place = 0;
  ranked.forEach((c, i) => {
    if (i === 0 || c.total !== ranked[i - 1]?.total) place = i + 1;
    out.set(c.managerId, { rank: place, of: ranked.length, bottom: false });
  });
  if (bottom > 0 && ranked.length > bottom) {
    const last = ranked[ranked.length - bottom] as { total: bigint | null };
    for (const c of ranked) if ((c.total as bigint) <= (last.total as bigint)) (out.get(c.managerId) as { bottom: boolean }).bottom = true;
  }
  return out;
}
