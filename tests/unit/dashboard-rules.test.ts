import { describe, expect, it } from 'vitest';
import { rankAndPick } from '../../shared/dashboard/ranking.js';
import type { RankCandidate } from '../../shared/dashboard/ranking.js';
import { DEFAULT_STALENESS_RULE, judgeStaleness, previousMonthEnd, requiredAsOf, stalenessRuleSchema } from '../../shared/dashboard/staleness.js';

describe('the staleness rule', () => {
  it('finds the previous month end, across years and February', () => {
    expect(previousMonthEnd('2026-11-23')).toBe('2026-10-31');
    expect(previousMonthEnd('2026-01-05')).toBe('2025-12-31');
    expect(previousMonthEnd('2024-03-01')).toBe('2024-02-29');
  });

  it('requires the last month end once the grace days have passed, else the one before', () => {
    // 31 Oct + 10 days = 10 Nov: still within the grace, so 30 Sep is enough; from 11 Nov on, 31 Oct is required.
    expect(requiredAsOf('2026-11-10', 10)).toBe('2026-09-30');
    expect(requiredAsOf('2026-11-11', 10)).toBe('2026-10-31');
    expect(requiredAsOf('2026-11-23', 10)).toBe('2026-10-31');
    expect(requiredAsOf('2026-11-01', 0)).toBe('2026-10-31');
    expect(requiredAsOf('2026-01-08', 10)).toBe('2025-11-30');
  });

  it('names every checked kind that stops short of the required date or was never imported', () => {
    const asOf = new Map([
      ['balances', '2026-10-31'],
      ['clients', null],
      ['holdings', '2026-09-30'],
    ] as const);
    expect(judgeStaleness(DEFAULT_STALENESS_RULE, '2026-11-23', asOf)).toEqual({
      today: '2026-11-23',
      requiredAsOf: '2026-10-31',
      graceDays: 10,
      kinds: ['balances', 'clients'],
      stale: true,
      staleKinds: [{ kind: 'clients', dataAsOf: null }],
    });
    const rule = stalenessRuleSchema.parse({ kinds: ['balances', 'holdings'] });
    expect(judgeStaleness(rule, '2026-11-23', asOf).staleKinds).toEqual([{ kind: 'holdings', dataAsOf: '2026-09-30' }]);
    expect(judgeStaleness({ graceDays: 10, kinds: ['balances'] }, '2026-11-23', asOf)).toMatchObject({ stale: false, staleKinds: [] });
  });

  it('validates the setting', () => {
    expect(stalenessRuleSchema.parse({})).toEqual(DEFAULT_STALENESS_RULE);
    expect(stalenessRuleSchema.safeParse({ graceDays: -1 }).success).toBe(false);
    expect(stalenessRuleSchema.safeParse({ kinds: ['nonsense'] }).success).toBe(false);
  });
});

describe('rankings', () => {
  const c = (id: number, value: number, code = `M${String(id).padStart(2, '0')}`): RankCandidate => ({ id, code, name: `n${id}`, unitName: null, value });

  it('ranks by competition (1, 2, 2, 4), best first, ties by code', () => {
    const r = rankAndPick([c(1, 50), c(2, 90), c(3, 70), c(4, 70)], { top: 5, bottom: 3, own: new Set(), better: 'higher' });
    expect(r.rows.map((x) => [x.id, x.rank, x.position])).toEqual([
      [2, 1, 0],
      [3, 2, 1],
      [4, 2, 2],
      [1, 4, 3],
    ]);
    // Fewer than top + bottom: everyone shows, the first five as top.
    expect(r.rows.every((x) => x.groups.includes('top'))).toBe(true);
    const low = rankAndPick([c(1, 50), c(2, 90)], { top: 5, bottom: 3, own: new Set(), better: 'lower' });
    expect(low.rows.map((x) => x.id)).toEqual([1, 2]);
  });

  it('shows the top five, the bottom three and the caller’s own row from a long list', () => {
    const many = Array.from({ length: 20 }, (_, i) => c(i + 1, 1000 - i * 10));
    const r = rankAndPick(many, { top: 5, bottom: 3, own: new Set([10]), better: 'higher' });
    expect(r.of).toBe(20);
    expect(r.rows.map((x) => [x.rank, x.groups.join('+')])).toEqual([
      [1, 'top'],
      [2, 'top'],
      [3, 'top'],
      [4, 'top'],
      [5, 'top'],
      [10, 'own'],
      [18, 'bottom'],
      [19, 'bottom'],
      [20, 'bottom'],
    ]);
  });

  it('keeps ranks given by the source (the evaluation run’s) and can show only the caller', () => {
    const given = [
      { ...c(1, 9000), rank: 2 },
      { ...c(2, 9500), rank: 1 },
      { ...c(3, 9000), rank: 2 },
    ];
    const r = rankAndPick(given, { top: 5, bottom: 3, own: new Set([3]), better: 'higher', onlyOwn: true });
    expect(r).toEqual({ of: 3, rows: [{ rank: 2, position: 2, id: 3, code: 'M03', name: 'n3', unitName: null, value: 9000, groups: ['own'] }] });
  });
});
