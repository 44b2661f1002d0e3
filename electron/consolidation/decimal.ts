/**
 * Exact sums of decimal text ("-1234.56", "83.3333"): each value is scaled to the largest number of places among
 * them and added as BigInt, so the sum has no rounding at all (a sum of finite decimals is one).
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

function scaled(text: string, places: number): bigint {
  const m = DECIMAL.exec(text);
  if (m === null) throw new RangeError(`not a decimal: ${text}`);
  const frac = (m[3] ?? '').padEnd(places, '0');
  const v = BigInt(`${m[2] ?? '0'}${frac}`);
  return m[1] === '-' ? -v : v;
}

const placesOf = (text: string): number => DECIMAL.exec(text)?.[3]?.length ?? 0;

export function formatScaled(value: bigint, places: number): string {
  const neg = value < 0n;
  const digits = (neg ? -value : value).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${neg ? '-' : ''}${whole}${places === 0 ? '' : `.${frac}`}`;
}

/** The exact sum, with as many places as the most precise value (at least `minPlaces`); empty values count as 0. */
export function sumDecimals(values: ReadonlyArray<string | null>, minPlaces = 0): string {
  const present = values.filter((v): v is string => v !== null && v !== '');
  const places = Math.max(minPlaces, ...present.map(placesOf));
  return formatScaled(present.reduce((s, v) => s + scaled(v, places), 0n), places);
}

/** Points with two places as hundredths ("85.50" → 8550n); null for empty. */
export function hundredthsOf(text: string): bigint | null {
  if (text === '') return null;
  const m = DECIMAL.exec(text);
  if (m === null || (m[3] ?? '').length > 2) throw new RangeError(`not points with two places: ${text}`);
  return scaled(text, 2);
}
