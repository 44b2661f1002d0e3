/**
 * Exact fractions over BigInt: the one arithmetic for figures that must match a hand calculation on every machine
 * — shares of a decomposed target (fen amounts up to 10^15 times weights of the same size overflow doubles and
 * SQLite integers), credited actuals, completion rates and points. Nothing here rounds unless asked.
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

export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d === 0n) throw new RangeError('zero denominator');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return g === 0n ? { num: 0n, den: 1n } : { num: (sign * n) / g, den: (sign * d) / g };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export const add = (a: Rational, b: Rational): Rational => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rat(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rat(a.num * b.den, a.den * b.num);

/** Largest integer ≤ the fraction (BigInt division truncates towards zero, which is wrong for negatives). */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** Whole units towards zero (full units only). */
export const trunc = (a: Rational): bigint => a.num / a.den;

export const isInteger = (a: Rational): boolean => a.num % a.den === 0n;

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);
export const clamp = (x: Rational, lo: Rational | null, hi: Rational | null): Rational => {
  let v = x;
  if (hi !== null) v = min(v, hi);
  if (lo !== null) v = max(v, lo);
  return v;
};

/** The part above the floor, in [0, 1). */
export const fraction = (a: Rational): Rational => sub(a, rat(floor(a)));

/** Rounds half away from zero: how a credited share or a score is reported. */
export function roundHalfAway(a: Rational): bigint {
  const twice = rat(2n * abs(a.num), a.den);
  const magnitude = (floor(twice) + 1n) / 2n;
  return a.num < 0n ? -magnitude : magnitude;
}

/** A decimal with at most two places (weights, points, percentages) as hundredths, exactly. */
export function hundredths(value: number): bigint {
  return BigInt(Math.round(value * 100));
}

/** `value` percent as a fraction: 120 → 6/5. */
export const percent = (value: number): Rational => rat(hundredths(value), 10_000n);

/** Hundredths as a decimal string: 8567 → "85.67". */
export function formatHundredths(cp: bigint): string {
  const neg = cp < 0n;
  const a = neg ? -cp : cp;
  return `${neg ? '-' : ''}${(a / 100n).toString()}.${(a % 100n).toString().padStart(2, '0')}`;
}

/** A fraction as a percentage with two decimals: 6/5 → "120.00". */
export function formatPercent(x: Rational): string {
  return formatHundredths(roundHalfAway(mul(x, rat(10_000n))));
}

/** A figure with two decimals (whole numbers stay whole): 7/2 → "3.50", 12 → "12". */
export function formatDecimal(x: Rational): string {
  if (x.den === 1n) return x.num.toString();
  return formatHundredths(roundHalfAway(mul(x, rat(100n))));
}
