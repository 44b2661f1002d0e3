import type { EvaluationCard, EvaluationItemScore } from '../../shared/evaluation/card.js';
import type { FigureUnit } from '../../shared/evaluation/sheet.js';
import { figureNumber, pointsNumber } from '../../shared/evaluation/sheet.js';
import type { XlsxCell } from '../xlsx/build-xlsx.js';
import { formatPercent, rat, roundHalfAway } from '../platform/rational.js';

/**
 * Exact arithmetic for the workbook's totals and averages. Every figure on a card is a decimal string with at most
 * two places (points in hundredths, actuals as traced); sums are taken in hundredths as BigInt and divided once,
 * rounded half away from zero like the scoring itself, so a sum in the workbook equals the sum by hand.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** A decimal string with at most two places as hundredths ("13483871" → 1348387100n, "83.5" → 8350n). */
export function centsOf(value: string | null): bigint | null {
  if (value === null) return null;
  const m = DECIMAL.exec(value);
  if (m === null) return null;
  const abs = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -abs : abs;
}

/** Hundredths back to the decimal string (no grouping): 1348387100n → "13483871.00". */
export function centsText(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Points (hundredths string) as a spreadsheet cell shown with two decimals. */
export function pointsCell(hundredths: string | null): XlsxCell {
  const n = pointsNumber(hundredths);
  return n === null ? null : { fixed2: n };
}

export function sumPoints(values: ReadonlyArray<string | null>): bigint {
  return values.reduce((s, v) => s + (v === null ? 0n : BigInt(v)), 0n);
}

/** The mean of hundredths, to hundredths, half away from zero; null for none. */
export function meanHundredths(values: readonly bigint[]): bigint | null {
  if (values.length === 0) return null;
  return roundHalfAway(rat(values.reduce((s, v) => s + v, 0n), BigInt(values.length)));
}

/** actual ÷ target (or target ÷ actual when less is better) as a percentage with two decimals; null without a positive base. */
export function completionText(actualCents: bigint, targetCents: bigint, direction: 'up' | 'down'): string | null {
  const [num, den] = direction === 'up' ? [actualCents, targetCents] : [targetCents, actualCents];
  if (den <= 0n) return null;
  return formatPercent(rat(num, den));
}

export const itemOf = (card: EvaluationCard, key: string): EvaluationItemScore | undefined => card.items.find((i) => i.key === key);

/** A target or actual as a spreadsheet number: 元 (two decimals shown) from fen, % from basis points, units as they are. */
export function figureCell(value: string | null, unit: FigureUnit): XlsxCell {
  const n = figureNumber(value, unit);
  if (n === null) return null;
  return unit.kind === 'fen' || unit.kind === 'bp' ? { fixed2: n } : n;
}
