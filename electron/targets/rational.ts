/**
 * Exact fractions over BigInt, for the ideal (unrounded) shares of a decomposition: fen amounts up to 10^15 times
 * weights of the same size overflow both doubles and SQLite integers, so nothing here ever rounds.
 * Invariant: `den > 0` and the fraction is in lowest terms.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

export function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function lcm(a: bigint, b: bigint): bigint {
  return a === 0n || b === 0n ? 0n : abs(a * b) / gcd(a, b);
}

export function rat(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError('zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return g === 0n ? { num: 0n, den: 1n } : { num: (sign * num) / g, den: (sign * den) / g };
}

export const ZERO: Rational = { num: 0n, den: 1n };

export const add = (a: Rational, b: Rational): Rational => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rat(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rat(a.num * b.den, a.den * b.num);

/** Largest integer ≤ the fraction (BigInt division truncates towards zero, which is wrong for negatives). */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

export const isInteger = (a: Rational): boolean => a.num % a.den === 0n;

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The part above the floor, in [0, 1). */
export const fraction = (a: Rational): Rational => sub(a, rat(floor(a)));

/** Rounds half away from zero: how a credited share of a whole figure is reported. */
export function roundHalfAway(a: Rational): bigint {
  const twice = rat(2n * abs(a.num), a.den);
  const magnitude = (floor(twice) + 1n) / 2n;
  return a.num < 0n ? -magnitude : magnitude;
}
