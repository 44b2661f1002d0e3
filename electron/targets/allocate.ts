import type { Rational } from '../platform/rational.js';
import { lcm } from '../platform/rational.js';

/**
 * Splitting a whole figure into parts that add up to it exactly (任务分解的取整): largest-remainder rounding in fen
 * or units, over integer or fractional weights, with locked parts honoured. Pure functions, BigInt throughout, so
 * a 10^15-fen branch target times a 10^15-fen AUM weight is still exact.
 */

/** A part's weight: a whole number, or a fraction such as 2/3 (a profile's share). Never negative. */
export type Weight = bigint | Rational;

/** Why a split cannot be made. Returned, not thrown: the caller says where, in the user's language. */
export type AllocationFailure =
  /** Locked parts already take more than the whole (or, for a negative whole, less), so the rest would change sign. */
  | { kind: 'locked_exceed'; total: bigint; locked: bigint }
  /** Every part is locked and the locked parts do not add up to the whole. */
  | { kind: 'nothing_unlocked'; total: bigint; locked: bigint };

export type Allocation = { ok: true; values: bigint[] } | { ok: false; failure: AllocationFailure };

/** Whole-number weights in the same proportions (fractions brought to their common denominator). */
export function integerWeights(weights: readonly Weight[]): bigint[] {
  const dens = weights.map((w) => (typeof w === 'bigint' ? 1n : w.den));
  const common = dens.reduce((a, d) => lcm(a, d), 1n);
  return weights.map((w) => {
    const n = typeof w === 'bigint' ? w * common : (w.num * common) / w.den;
    if (n < 0n) throw new RangeError('a weight is negative');
    return n;
  });
}

/**
 * Largest remainder (最大余额法): each part gets the floor of its exact quota total·w/Σw, and the units left over go
 * one each to the parts with the largest remainders; equal remainders go to the earlier part, so the result is
 * deterministic. Every part is within one unit of its quota and a zero weight gets exactly zero.
 * When every weight is zero the split is equal (nothing says otherwise).
 * A negative total is split as the mirror image of its magnitude: split(−T) = −split(T), so a planned decrease
 * (净增 below zero) falls on the parts in the same proportions and rounds the same way as an increase.
 */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) {
    if (total !== 0n) throw new RangeError('nothing to split a non-zero total over');
    return [];
  }
  if (total < 0n) return largestRemainder(-total, weights).map((v) => -v);
  for (const w of weights) if (w < 0n) throw new RangeError('a weight is negative');
  const sum = weights.reduce((a, w) => a + w, 0n);
  const ws = sum === 0n ? weights.map(() => 1n) : weights;
  const whole = sum === 0n ? BigInt(weights.length) : sum;
  const values = ws.map((w) => (total * w) / whole);
  const remainders = ws.map((w, i) => ({ i, r: (total * w) % whole }));
  let left = total - values.reduce((a, v) => a + v, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    values[i] = (values[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return values;
}

/**
 * Splits `total` over parts by weight, keeping each locked part (a non-null entry of `locked`) at its value: the
 * rest, total − Σ locked, is spread over the unlocked parts by largest remainder.
 * Refused when the rest has the opposite sign of the total (locked parts exceed the whole in its direction; a
 * total of zero counts as an increase), or when every part is locked and they do not add up to the total.
 */
export function allocate(total: bigint, weights: readonly Weight[], locked: ReadonlyArray<bigint | null> = []): Allocation {
  const ints = integerWeights(weights);
  const lockedSum = locked.reduce<bigint>((a, v) => a + (v ?? 0n), 0n);
  const rest = total - lockedSum;
  if ((total >= 0n && rest < 0n) || (total < 0n && rest > 0n)) return { ok: false, failure: { kind: 'locked_exceed', total, locked: lockedSum } };
  const open = ints.map((_, i) => i).filter((i) => (locked[i] ?? null) === null);
  if (open.length === 0) {
    return rest === 0n ? { ok: true, values: ints.map((_, i) => locked[i] ?? 0n) } : { ok: false, failure: { kind: 'nothing_unlocked', total, locked: lockedSum } };
  }
  const spread = largestRemainder(
    rest,
    open.map((i) => ints[i] ?? 0n),
  );
  const values = ints.map((_, i) => locked[i] ?? 0n);
  open.forEach((i, k) => (values[i] = spread[k] ?? 0n));
  return { ok: true, values };
}
