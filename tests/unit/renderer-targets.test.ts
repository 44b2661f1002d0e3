import { describe, expect, it } from 'vitest';
import { columnChecks, locksOf, rowChecks, withLock } from '../../renderer/src/pages/targets/grid-view.js';
import type { GridRow } from '../../shared/targets/decomposition.js';
import { figureParts, formatBp, formatFigure, parseFigure } from '../../shared/targets/figures.js';
import { childPeriods, parentPeriod, parsePeriod, periodRange, periodsOf } from '../../shared/targets/periods.js';

const row = (key: string, parentKey: string | null, values: Record<string, number>, locked: string[] = []): GridRow => ({
  key,
  kind: parentKey === null ? 'root' : key.startsWith('m:') ? 'manager' : 'outlet',
  parentKey,
  orgUnitId: key.startsWith('u:') ? Number(key.slice(2)) : null,
  managerId: key.startsWith('m:') ? Number(key.slice(2)) : null,
  code: key,
  name: key,
  grade: null,
  type: null,
  weight: null,
  values,
  locked,
});

describe('target figures', () => {
  it('shows 万元 exactly from fen and reads them back exactly', () => {
    expect(formatFigure(1_054_000_000, 'amount')).toBe('1,054');
    expect(formatFigure(140_533_334, 'amount')).toBe('140.533334');
    expect(formatFigure(-7_202_450, 'amount')).toBe('-7.20245');
    expect(formatFigure(123_45, 'amount', '元')).toBe('123.45');
    expect(formatFigure(1234, 'count')).toBe('1,234');
    expect(parseFigure('140.533334', 'amount')).toBe(140_533_334);
    expect(parseFigure('1,054', 'amount')).toBe(1_054_000_000);
    expect(parseFigure('-0.01', 'amount', '元')).toBe(-1);
    // More decimals than a fen, a fraction of a count, or not a number: refused.
    for (const [text, measure] of [['1.0000001', 'amount'], ['1.5', 'count'], ['abc', 'amount'], ['', 'count']] as const) expect(parseFigure(text, measure)).toBeNull();
    // No float on the way: 0.1 + 0.2 万元 stays exact.
    expect(parseFigure('0.3', 'amount')).toBe((parseFigure('0.1', 'amount') ?? 0) + (parseFigure('0.2', 'amount') ?? 0));
  });

  it('pads fractions faintly so columns line up, and rounds percentages half away from zero', () => {
    expect(figureParts(1_054_000_000, 'amount')).toEqual({ text: '1,054', pad: '.000000' });
    expect(figureParts(7_202_450, 'amount')).toEqual({ text: '7.20245', pad: '0' });
    expect(figureParts(12, 'count')).toEqual({ text: '12', pad: '' });
    expect([12_345, 5, -15, 10_000, null].map(formatBp)).toEqual(['123.5%', '0.1%', '-0.2%', '100.0%', '—']);
  });
});

describe('periods', () => {
  it('nest months in quarters in the year, with their date ranges', () => {
    expect(periodsOf(2026)).toHaveLength(17);
    expect(childPeriods('2026')).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(childPeriods('2026Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(parentPeriod('2026-11')).toBe('2026Q4');
    expect(parsePeriod('2026Q5')).toBeNull();
    expect(periodRange('2028Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(periodRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('the grid’s own checks', () => {
  const periods = ['2026', '2026Q1', '2026Q2', '2026Q3', '2026Q4'];
  const q = (a: number, b: number, c: number, d: number): Record<string, number> => ({ '2026': a + b + c + d, '2026Q1': a, '2026Q2': b, '2026Q3': c, '2026Q4': d });
  const good = [row('u:1', null, q(4, 3, 2, 1)), row('u:2', 'u:1', q(3, 2, 1, 1)), row('u:3', 'u:1', q(1, 1, 1, 0))];

  it('tick rows whose periods add up and columns whose rows below add up', () => {
    expect(rowChecks(good, periods)).toEqual({ 'u:1': true, 'u:2': true, 'u:3': true });
    expect(Object.values(columnChecks(good, periods)).every(Boolean)).toBe(true);
  });

  it('flag the row and the column a wrong figure breaks', () => {
    const bad = good.map((r) => (r.key === 'u:3' ? { ...r, values: { ...r.values, '2026Q2': 2 } } : r));
    expect(rowChecks(bad, periods)['u:3']).toBe(false);
    expect(columnChecks(bad, periods)['2026Q2']).toBe(false);
    expect(columnChecks(bad, periods)['2026Q1']).toBe(true);
  });

  it('keeps the locks on screen as the API takes them, one per cell', () => {
    const rows = [row('u:1', null, q(4, 3, 2, 1)), row('m:7', 'u:1', q(4, 3, 2, 1), ['2026Q2'])];
    const locks = locksOf(rows);
    expect(locks).toEqual([{ period: '2026Q2', managerId: 7, value: 3 }]);
    expect(withLock(locks, { period: '2026Q2', managerId: 7 }, 5)).toEqual([{ period: '2026Q2', managerId: 7, value: 5 }]);
    expect(withLock(locks, { period: '2026Q2', managerId: 7 }, null)).toEqual([]);
    expect(withLock(locks, { period: '2026Q1', orgUnitId: 1 }, 0)).toHaveLength(2);
  });
});
