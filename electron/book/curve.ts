import type { Curve } from '../../shared/book/config.js';

/**
 * Rounds a non-negative score to integer tenths, half up. The value is first snapped to 1e-6 of a tenth:
 * interpolation in binary floating point turns an exact 12.35 into 12.3499999…, and a hand computation
 * (and the docs) round that up, so we must too.
 */
export function toTenths(value: number): number {
  return Math.round(Math.round(value * 1e7) / 1e6);
}

/** Integer division rounded half up, for non-negative numerators (exact: no floating point involved). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * The score (0–100, in tenths) a piecewise-linear curve gives `x`: flat before the first and after the last
 * reference point, a straight line between neighbours.
 */
export function curvePointsTenths(curve: Curve, x: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (first === undefined || last === undefined) return 0;
  if (x <= first.x) return toTenths(first.points);
  if (x >= last.x) return toTenths(last.points);
  for (let i = 1; i < curve.length; i++) {
    const hi = curve[i];
    const lo = curve[i - 1];
    if (hi === undefined || lo === undefined) break;
    if (x <= hi.x) return toTenths(lo.points + ((x - lo.x) * (hi.points - lo.points)) / (hi.x - lo.x));
  }
  return toTenths(last.points);
}
