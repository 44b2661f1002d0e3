/**
 * Target figures in the indicator's unit, exactly: amounts are integer fen shown in their unit (万元 = 10^6 fen,
 * 元 = 10^2, 亿元 = 10^10) with as many decimals as the fen need — never through a float — and counts whole units.
 */
const PLACES: Readonly<Record<string, number>> = { 元: 2, 万元: 6, 万: 6, 亿元: 10, 亿: 10 };

/** Decimal places from the unit to fen (万元 when the unit is not a money unit). */
export const amountPlaces = (unit: string): number => PLACES[unit] ?? 6;

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123,456,789 fen in 万元 → "123.456789"; 1,500,000,000 fen → "1,500". Trailing zeros of the fraction are dropped. */
export function formatScaled(value: number | bigint, places: number): string {
  const big = BigInt(value);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const scale = 10n ** BigInt(places);
  const whole = group((abs / scale).toString());
  const frac = places === 0 ? '' : (abs % scale).toString().padStart(places, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`}`;
}

/** A figure as shown in its unit: amounts exactly in 万元 (or the indicator's money unit), counts grouped. */
export function formatFigure(value: number | bigint, measure: 'amount' | 'count', unit = '万元'): string {
  return formatScaled(value, measure === 'amount' ? amountPlaces(unit) : 0);
}

/** Parses what a user types in the figure's unit ("1,234.5" 万元 → fen; "12" 户); null when it is not a figure. */
export function parseFigure(text: string, measure: 'amount' | 'count', unit = '万元'): number | null {
  const m = /^\s*([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (m === null) return null;
  const places = measure === 'amount' ? amountPlaces(unit) : 0;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > places) return null;
  const value = BigInt((m[2] ?? '0').replaceAll(',', '')) * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0') || '0');
  const signed = m[1] === '-' ? -value : value;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(signed);
}

/** Basis points as a percentage with one decimal: 12345 → "123.5%" (half away from zero). */
export function formatBp(bp: number | null): string {
  if (bp === null) return '—';
  const tenths = Math.sign(bp) * Math.floor((Math.abs(bp) + 5) / 10);
  return `${(tenths / 10).toFixed(1)}%`;
}

/**
 * A figure split for aligned columns: the exact text, and the zeros that pad its fraction to the unit's full
 * places (shown faintly), so "1,054" and "140.533334" line up as "1,054.000000" and "140.533334".
 */
export function figureParts(value: number | bigint, measure: 'amount' | 'count', unit = '万元'): { text: string; pad: string } {
  const text = formatFigure(value, measure, unit);
  const places = measure === 'amount' ? amountPlaces(unit) : 0;
  if (places === 0) return { text, pad: '' };
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  return { text, pad: `${dot < 0 ? '.' : ''}${'0'.repeat(places - decimals)}` };
}
