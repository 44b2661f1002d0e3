import { describe, expect, it } from 'vitest';
import { allocate, integerWeights, largestRemainder } from '../../electron/targets/allocate.js';
import { cellKey, solveGrid, splitYear } from '../../electron/targets/grid.js';
import type { GridUnit } from '../../electron/targets/grid.js';
import { fillMatrix } from '../../electron/targets/matrix.js';
import { rat, roundHalfAway } from '../../electron/platform/rational.js';
import { periodsOf } from '../../shared/targets/periods.js';

const big = (xs: number[]): bigint[] => xs.map(BigInt);
const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
  return r as Extract<T, { ok: true }>;
};

describe('largest remainder', () => {
  it('gives the leftover units to the largest remainders, ties to the earlier part', () => {
    expect(largestRemainder(10n, big([1, 1, 1]))).toEqual(big([4, 3, 3]));
    // quotas 3.5, 2.1, 4.4 → floors 3, 2, 4 (9); one left: the largest remainder is 0.5.
    expect(largestRemainder(10n, big([35, 21, 44]))).toEqual(big([4, 2, 4]));
    expect(largestRemainder(2n, big([1, 1, 1]))).toEqual(big([1, 1, 0]));
  });

  it('gives a zero weight exactly zero, and splits equally when every weight is zero', () => {
    expect(largestRemainder(7n, big([0, 1, 0, 1]))).toEqual(big([0, 4, 0, 3]));
    expect(largestRemainder(7n, big([0, 0, 0]))).toEqual(big([3, 2, 2]));
  });

  it('splits a negative total (净增 below zero) as the mirror image of its magnitude', () => {
    expect(largestRemainder(-10n, big([1, 1, 1]))).toEqual(big([-4, -3, -3]));
    expect(largestRemainder(-10n, big([35, 21, 44]))).toEqual(largestRemainder(10n, big([35, 21, 44])).map((v) => -v));
  });

  it('stays exact for 10^15 fen over 10^15-fen weights', () => {
    const total = 10n ** 15n + 7n;
    const values = largestRemainder(total, [10n ** 15n, 3n * 10n ** 14n + 1n, 1n]);
    expect(values.reduce((a, v) => a + v, 0n)).toBe(total);
    expect(values[2]).toBeLessThanOrEqual(1n);
  });

  it('brings fractional weights to a common denominator', () => {
    expect(integerWeights([rat(1n, 2n), rat(1n, 3n), 1n])).toEqual(big([3, 2, 6]));
    // quotas 5.5, 3.67, 1.83: the two units left go to the two largest remainders.
    expect(ok(allocate(11n, [rat(1n, 2n), rat(1n, 3n), rat(1n, 6n)])).values).toEqual(big([5, 4, 2]));
  });
});

describe('allocate with locked parts', () => {
  it('keeps locked parts and spreads the rest over the others by weight', () => {
    expect(ok(allocate(100n, big([1, 1, 1, 1]), [40n, null, null, null])).values).toEqual(big([40, 20, 20, 20]));
    expect(ok(allocate(100n, big([1, 2, 3]), [null, 0n, null])).values).toEqual(big([25, 0, 75]));
  });

  it('refuses locked parts that exceed the whole in its direction', () => {
    expect(allocate(100n, big([1, 1]), [101n, null])).toEqual({ ok: false, failure: { kind: 'locked_exceed', total: 100n, locked: 101n } });
    expect(allocate(-100n, big([1, 1]), [-101n, null])).toMatchObject({ ok: false, failure: { kind: 'locked_exceed' } });
    // A negative lock under a positive total only leaves more for the others.
    expect(ok(allocate(100n, big([1, 1]), [-20n, null])).values).toEqual(big([-20, 120]));
  });

  it('refuses when everything is locked but does not add up, and accepts when it does', () => {
    expect(allocate(100n, big([1, 1]), [30n, 60n])).toMatchObject({ ok: false, failure: { kind: 'nothing_unlocked' } });
    expect(ok(allocate(90n, big([1, 1]), [30n, 60n])).values).toEqual(big([30, 60]));
  });
});

describe('seasonal profiles', () => {
  it('splits a year 开门红: Q1 40% / Q2 25% / Q3 20% / Q4 15%, months equal within each quarter', () => {
    const r = ok(splitYear(2026, 100_000_000n, big([40, 25, 20, 15]), big(Array.from({ length: 12 }, () => 1))));
    expect(['2026Q1', '2026Q2', '2026Q3', '2026Q4'].map((p) => r.periods.get(p))).toEqual(big([40_000_000, 25_000_000, 20_000_000, 15_000_000]));
    expect(['2026-01', '2026-02', '2026-03'].map((p) => r.periods.get(p))).toEqual(big([13_333_334, 13_333_333, 13_333_333]));
  });

  it('weighs months within their quarter by a custom profile, and honours a locked month', () => {
    const months = big([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const r = ok(splitYear(2026, 1200n, big([1, 1, 1, 1]), months, new Map([['2026-06', 0n]])));
    expect(['2026-01', '2026-02', '2026-03'].map((p) => r.periods.get(p))).toEqual(big([150, 75, 75]));
    expect(['2026-04', '2026-05', '2026-06'].map((p) => r.periods.get(p))).toEqual(big([150, 150, 0]));
  });
});

describe('tables that add up both ways', () => {
  it('rounds the product form row × column / total with exact margins', () => {
    const r = ok(fillMatrix(big([5, 3, 2]), big([4, 3, 3]), big([1, 1, 1]), [[], [], []]));
    expect(r.values.map((row) => row.reduce((a, v) => a + v, 0n))).toEqual(big([5, 3, 2]));
    expect([0, 1, 2].map((j) => r.values.reduce((a, row) => a + (row[j] ?? 0n), 0n))).toEqual(big([4, 3, 3]));
    for (const row of r.values) for (const v of row) expect(v).toBeGreaterThanOrEqual(0n);
  });

  it('keeps a locked cell and re-balances the rest of its row and column', () => {
    const r = ok(fillMatrix(big([60, 40]), big([50, 50]), big([1, 1]), [[10n, null], [null, null]]));
    expect(r.values).toEqual([big([10, 50]), big([40, 0])]);
  });

  it('carries a shortfall along a chain when no row is free in every column', () => {
    const r = ok(fillMatrix(big([10, 10]), big([12, 8]), big([1, 1]), [[5n, null], [null, 3n]]));
    expect(r.values).toEqual([big([5, 5]), big([7, 3])]);
  });

  it('refuses a column whose locked cells exceed it', () => {
    expect(fillMatrix(big([10, 10]), big([5, 15]), big([1, 1]), [[6n, null], [null, null]])).toMatchObject({ ok: false, failure: { kind: 'locked_exceed', axis: 'column', index: 0 } });
  });
});

describe('the grid', () => {
  const unit = (key: string, weight: number, children: GridUnit[] = []): GridUnit => ({ key, weight: BigInt(weight), children });
  const root = unit('u:1', 0, [unit('u:2', 3, [unit('m:1', 1), unit('m:2', 1)]), unit('u:3', 1, [unit('m:3', 1)])]);
  const input = { year: 2026, total: 1_000_000_01n, flow: true, quarterWeights: big([40, 25, 20, 15]), monthWeights: big(Array.from({ length: 12 }, () => 1)), root, locks: new Map<string, bigint>() };

  it('reconciles every unit with its children and every period with its sub-periods', () => {
    const cells = ok(solveGrid(input)).cells;
    const get = (u: string, p: string): bigint => cells.get(cellKey(u, p)) ?? -999n;
    for (const p of periodsOf(2026)) {
      expect(get('u:2', p) + get('u:3', p)).toBe(get('u:1', p));
      expect(get('m:1', p) + get('m:2', p)).toBe(get('u:2', p));
      expect(get('m:3', p)).toBe(get('u:3', p));
    }
    for (const u of ['u:1', 'u:2', 'u:3', 'm:1', 'm:2', 'm:3']) {
      expect([1, 2, 3, 4].reduce((a, q) => a + get(u, `2026Q${q}`), 0n)).toBe(get(u, '2026'));
    }
    expect(get('u:2', '2026')).toBe(75_000_001n);
  });

  it('keeps locked cells, and names the cell whose split is impossible', () => {
    const locks = new Map([[cellKey('m:1', '2026-02'), 123n], [cellKey('u:3', '2026'), 1n]]);
    const cells = ok(solveGrid({ ...input, locks })).cells;
    expect(cells.get(cellKey('m:1', '2026-02'))).toBe(123n);
    expect(cells.get(cellKey('u:3', '2026'))).toBe(1n);
    const bad = solveGrid({ ...input, locks: new Map([[cellKey('u:2', '2026'), 2_000_000_00n]]) });
    expect(bad).toMatchObject({ ok: false, failure: { kind: 'locked_exceed', unitKey: 'u:1', period: '2026', over: 'children' } });
  });

  it('decomposes only the year of a level indicator', () => {
    const cells = ok(solveGrid({ ...input, flow: false })).cells;
    expect([...cells.keys()].every((k) => k.endsWith('|2026'))).toBe(true);
  });
});

describe('rounding a credited share', () => {
  it('rounds half away from zero', () => {
    expect([rat(5n, 2n), rat(-5n, 2n), rat(7n, 3n), rat(-7n, 3n), rat(0n)].map(roundHalfAway)).toEqual(big([3, -3, 2, -2, 0]));
  });
});
