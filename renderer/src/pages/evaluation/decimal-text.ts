import { formatScaled } from '../../../../shared/targets/figures.js';

/**
 * Exact decimal text ↔ scaled integers for the scheme editor: weights and points in hundredths, 万元 in fen,
 * percentages in basis points. Never through a float, so "0.1 + 0.2" weights add up to exactly 0.3.
 */
const DECIMAL = /^\s*([+-])?(\d+)(?:\.(\d*))?\s*$/;

/** "12.5" with 2 places → 1250n; null when it is not a number or has more decimals than `places`. */
export function parseScaled(text: string, places: number): bigint | null {
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > places) return null;
  const value = BigInt(m[2] ?? '0') * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0') || '0');
  return m[1] === '-' ? -value : value;
}

/** 1250n with 2 places → "12.5" (no grouping: the text goes back into an input field). */
export function scaledText(value: bigint | string, places: number): string {
  return formatScaled(BigInt(value), places).replaceAll(',', '');
}

/** Whether the text is a plain decimal number at all (the schema then says what is wrong with its value). */
export function isNumberText(text: string): boolean {
  return DECIMAL.test(text);
}
