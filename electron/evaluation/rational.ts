/**
 * Exact fractions over BigInt for scoring: completion = actual ÷ target and points = weight × completion must come
 * out the same on every machine and match a hand calculation, so no binary floats touch them. Only the final
 * points are rounded (to hundredths of a point, half away from zero).
 */
export interface Q {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('division by zero');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}

export const ZERO = q(0);
export const ONE = q(1);

export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const cmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
export const clamp = (x: Q, lo: Q | null, hi: Q | null): Q => {
  let v = x;
  if (hi !== null) v = min(v, hi);
  if (lo !== null) v = max(v, lo);
  return v;
};

/** Whole units, rounded half away from zero. */
export function round(x: Q): bigint {
  const neg = x.n < 0n;
  const abs = neg ? -x.n : x.n;
  const whole = (2n * abs + x.d) / (2n * x.d);
  return neg ? -whole : whole;
}

/** Whole units, rounded towards zero (full units only). */
export function trunc(x: Q): bigint {
  return x.n / x.d;
}

/** A decimal figure with at most two places (weights, points, percentages) as hundredths, exactly. */
export function hundredths(value: number): bigint {
  return BigInt(Math.round(value * 100));
}

/** `value` percent as a fraction: 120 → 6/5. */
export const percent = (value: number): Q => q(hundredths(value), 10_000n);

/** Hundredths of a point as a decimal string: 8567 → "85.67". */
export function formatHundredths(cp: bigint): string {
  const neg = cp < 0n;
  const abs = neg ? -cp : cp;
  return `${neg ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A fraction as a percentage with two decimals (for traces and sheets): 6/5 → "120.00". */
export function formatPercent(x: Q): string {
  return formatHundredths(round(mul(x, q(10_000n))));
}

/** A figure with two decimals (whole numbers stay whole): 7/2 → "3.50", 12 → "12". For traces. */
export function formatDecimal(x: Q): string {
  if (x.d === 1n) return x.n.toString();
  return formatHundredths(round(mul(x, q(100n))));
}
