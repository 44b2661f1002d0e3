import type { BookConfig, Curve } from '../../shared/book/config.js';
import { QUADRANT_LABELS, TIER_LABELS } from '../../shared/book/labels.js';
import type { Quadrant } from '../../shared/book/labels.js';
import type { ComponentUnit, ContributionKey, LoyaltyKey, ScoreBreakdown, ScoreComponent, TierExplanation } from '../../shared/book/types.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import { formatFen } from '../../shared/model/money.js';
import type { ClientTier } from '../../shared/model/client.js';
import { curvePointsTenths, divRoundHalfUp } from './curve.js';

/**
 * The score formulas, one function each, pure. The bulk recompute and the single-client explanation both
 * call these, so a client page can never show a different number from the stored one. docs/book.md
 * writes every formula out with a worked example.
 */

/** One line of an explanation, listed in the same order as the *Tenths function takes its values. */
interface ComponentSpec<K extends string> {
  key: K;
  label: LocalizedText;
  unit: ComponentUnit;
  /** null = the data is not there; the component is absent. */
  value: number | null;
  weight: number;
}

/** The numbers of a weighted score alone: what the bulk recompute stores. */
export interface ScoreTenths {
  totalTenths: number;
  /** Per component, in the order given; null when absent. */
  pointsTenths: Array<number | null>;
}

/**
 * Σ(weightᵢ × pointsᵢ) ÷ Σ(weightᵢ) over the present components, with points in integer tenths, so the
 * total is exact rational arithmetic rounded half up once. Absent components drop out of both sums.
 */
export function weightedTenths(values: ReadonlyArray<number | null>, weights: readonly number[], curves: readonly Curve[]): ScoreTenths {
  const pointsTenths: Array<number | null> = [];
  let weightSum = 0;
  let weighted = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const curve = curves[i];
    if (v === null || v === undefined || curve === undefined) {
      pointsTenths.push(null);
      continue;
    }
    const p = curvePointsTenths(curve, v);
    const w = weights[i] ?? 0;
    pointsTenths.push(p);
    weightSum += w;
    weighted += w * p;
  }
  return { totalTenths: weightSum === 0 ? 0 : divRoundHalfUp(weighted, weightSum), pointsTenths };
}

/**
 * The explanation of a weighted score: the numbers come from the same *Tenths function the bulk recompute
 * stores (given as `numbers`), each line spelled out with its value, weight, share and contribution.
 */
function explain<K extends string>(specs: ReadonlyArray<ComponentSpec<K>>, numbers: ScoreTenths): ScoreBreakdown<K> {
  const { totalTenths, pointsTenths } = numbers;
  let weightSum = 0;
  specs.forEach((s, i) => {
    if (pointsTenths[i] !== null) weightSum += s.weight;
  });
  const components = specs.map((s, i): ScoreComponent<K> => {
    const p = pointsTenths[i] ?? null;
    const present = p !== null;
    return {
      key: s.key,
      label: s.label,
      unit: s.unit,
      value: s.value,
      present,
      points: p === null ? null : p / 10,
      pointsTenths: p,
      weight: s.weight,
      share: present && weightSum > 0 ? divRoundHalfUp(s.weight * 1000, weightSum) / 10 : 0,
      contribution: present && weightSum > 0 ? divRoundHalfUp(s.weight * p, weightSum) / 10 : 0,
    };
  });
  return { total: totalTenths / 10, totalTenths, components, absent: specs.filter((s) => s.value === null).map((s) => s.key) };
}

export interface ContributionInputs {
  aumFen: number;
  /** Sum of daily averages of the AUM products; null when none was imported. */
  avgAumFen: number | null;
  loanFen: number;
  /** Product income (中间业务收入); null while no import carries it. */
  incomeFen: number | null;
}

function contributionSpecs(input: ContributionInputs, config: BookConfig): Array<ComponentSpec<ContributionKey>> {
  const w = config.contribution.weights;
  return [
    { key: 'aum', label: { zh: '金融资产时点余额', en: 'AUM (point-in-time)' }, unit: 'fen', value: input.aumFen, weight: w.aum },
    { key: 'avgAum', label: { zh: '金融资产月日均', en: 'AUM (daily average)' }, unit: 'fen', value: input.avgAumFen, weight: w.avgAum },
    { key: 'loan', label: { zh: '贷款余额', en: 'Loan balance' }, unit: 'fen', value: input.loanFen, weight: w.loan },
    { key: 'income', label: { zh: '产品收入', en: 'Product income' }, unit: 'fen', value: input.incomeFen, weight: w.income },
  ];
}

/** 贡献度 numbers: points of aum, avgAum, loan, income (in that order) and the total, in tenths. */
export function contributionTenths(input: ContributionInputs, config: BookConfig): ScoreTenths {
  const { weights: w, curves: c } = config.contribution;
  return weightedTenths([input.aumFen, input.avgAumFen, input.loanFen, input.incomeFen], [w.aum, w.avgAum, w.loan, w.income], [c.aum, c.avgAum, c.loan, c.income]);
}

/** 贡献度 explained: AUM, daily-average AUM, loan balance and product income, each on its curve, weighted. */
export function contributionScore(input: ContributionInputs, config: BookConfig): ScoreBreakdown<ContributionKey> {
  return explain(contributionSpecs(input, config), contributionTenths(input, config));
}

export interface LoyaltyInputs {
  /** Full months since the account was opened; null when the open date is unknown. */
  tenureMonths: number | null;
  productTypes: number;
  /** 1 − CV of AUM across snapshots, per-mille; null with too few snapshots. */
  stabilityPermille: number | null;
  txnCount: number;
  /** Months the transaction count is spread over (≥ 1). */
  activityMonths: number;
}

/** Transactions per month, the activity component's value. */
export function txnsPerMonth(txnCount: number, activityMonths: number): number {
  return txnCount / Math.max(1, activityMonths);
}

function loyaltySpecs(input: LoyaltyInputs, config: BookConfig): Array<ComponentSpec<LoyaltyKey>> {
  const w = config.loyalty.weights;
  return [
    { key: 'tenure', label: { zh: '客户关系年限', en: 'Tenure' }, unit: 'months', value: input.tenureMonths, weight: w.tenure },
    { key: 'products', label: { zh: '持有产品种类', en: 'Product types held' }, unit: 'count', value: input.productTypes, weight: w.products },
    { key: 'stability', label: { zh: '余额稳定性', en: 'Balance stability' }, unit: 'permille', value: input.stabilityPermille, weight: w.stability },
    {
      key: 'activity',
      label: { zh: '交易活跃度', en: 'Transaction frequency' },
      unit: 'per_month',
      value: txnsPerMonth(input.txnCount, input.activityMonths),
      weight: w.activity,
    },
  ];
}

/** 忠诚度 numbers: points of tenure, products, stability, activity (in that order) and the total, in tenths. */
export function loyaltyTenths(input: LoyaltyInputs, config: BookConfig): ScoreTenths {
  const { weights: w, curves: c } = config.loyalty;
  return weightedTenths(
    [input.tenureMonths, input.productTypes, input.stabilityPermille, txnsPerMonth(input.txnCount, input.activityMonths)],
    [w.tenure, w.products, w.stability, w.activity],
    [c.tenure, c.products, c.stability, c.activity],
  );
}

/** 忠诚度 explained: tenure, product types held, balance stability and transaction frequency, weighted. */
export function loyaltyScore(input: LoyaltyInputs, config: BookConfig): ScoreBreakdown<LoyaltyKey> {
  return explain(loyaltySpecs(input, config), loyaltyTenths(input, config));
}

/**
 * Balance stability: 1 − (population standard deviation ÷ mean) of the AUM values, clipped to [0, 1] and
 * given in per-mille rounded half up. `values` start at the client's first snapshot with assets; fewer than
 * `minSnapshots` values → null (not scored).
 */
export function stabilityPermille(values: ArrayLike<number>, minSnapshots: number): number | null {
  const n = values.length;
  if (n < minSnapshots || n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] ?? 0; // integer fen: exact below 2^53
  const mean = sum / n;
  if (mean <= 0) return 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] ?? 0) - mean;
    squares += d * d;
  }
  const cv = Math.sqrt(squares / n) / mean;
  // Snapped before rounding half up, as in toTenths, so float noise cannot flip an exact .5.
  return Math.round(Math.round(Math.min(1, Math.max(0, 1 - cv)) * 1e9) / 1e6);
}

const TIER_ORDER: ReadonlyArray<Exclude<ClientTier, 'standard'>> = ['private', 'diamond', 'platinum', 'gold'];

/** The value tiers compare: the basis amount, or the point AUM when the daily average is asked for but absent. */
export function tierBasisFen(input: { aumFen: number; avgAumFen: number | null }, config: BookConfig): number {
  return config.tiers.basis === 'avg_aum' && input.avgAumFen !== null ? input.avgAumFen : input.aumFen;
}

/** 客户等级: the highest tier whose threshold (inclusive) the basis value reaches; 普通 below 金卡. */
export function tierCode(input: { aumFen: number; avgAumFen: number | null }, config: BookConfig): ClientTier {
  const value = tierBasisFen(input, config);
  const t = config.tiers.thresholdsFen;
  for (const tier of TIER_ORDER) if (value >= t[tier]) return tier;
  return 'standard';
}

/** The tier with the rule that decided it, for the client page. */
export function tierOf(input: { aumFen: number; avgAumFen: number | null }, config: BookConfig): TierExplanation {
  const { basis, thresholdsFen } = config.tiers;
  const basisFallback = basis === 'avg_aum' && input.avgAumFen === null;
  const valueFen = tierBasisFen(input, config);
  const tier = tierCode(input, config);
  const thresholdFen = tier === 'standard' ? 0 : thresholdsFen[tier];
  const onPoint = basis === 'aum' || basisFallback;
  const next = [...TIER_ORDER].reverse().find((t) => thresholdsFen[t] > valueFen);
  const nextFen = next === undefined ? null : thresholdsFen[next];
  return {
    tier,
    label: TIER_LABELS[tier],
    basis,
    valueFen,
    basisFallback,
    thresholdFen,
    rule: {
      zh: `${onPoint ? '金融资产时点余额' : '金融资产月日均'} ${formatFen(valueFen)} 元 ≥ ${formatFen(thresholdFen)} 元${nextFen === null ? '' : `，低于下一等级门槛 ${formatFen(nextFen)} 元`}`,
      en: `${onPoint ? 'Point-in-time AUM' : 'Daily-average AUM'} ${formatFen(valueFen)} yuan ≥ ${formatFen(thresholdFen)} yuan${nextFen === null ? '' : `, below the next tier's ${formatFen(nextFen)} yuan`}`,
    },
  };
}

/** The quadrant: a score at or above the cut is "high". Both scores and the cut compare in tenths. */
export function quadrantOf(contributionTenths: number, loyaltyTenths: number, config: BookConfig): Quadrant {
  const cut = Math.round(config.quadrantCut * 10);
  const hc = contributionTenths >= cut;
  const hl = loyaltyTenths >= cut;
  return hc ? (hl ? 'hc_hl' : 'hc_ll') : hl ? 'lc_hl' : 'lc_ll';
}

export function quadrantRule(quadrant: Quadrant, config: BookConfig): LocalizedText {
  return {
    zh: `${QUADRANT_LABELS[quadrant].zh}：贡献度与忠诚度以 ${config.quadrantCut.toFixed(1)} 分为界（达到即为“高”）`,
    en: `${QUADRANT_LABELS[quadrant].en}: both scores are "high" at ${config.quadrantCut.toFixed(1)} or above`,
  };
}
