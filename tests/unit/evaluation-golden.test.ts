import { describe, expect, it } from 'vitest';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import type { SchemeInput } from '../../shared/evaluation/scheme.js';
import { rank, scoreManager } from '../../electron/evaluation/scorecard.js';
import type { ManagerInputs } from '../../electron/evaluation/scorecard.js';
import type { ItemInput } from '../../electron/evaluation/score-item.js';
import { scoreItem } from '../../electron/evaluation/score-item.js';
import { formatHundredths, rat } from '../../electron/platform/rational.js';
import { validateScheme } from '../../electron/evaluation/validate-scheme.js';

/**
 * Golden cases: every figure below was computed by hand (the comment shows the sum), not by running the code.
 * Amounts are fen: 1 万元 = 1,000,000 fen.
 */
const WAN = 1_000_000n;
type ItemDef = SchemeInput['items'][number];
const scheme = (items: ItemDef[], extra: Partial<SchemeInput> = {}) => schemeSchema.parse({ code: 'T', name: '测试方案', periodType: 'quarter', items, ...extra });
const input = (actual: bigint | null, target: bigint | null, more: Partial<ItemInput> = {}): ItemInput => ({ actual: actual === null ? null : rat(actual), target, direction: 'up', entered: null, count: null, ...more });
const one = (item: ItemDef, i: ItemInput): string | null => {
  const s = scheme([item]).items[0];
  if (s === undefined) throw new Error('no item');
  const p = scoreItem(s, i).points;
  return p === null ? null : formatHundredths(p);
};
const dep: ItemDef = { key: 'dep', name: '存款净增', weight: 30, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' } };

describe('ratio of actual to target × weight', () => {
  it('1. 450万 of 500万 at weight 30: 30 × 0.9 = 27.00', () => {
    expect(one(dep, input(450n * WAN, 500n * WAN))).toBe('27.00');
  });
  it('2. 700万 of 500万 is 140%, capped at 120%: 30 × 1.2 = 36.00', () => {
    expect(one(dep, input(700n * WAN, 500n * WAN))).toBe('36.00');
  });
  it('3. floor 50%: 100万 of 500万 is 20%, counted as 50%: 30 × 0.5 = 15.00', () => {
    expect(one({ ...dep, method: { type: 'ratio', floorPct: 50 } }, input(100n * WAN, 500n * WAN))).toBe('15.00');
  });
  it('4–5. threshold 60%: 290万/500万 = 58% scores 0; exactly 60% scores 30 × 0.6 = 18.00', () => {
    const gated = { ...dep, zeroBelowPct: 60 };
    expect(one(gated, input(290n * WAN, 500n * WAN))).toBe('0.00');
    expect(one(gated, input(300n * WAN, 500n * WAN))).toBe('18.00');
  });
  it('6. rounding half away from zero: weight 10, 1 of 16 = 0.625 → 0.63; 1 of 3 = 3.333… → 3.33', () => {
    const item: ItemDef = { key: 'n', name: '新增有效客户', weight: 10, source: { kind: 'indicator', indicator: 'NEW_CLIENT' }, method: { type: 'ratio' } };
    expect(one(item, input(1n, 16n))).toBe('0.63');
    expect(one(item, input(1n, 3n))).toBe('3.33');
  });
  it('7. less is better: target 200 over actual 250 = 80% → 10 × 0.8 = 8.00; an actual of 0 counts as the 120% cap → 12.00', () => {
    const cost: ItemDef = { key: 'cost', name: '营销费用', weight: 10, source: { kind: 'indicator', indicator: 'COST' }, method: { type: 'ratio' } };
    expect(one(cost, input(250n, 200n, { direction: 'down' }))).toBe('8.00');
    expect(one(cost, input(0n, 200n, { direction: 'down' }))).toBe('12.00');
  });
  it('8. a non-positive 净增 target: reaching 0 is 100% (30.00); −60万 against −50万 is 0%', () => {
    expect(one(dep, input(10n * WAN, 0n))).toBe('30.00');
    expect(one(dep, input(-60n * WAN, -50n * WAN))).toBe('0.00');
  });
});

describe('difference from target', () => {
  const newClients: ItemDef = {
    key: 'nc',
    name: '新增有效客户',
    weight: 20,
    source: { kind: 'indicator', indicator: 'NEW_CLIENT' },
    method: { type: 'difference', per: '1', pointsAbove: 0.5, pointsBelow: 1 },
  };
  it('9. 107 against 100 at 0.5 per client above: 20 + 7 × 0.5 = 23.50; capped at 22 → 22.00', () => {
    expect(one(newClients, input(107n, 100n))).toBe('23.50');
    expect(one({ ...newClients, maxPoints: 22 }, input(107n, 100n))).toBe('22.00');
  });
  it('10. 1 point per 万元 below: 47.35万 against 50万 pro rata 20 − 2.65 = 17.35; whole units 20 − 2 = 18.00', () => {
    const perWan: ItemDef = { ...newClients, method: { type: 'difference', per: String(WAN), pointsAbove: 1, pointsBelow: 1 } };
    expect(one(perWan, input(47_350_000n, 50n * WAN))).toBe('17.35');
    expect(one({ ...perWan, method: { type: 'difference', per: String(WAN), pointsAbove: 1, pointsBelow: 1, prorate: false } }, input(47_350_000n, 50n * WAN))).toBe('18.00');
  });
  it('11. far below with a floor of 0: 20 − 30 × 1 = −10 → floored 0.00', () => {
    expect(one({ ...newClients, minPoints: 0 }, input(70n, 100n))).toBe('0.00');
  });
  it('11b. below a 60% threshold nothing is earned but the penalty stays: 59 of 100 → 20 − 41 × 1 = −21.00; 65 of 100 → 20 − 35 = −15.00', () => {
    // Without keeping the penalty, 59 would score 0 and beat 65's −15: the threshold must never reward falling further.
    const gated = { ...newClients, zeroBelowPct: 60 };
    expect(one(gated, input(59n, 100n))).toBe('-21.00');
    expect(one(gated, input(65n, 100n))).toBe('-15.00');
  });
});

describe('tiered bands', () => {
  const wealth: ItemDef = {
    key: 'wealth',
    name: '理财销售',
    weight: 10,
    source: { kind: 'indicator', indicator: 'WEALTH_SALES' },
    method: { type: 'bands', bands: [{ fromPct: 60, scorePct: 50 }, { fromPct: 100, scorePct: 100 }, { fromPct: 80, scorePct: 80 }] },
  };
  it('12. 85% sits in the ≥80% band: 10 × 80% = 8.00; 59% is below every band: 0.00; 100%: 10.00', () => {
    expect(one(wealth, input(85n, 100n))).toBe('8.00');
    expect(one(wealth, input(59n, 100n))).toBe('0.00');
    expect(one(wealth, input(100n, 100n))).toBe('10.00');
  });
});

describe('qualitative items and deductions', () => {
  const service: ItemDef = { key: 'service', name: '客户服务', weight: 15, source: { kind: 'qualitative', rubric: [] }, method: { type: 'entered' } };
  const complaints: ItemDef = { key: 'complaints', name: '客户投诉', weight: 0, source: { kind: 'count', label: '投诉' }, method: { type: 'deduction', pointsEach: 2, maxPoints: 5 } };
  it('13. entered 13.5 → 13.50; 16 is clamped to the weight → 15.00; nothing entered is pending', () => {
    expect(one(service, input(null, null, { entered: 1350n }))).toBe('13.50');
    expect(one(service, input(null, null, { entered: 1600n }))).toBe('15.00');
    expect(one(service, input(null, null))).toBeNull();
  });
  it('14. 3 complaints at 2 points each, at most 5: −5.00; 1 complaint: −2.00', () => {
    expect(one(complaints, input(null, null, { count: 3n }))).toBe('-5.00');
    expect(one(complaints, input(null, null, { count: 1n }))).toBe('-2.00');
  });
});

describe('the scorecard: order, gates, coefficients, caps, outcome', () => {
  const items: ItemDef[] = [
    { key: 'loan', name: '贷款投放', weight: 20, source: { kind: 'indicator', indicator: 'LOAN_NEW' }, method: { type: 'ratio' }, gate: { item: 'dep', minPct: 80 } },
    dep,
    { key: 'avg', name: '日均存款', weight: 35, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'ratio' } },
    { key: 'service', name: '客户服务', weight: 15, source: { kind: 'qualitative', rubric: [] }, method: { type: 'entered' } },
    { key: 'complaints', name: '客户投诉', weight: 0, source: { kind: 'count', label: '投诉' }, method: { type: 'deduction', pointsEach: 2, maxPoints: 5 } },
  ];
  const s = scheme(items, {
    coefficients: { grade: { senior: 1.1 }, outlet: { O1: 1.05 } },
    maxTotal: 100,
    gradeRules: [{ grade: 'standard', maintainAt: 60, promoteAt: 85 }],
  });
  const manager = (depActual: bigint, more: Partial<ManagerInputs> = {}): ManagerInputs => ({
    managerId: 1,
    grade: 'standard',
    outletCode: null,
    items: {
      loan: input(100n * WAN, 100n * WAN),
      dep: input(depActual, 500n * WAN),
      avg: input(1000n * WAN, 1000n * WAN),
      service: input(null, null, { entered: 1200n }),
      complaints: input(null, null, { count: 1n }),
    },
    ...more,
  });

  it('15. a gate: 存款 at 75% (< 80%) zeroes 贷款 though it is at 100%; 30×0.75 + 0 + 35 + 12 − 2 = 67.50', () => {
    const card = scoreManager(s, manager(375n * WAN));
    expect(card.items.map((i) => [i.key, i.points === null ? null : formatHundredths(i.points)])).toEqual([
      ['loan', '0.00'],
      ['dep', '22.50'],
      ['avg', '35.00'],
      ['service', '12.00'],
      ['complaints', '-2.00'],
    ]);
    expect(formatHundredths(card.total ?? -1n)).toBe('67.50');
    expect(card.outcome).toBe('maintain');
  });

  it('16. the gate reached (80%): 20 + 24 + 35 = 79 quantitative; + 12 − 2 = 89.00 → 晋升 (≥ 85)', () => {
    const card = scoreManager(s, manager(400n * WAN));
    expect(formatHundredths(card.quantitative)).toBe('79.00');
    expect(formatHundredths(card.total ?? -1n)).toBe('89.00');
    expect(card.outcome).toBe('promote');
  });

  it('17. coefficients apply to the quantitative part only: 79 × 1.1 × 1.05 = 91.245 → 91.25; + 12 − 2 = 101.25, capped at 100.00', () => {
    const card = scoreManager(s, manager(400n * WAN, { grade: 'senior', outletCode: 'O1' }));
    expect(formatHundredths(card.adjusted)).toBe('91.25');
    expect(formatHundredths(card.total ?? -1n)).toBe('100.00');
    // No grade rule for 高级 in this scheme: no suggested outcome.
    expect(card.outcome).toBeNull();
  });

  it('18. a missing qualitative score leaves the total and outcome open; 59.99 is 降级, 85.00 晋升', () => {
    const m = manager(400n * WAN);
    const pending = scoreManager(s, { ...m, items: { ...m.items, service: input(null, null) } });
    expect(pending.total).toBeNull();
    expect(pending.outcome).toBeNull();
    // 存款 at 51.665% of 500万 = 258.325万: 30 × 0.51665 = 15.4995 → 15.50, gate not reached (loan 0): 15.50 + 35 + 12 − 2 = 60.50.
    const low = scoreManager(s, manager(2_583_250_00n));
    expect(formatHundredths(low.total ?? -1n)).toBe('60.50');
    expect(low.outcome).toBe('maintain');
    // Service 11.49 instead of 12: 15.50 + 35 + 11.49 − 2 = 59.99 → 降级.
    const lower = scoreManager(s, { ...manager(2_583_250_00n), items: { ...manager(2_583_250_00n).items, service: input(null, null, { entered: 1149n }) } });
    expect(formatHundredths(lower.total ?? -1n)).toBe('59.99');
    expect(lower.outcome).toBe('demote');
  });

  it('19. ranking: competition ranks with ties (1, 2, 2, 4), unranked without a total, the bottom place warned', () => {
    const r = rank(
      [
        { managerId: 1, total: 9000n },
        { managerId: 2, total: 8000n },
        { managerId: 3, total: 8000n },
        { managerId: 4, total: 7000n },
        { managerId: 5, total: null },
      ],
      1,
    );
    expect([1, 2, 3, 4].map((id) => r.get(id)?.rank)).toEqual([1, 2, 2, 4]);
    expect(r.get(5)).toBeUndefined();
    expect([1, 2, 3, 4].map((id) => r.get(id)?.bottom)).toEqual([false, false, false, true]);
    expect(r.get(1)?.of).toBe(4);
  });

  it('20. every score carries a trace that reads as the hand calculation', () => {
    const card = scoreManager(s, manager(700n * WAN));
    const depScore = card.items.find((i) => i.key === 'dep');
    expect(depScore?.trace.map((t) => `${t.zh}=${t.value}`)).toEqual([
      '权重=30.00',
      `实际=${700n * WAN}`,
      `目标=${500n * WAN}`,
      '完成率 = 实际 ÷ 目标=140.00%',
      '完成率按 0%–120% 计=120.00%',
      '得分 = 权重 × 完成率=36.00',
      '得分（四舍五入到 0.01）=36.00',
    ]);
  });
});

describe('scheme validation', () => {
  it('21. names weights that do not sum to 100, gate cycles, unknown indicators and methods that do not fit', () => {
    const bad = scheme([
      { ...dep, gate: { item: 'avg', minPct: 50 } },
      { key: 'avg', name: '日均', weight: 60, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'ratio' }, gate: { item: 'dep', minPct: 50 } },
      { key: 'q', name: '综合素质', weight: 5, source: { kind: 'qualitative', rubric: [] }, method: { type: 'ratio' } },
      { key: 'x', name: '未知', weight: 4, source: { kind: 'indicator', indicator: 'NOPE' }, method: { type: 'ratio' } },
    ]);
    const problems = validateScheme(bad, new Set(['DEP_NET', 'DEP_AVG']));
    const text = problems.map((p) => p.message.en).join(' | ');
    expect(text).toContain('Weights must sum to 100; they sum to 99');
    expect(text).toContain('cycle');
    expect(text).toContain('scored by the supervisor');
    expect(text).toContain('“NOPE” does not exist');
    const good = scheme([{ ...dep, weight: 60 }, { key: 'avg', name: '日均', weight: 40, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'ratio' } }]);
    expect(validateScheme(good, new Set(['DEP_NET', 'DEP_AVG']))).toEqual([]);
  });
});
