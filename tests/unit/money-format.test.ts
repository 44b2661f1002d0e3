import { describe, expect, it } from 'vitest';
import { formatFen, formatWan, parseYuanToFen } from '../../shared/model/money.js';

describe('money formatting (display only, integer fen in)', () => {
  it('formats yuan with separators and two decimals', () => {
    expect(formatFen(123_456_789)).toBe('1,234,567.89');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(0, { withUnit: true })).toBe('0.00 元');
  });

  it('formats 万元 with one decimal, rounding half away from zero', () => {
    expect(formatWan(12_345_678)).toBe('12.3');
    expect(formatWan(12_350_000)).toBe('12.4');
    expect(formatWan(1_234_567_890_000)).toBe('1,234,567.9');
    expect(formatWan(-12_350_000)).toBe('-12.4');
    expect(formatWan(-40_000)).toBe('0.0');
  });

  it('parses yuan text back to fen exactly', () => {
    expect(parseYuanToFen('1,234.5')).toBe(123_450);
    expect(parseYuanToFen('-0.05')).toBe(-5);
    expect(parseYuanToFen('1.234')).toBeNull();
  });
});
