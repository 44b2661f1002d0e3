import { describe, expect, it } from 'vitest';
import { barExtent, column, domainOf, fitLabel, labelWidth, niceCeil, niceFloor, scaleX, tickStep, ticks, valueLabel } from '../../renderer/src/components/charts/geometry.js';
import { gapsAfter, periodOptions, rankValueText } from '../../renderer/src/pages/dashboard/dashboard-view.js';
import { markerBp } from '../../renderer/src/pages/dashboard/TargetsCard.js';
import type { IndicatorCompletion } from '../../shared/dashboard/types.js';

/** The dashboard charts' geometry, by hand. */
describe('scales and domains', () => {
  it('round axes out to a step and always hold zero and the floor', () => {
    expect(niceCeil(8_329, 2_500, 10_000)).toBe(10_000); // below the 100 % floor
    expect(niceCeil(12_710, 2_500, 10_000)).toBe(15_000);
    expect(niceCeil(15_000, 2_500)).toBe(15_000); // exactly on a step stays
    expect(niceFloor(-3_610, 2_500)).toBe(-5_000);
    expect(niceFloor(120, 2_500)).toBe(0);
    expect(domainOf([8_329, 12_710, -3_610], 2_500, 10_000)).toEqual({ min: -5_000, max: 15_000 });
    expect(domainOf([], 2_500, 10_000)).toEqual({ min: 0, max: 10_000 });
  });

  it('places values linearly on the track and clamps those outside', () => {
    const d = { min: 0, max: 10_000 };
    // Track from x = 100, 400 wide: 25 % is a quarter of the way.
    expect(scaleX(2_500, d, 100, 400)).toBe(200);
    expect(scaleX(0, d, 100, 400)).toBe(100);
    expect(scaleX(12_000, d, 100, 400)).toBe(500);
    expect(scaleX(-1, d, 100, 400)).toBe(100);
    expect(scaleX(5, { min: 0, max: 0 }, 100, 400)).toBe(100);
  });

  it('draws bars from zero, negative ones to the left, and flags a cut bar', () => {
    const d = { min: -5_000, max: 15_000 };
    // Zero sits at 100 + 400 × 5000 / 20000 = 200.
    expect(barExtent(10_000, d, 100, 400)).toEqual({ x: 200, width: 200, clipped: false, negative: false });
    expect(barExtent(-2_500, d, 100, 400)).toEqual({ x: 150, width: 50, clipped: false, negative: true });
    expect(barExtent(30_000, d, 100, 400)).toEqual({ x: 200, width: 300, clipped: true, negative: false });
  });

  it('puts a value label after the bar when it fits, inside when it does not, before a negative bar', () => {
    // "83.3%" at 11 units: 5 characters × 0.6 × 11 = 33, plus 4 of padding.
    expect(labelWidth('83.3%', 11)).toBeCloseTo(33);
    expect(labelWidth('达进度', 12)).toBe(36);
    const short = barExtent(5_000, { min: 0, max: 10_000 }, 100, 400);
    expect(valueLabel(short, '50.0%', 11, 100, 400)).toEqual({ x: 304, anchor: 'start', inside: false });
    const full = barExtent(10_000, { min: 0, max: 10_000 }, 100, 400);
    expect(valueLabel(full, '100.0%', 11, 100, 400)).toEqual({ x: 496, anchor: 'end', inside: true });
    const neg = barExtent(-2_500, { min: -5_000, max: 5_000 }, 100, 400);
    // Zero at 300, the bar from 200 to 300: the label starts just right of the zero line.
    expect(valueLabel(neg, '-25.0%', 11, 100, 400)).toEqual({ x: 304, anchor: 'start', inside: false });
  });

  it('cuts a long label with an ellipsis and sizes label columns within bounds', () => {
    // 12-unit CJK characters: 6 of them are 72 wide; with the ellipsis (7.2) only 4 fit in 60.
    expect(fitLabel('中山东路网点', 12, 72)).toBe('中山东路网点');
    expect(fitLabel('中山东路网点', 12, 60)).toBe('中山东路…');
    expect(column(640, 0.2, 84, 130)).toBe(128);
    expect(column(300, 0.2, 84, 130)).toBe(84);
    expect(column(1000, 0.2, 84, 130)).toBe(130);
  });

  it('chooses 1-2-5 tick steps and lists the ticks', () => {
    expect(tickStep(20_000, 5)).toBe(5_000);
    expect(tickStep(1_234, 4)).toBe(500);
    expect(tickStep(0, 4)).toBe(1);
    expect(ticks({ min: -5_000, max: 15_000 }, 5_000)).toEqual([-5_000, 0, 5_000, 10_000, 15_000]);
  });
});

describe('dashboard view helpers', () => {
  const row = (flow: boolean, target: number | null): IndicatorCompletion => ({
    indicator: { id: 1, code: 'X', name: 'x', measure: 'amount', unit: '万元', direction: 'up', flow, hasSource: true },
    target,
    actual: 1,
    completionBp: null,
    paceTarget: null,
    pace: 'none',
  });

  it('puts the marker at the time elapsed for a flow, at 100 % for a level, nowhere without a target', () => {
    expect(markerBp(row(true, 100), 8_329)).toBe(8_329);
    expect(markerBp(row(false, 100), 8_329)).toBe(10_000);
    expect(markerBp(row(true, null), 8_329)).toBeNull();
  });

  it('prints points from hundredths and completion from basis points', () => {
    expect(rankValueText(9_955, 'points')).toBe('99.55');
    expect(rankValueText(12_345, 'bp')).toBe('123.5%');
  });

  it('finds where rows were left out of a ranking', () => {
    const r = (position: number) => ({ rank: position + 1, position, id: position, code: '', name: '', unitName: null, value: 0, groups: [] });
    // Places 1–5, then 38–40 of 40: one gap after the fifth row.
    expect([...gapsAfter({ of: 40, rows: [0, 1, 2, 3, 4, 37, 38, 39].map(r) })]).toEqual([4]);
    // The caller at place 20 between them: two gaps.
    expect([...gapsAfter({ of: 40, rows: [0, 1, 2, 3, 4, 19, 37, 38, 39].map(r) })]).toEqual([4, 5]);
    expect([...gapsAfter({ of: 3, rows: [0, 1, 2].map(r) })]).toEqual([]);
  });

  it('offers each year with its quarters and months, newest year first', () => {
    const options = periodOptions([2026, 2025]);
    expect(options).toHaveLength(34);
    expect(options.slice(0, 6)).toEqual(['2026', '2026Q1', '2026Q2', '2026Q3', '2026Q4', '2026-01']);
    expect(options[17]).toBe('2025');
  });
});
