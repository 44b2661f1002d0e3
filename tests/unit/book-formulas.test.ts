import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOK_CONFIG, bookConfigSchema } from '../../shared/book/config.js';
import type { BookConfig } from '../../shared/book/config.js';
import { SEGMENT_CODES, defaultStrategy, segmentLabel } from '../../shared/book/labels.js';
import { countProductTypes, productBit } from '../../shared/book/products.js';
import { curvePointsTenths, divRoundHalfUp, toTenths } from '../../electron/book/curve.js';
import { addMonths, fullMonthsBetween, nextDay } from '../../electron/book/dates.js';
import { contributionScore, contributionTenths, loyaltyScore, quadrantOf, stabilityPermille, tierCode, tierOf, weightedTenths } from '../../electron/book/formulas.js';
import { explainFacts, scoreFacts } from '../../electron/book/score-row.js';
import type { ClientFacts } from '../../electron/book/score-row.js';
import { explainStage, lifecycleStage, stageInputsOf } from '../../electron/book/stage.js';

const C = DEFAULT_BOOK_CONFIG;
const WAN = 1_000_000; // 1 万元 in fen

describe('rounding', () => {
  it('rounds to tenths half up, immune to binary float noise', () => {
    expect(toTenths(12.34)).toBe(123);
    expect(toTenths(12.35)).toBe(124); // 12.35 is 12.3499999… in binary; by hand it rounds up
    expect(toTenths(0.05)).toBe(1);
    expect(toTenths((7 / 12) * 30)).toBe(175); // 17.5 exactly by hand
    expect(toTenths(100)).toBe(1000);
  });
  it('divides integers rounding half up', () => {
    expect(divRoundHalfUp(5, 2)).toBe(3); // 2.5 → 3
    expect(divRoundHalfUp(4, 3)).toBe(1); // 1.33 → 1
    expect(divRoundHalfUp(5, 3)).toBe(2); // 1.67 → 2
    expect(divRoundHalfUp(54750, 100)).toBe(548); // 547.5 → 548
  });
});

describe('piecewise-linear curves', () => {
  const aum = C.contribution.curves.aum; // 0→0, 5万→40, 50万→70, 200万→90, 600万→100
  it('is flat outside the reference points', () => {
    expect(curvePointsTenths(aum, -500)).toBe(0);
    expect(curvePointsTenths(aum, 0)).toBe(0);
    expect(curvePointsTenths(aum, 600 * WAN)).toBe(1000);
    expect(curvePointsTenths(aum, 5000 * WAN)).toBe(1000);
    expect(curvePointsTenths(C.loyalty.curves.stability, 300)).toBe(0); // first point is (500‰, 0)
  });
  it('interpolates between neighbours', () => {
    expect(curvePointsTenths(aum, 2.75 * WAN)).toBe(220); // 2.75M × 40 / 5M = 22.0
    expect(curvePointsTenths(aum, 27.5 * WAN)).toBe(550); // 40 + 22.5M × 30 / 45M = 55.0
    expect(curvePointsTenths(aum, 5 * WAN)).toBe(400); // exactly on a point
    expect(curvePointsTenths(aum, 54 * WAN)).toBe(705); // 70 + 4M × 20 / 150M = 70.533
    expect(curvePointsTenths(C.loyalty.curves.tenure, 30)).toBe(525); // 30 + 18 × 30 / 24 = 52.5
    expect(curvePointsTenths([{ x: 0, points: 0 }, { x: 1000, points: 1.25 }], 1000)).toBe(13); // 1.25 → 1.3 half up
  });
});

describe('weighted totals', () => {
  it('divides Σ weight × points by the weights of the present components only', () => {
    const curve = [{ x: 0, points: 0 }, { x: 100, points: 100 }];
    // 50 → 500, absent, 20 → 200: (3 × 500 + 1 × 200) / (3 + 1) = 425 → 42.5
    expect(weightedTenths([50, null, 20], [3, 5, 1], [curve, curve, curve])).toEqual({ totalTenths: 425, pointsTenths: [500, null, 200] });
    expect(weightedTenths([null], [3], [curve])).toEqual({ totalTenths: 0, pointsTenths: [null] });
  });
});

describe('贡献度 contribution', () => {
  it('weights AUM, daily average and loans, renormalising while product income is absent', () => {
    // AUM 50万 → 70.0; average 40万 → 40 + 35M × 30 / 45M = 63.333 → 63.3; loan 0 → 0; Σw = 40 + 30 + 20 = 90
    // (40 × 700 + 30 × 633 + 20 × 0) / 90 = 46990 / 90 = 522.1 → 52.2
    const b = contributionScore({ aumFen: 50 * WAN, avgAumFen: 40 * WAN, loanFen: 0, incomeFen: null }, C);
    expect(b.totalTenths).toBe(522);
    expect(b.total).toBe(52.2);
    expect(b.absent).toEqual(['income']);
    expect(b.components.map((c) => [c.key, c.pointsTenths, c.share, c.contribution])).toEqual([
      ['aum', 700, 44.4, 31.1], // 40/90; 40 × 700 / 90 = 311.1
      ['avgAum', 633, 33.3, 21.1], // 30 × 633 / 90 = 211.0
      ['loan', 0, 22.2, 0],
      ['income', null, 0, 0],
    ]);
  });
  it('counts product income when it is there', () => {
    // income 5,000 元 = 500,000 fen: 50 + 400,000 × 50 / 900,000 = 72.222 → 72.2
    // (40 × 700 + 30 × 633 + 20 × 0 + 10 × 722) / 100 = 54210 / 100 = 542.1 → 54.2
    expect(contributionTenths({ aumFen: 50 * WAN, avgAumFen: 40 * WAN, loanFen: 0, incomeFen: 500_000 }, C)).toEqual({ totalTenths: 542, pointsTenths: [700, 633, 0, 722] });
  });
});

describe('忠诚度 loyalty', () => {
  it('weights tenure, products, stability and activity', () => {
    // tenure 30 months → 52.5; 3 products → 65; stability 900‰ → 60 + 100 × 40 / 200 = 80; 7 txns / 12 months
    // = 0.5833 → 17.5. (30 × 525 + 30 × 650 + 20 × 800 + 20 × 175) / 100 = 54750 / 100 = 547.5 → 548 → 54.8
    const b = loyaltyScore({ tenureMonths: 30, productTypes: 3, stabilityPermille: 900, txnCount: 7, activityMonths: 12 }, C);
    expect(b.components.map((c) => c.pointsTenths)).toEqual([525, 650, 800, 175]);
    expect(b.totalTenths).toBe(548);
    expect(b.components[3]?.value).toBeCloseTo(7 / 12, 12);
  });
  it('leaves unknown tenure and stability out', () => {
    // (30 × 200 + 20 × 0) / (30 + 20) = 120 → 12.0 (1 product → 20 points; no transactions)
    expect(loyaltyScore({ tenureMonths: null, productTypes: 1, stabilityPermille: null, txnCount: 0, activityMonths: 12 }, C)).toMatchObject({
      totalTenths: 120,
      absent: ['tenure', 'stability'],
    });
  });
  it('stability is 1 − σ/mean in per-mille, null with too few snapshots', () => {
    expect(stabilityPermille([100, 100, 100], 3)).toBe(1000);
    // mean 100, σ = √((400 + 0 + 400) / 3) = 16.3299 → 1 − 0.163299 = 0.836701 → 837
    expect(stabilityPermille([80, 100, 120], 3)).toBe(837);
    // mean 100, σ 50 → 500
    expect(stabilityPermille([50, 150], 2)).toBe(500);
    expect(stabilityPermille([50, 150], 3)).toBeNull();
    // CV above 1 clips to 0: mean 100, σ = √((100² × 2 + 200²) / 3)… values 0, 0, 300: σ = 141.4 → 0
    expect(stabilityPermille([0, 0, 300], 3)).toBe(0);
  });
  it('counts product types from a bit mask', () => {
    expect(countProductTypes(productBit('deposit_demand') | productBit('loan') | productBit('credit_card'))).toBe(3);
    expect(countProductTypes(0)).toBe(0);
  });
});

describe('客户等级 tiers', () => {
  it('takes the highest threshold reached (inclusive)', () => {
    expect(tierCode({ aumFen: 5 * WAN - 1, avgAumFen: null }, C)).toBe('standard');
    expect(tierCode({ aumFen: 5 * WAN, avgAumFen: null }, C)).toBe('gold');
    expect(tierCode({ aumFen: 199.99 * WAN, avgAumFen: null }, C)).toBe('platinum');
    expect(tierCode({ aumFen: 200 * WAN, avgAumFen: null }, C)).toBe('diamond');
    expect(tierCode({ aumFen: 600 * WAN, avgAumFen: null }, C)).toBe('private');
  });
  it('uses the daily average when configured, falling back to the point AUM when none was imported', () => {
    const avg: BookConfig = { ...C, tiers: { ...C.tiers, basis: 'avg_aum' } };
    expect(tierCode({ aumFen: 60 * WAN, avgAumFen: 4 * WAN }, avg)).toBe('standard');
    expect(tierOf({ aumFen: 60 * WAN, avgAumFen: null }, avg)).toMatchObject({ tier: 'platinum', basisFallback: true, valueFen: 60 * WAN, thresholdFen: 50 * WAN });
    expect(tierOf({ aumFen: 60 * WAN, avgAumFen: null }, C).rule.zh).toContain('低于下一等级门槛 2,000,000.00 元');
  });
});

describe('quadrants and segments', () => {
  it('calls a score at the cut "high"', () => {
    expect(quadrantOf(500, 500, C)).toBe('hc_hl');
    expect(quadrantOf(500, 499, C)).toBe('hc_ll');
    expect(quadrantOf(499, 500, C)).toBe('lc_hl');
    expect(quadrantOf(0, 0, C)).toBe('lc_ll');
    expect(quadrantOf(555, 555, { ...C, quadrantCut: 55.5 })).toBe('hc_hl');
  });
  it('has a label and a default strategy in both languages for all 20 segments', () => {
    expect(SEGMENT_CODES).toHaveLength(20);
    for (const code of SEGMENT_CODES) {
      expect(defaultStrategy(code).zh.length).toBeGreaterThan(10);
      expect(defaultStrategy(code).en.length).toBeGreaterThan(10);
    }
    expect(segmentLabel('private.hc_ll')).toEqual({ zh: '私行·高贡献低忠诚', en: 'Private banking · High contribution, low loyalty' });
  });
});

describe('客户生命周期 lifecycle stage', () => {
  const k = (yuan: number[]): number[] => yuan.map((v) => v * 100);
  const stage = (window: number[], opts: { ever?: number; base?: number; tenure?: number | null } = {}): string =>
    lifecycleStage(stageInputsOf(window, opts.ever ?? Math.max(0, ...window), opts.base ?? 0, opts.tenure === undefined ? 120 : opts.tenure, C), C);

  it('derives levels as means of 3 consecutive snapshots, rounded down', () => {
    // recent (10 + 10 + 11) / 3 = 10.333 → 10 fen; peak level max(10, 10.333) = 10 (floors); base window[0..0]
    expect(stageInputsOf([10, 10, 10, 11], 10, 0, null, C)).toEqual({ aumFen: 11, everPeakFen: 10, peakFen: 10, recentFen: 10, baseFen: 10, tenureMonths: null });
    // base index 4 → mean of window[2..4] = (30 + 40 + 50) / 3 = 40
    expect(stageInputsOf([10, 20, 30, 40, 50, 60], 60, 4, 5, C)).toMatchObject({ recentFen: 50, peakFen: 50, baseFen: 40 });
  });
  it('applies the rules in order', () => {
    expect(stage(k([0, 0, 0]))).toBe('prospect');
    // 流失: 50 元 now < 100 元, earlier 20,000 ≥ 1,000 元 (even if only before the window)
    expect(stage(k([0, 0, 50]), { ever: 2_000_000 })).toBe('lost');
    // Not lost when the earlier peak never reached 1,000 元: the level drop makes it declining instead.
    expect(stage(k([900, 900, 900, 50, 50, 50]))).toBe('declining');
    expect(stage(k([1000, 1000, 1000]), { tenure: 5 })).toBe('new');
    expect(stage(k([1000, 1000, 1000]), { tenure: 6 })).toBe('mature');
    // 衰退: 70 × 100 < 100 × 80
    expect(stage(k([100, 100, 100, 100, 100, 100, 100, 100, 100, 70, 70, 70]))).toBe('declining');
    // exactly 80 % of the peak level is not "more than 20 % below"
    expect(stage(k([100, 100, 100, 80, 80, 80]))).toBe('mature');
    // 成长: base index 5 (6 months back) → level (100 × 3) / 3 = 100; recent 130: 130 × 100 > 100 × 120
    expect(stage(k([100, 100, 100, 100, 100, 100, 100, 100, 100, 130, 130, 130]), { base: 5 })).toBe('growing');
    // exactly +20 % is not growth
    expect(stage(k([100, 100, 100, 100, 100, 100, 100, 100, 100, 120, 120, 120]), { base: 5 })).toBe('mature');
  });
  it('explains the deciding rule with the numbers', () => {
    const e = explainStage(stageInputsOf(k([100, 100, 100, 70, 70, 70]), 10_000, 0, 120, C), C);
    expect(e.stage).toBe('declining');
    expect(e.rule.zh).toBe('最近 3 期平均 70.00 元 < 峰值平均 100.00 元 × 80%');
    expect(e.rules.map((r) => r.zh.slice(0, 2))).toEqual(['潜在', '流失', '新客', '衰退', '成长', '成熟']);
  });
});

describe('bulk numbers and explanations agree', () => {
  it('explainFacts totals equal scoreFacts for the same facts', () => {
    const facts: ClientFacts = {
      aumFen: 54 * WAN,
      avgAumFen: 55 * WAN,
      loanFen: 30 * WAN,
      incomeFen: null,
      tenureMonths: 81,
      productTypes: 5,
      stabilityPermille: 942,
      txnCount: 24,
      activityMonths: 12,
      stage: { aumFen: 54 * WAN, everPeakFen: 66 * WAN, peakFen: 62 * WAN, recentFen: 60 * WAN, baseFen: 60 * WAN, tenureMonths: 81 },
    };
    const s = scoreFacts(facts, C);
    const e = explainFacts(facts, C, { asOf: '2026-10-31', computedAt: 'now', strategy: 'x' });
    expect([e.contribution.totalTenths, e.loyalty.totalTenths, e.tier.tier, e.stage.stage, e.segment.code]).toEqual([
      s.contribution.totalTenths,
      s.loyalty.totalTenths,
      s.tier,
      s.stage,
      s.segment,
    ]);
    expect(s).toMatchObject({ tier: 'platinum', stage: 'mature', segment: 'platinum.hc_hl' });
    expect([s.contribution.totalTenths, s.loyalty.totalTenths]).toEqual([658, 794]);
  });
});

describe('calendar helpers', () => {
  it('counts full months consistently with month-end clamping', () => {
    expect(fullMonthsBetween('2020-01-15', '2026-10-31')).toBe(81);
    expect(fullMonthsBetween('2026-08-10', '2026-10-09')).toBe(1);
    expect(fullMonthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(fullMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(fullMonthsBetween('2026-10-31', '2026-10-31')).toBe(0);
    expect(addMonths('2026-10-31', -12)).toBe('2025-10-31');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('configuration', () => {
  it('accepts the defaults and refuses inconsistent thresholds and curves', () => {
    expect(bookConfigSchema.parse(DEFAULT_BOOK_CONFIG)).toEqual(DEFAULT_BOOK_CONFIG);
    const t = DEFAULT_BOOK_CONFIG.tiers.thresholdsFen;
    expect(bookConfigSchema.safeParse({ ...C, tiers: { ...C.tiers, thresholdsFen: { ...t, platinum: t.gold } } }).success).toBe(false);
    const badCurve = [{ x: 10, points: 0 }, { x: 5, points: 50 }];
    expect(bookConfigSchema.safeParse({ ...C, loyalty: { ...C.loyalty, curves: { ...C.loyalty.curves, tenure: badCurve } } }).success).toBe(false);
    expect(bookConfigSchema.safeParse({ ...C, quadrantCut: 50.05 }).success).toBe(false);
  });
});
