import { cleanCell } from './text.js';
import { splitLine } from './split-line.js';

export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** First cells of totals and footer rows (合计, 人民币合计 …) that are never data. */
const FOOTER_PATTERN = /^(?:合计|总计|小计|本页合计|人民币合计|累计|共计|(?:total|grand total|sum)\b|共\s*\d+\s*(?:笔|条|户|行))/i;

export function isFooterCell(first: string): boolean {
  return FOOTER_PATTERN.test(cleanCell(first));
}

/** Trailing empty fields from a trailing delimiter ("a,b,c,") are not columns. */
export function dropTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cleanCell(cells[end - 1] ?? '') === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

function modalCount(counts: number[]): { value: number; share: number } {
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  let bestN = 0;
  for (const [value, n] of freq) if (n > bestN || (n === bestN && value > best)) [best, bestN] = [value, n];
  return { value: best, share: counts.length === 0 ? 0 : bestN / counts.length };
}

/**
 * The delimiter that splits the most sample lines into the same number (≥ 2) of fields.
 * Preamble lines and footers disagree with the body, so consistency beats raw counts.
 */
export function detectDelimiter(lines: readonly string[]): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  const body = lines.filter((l) => l.trim() !== '');
  for (const d of DELIMITERS) {
    const counts = body.map((l) => dropTrailingEmpty(splitLine(l, d)).length);
    const { value, share } = modalCount(counts);
    if (value < 2) continue;
    const score = share * counts.length * Math.log2(value + 1);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

const NUMERIC = /^[+-]?[\d,.]+$/;

export interface HeaderGuess {
  /** Zero-based index among the sample rows. */
  index: number;
  /** How many cells of that row match a known header name. */
  matches: number;
}

/**
 * The header is the row with the most cells naming a known field; without any known names, the first row
 * that is wide as the body and mostly text. Rows above it are the preamble (titles, 账号/币种 lines).
 */
export function detectHeaderRow(rows: readonly string[][], isKnownHeader: (cell: string) => boolean): HeaderGuess {
  let best: HeaderGuess = { index: -1, matches: 0 };
  rows.forEach((row, index) => {
    const matches = row.filter((c) => isKnownHeader(cleanCell(c))).length;
    if (matches > best.matches) best = { index, matches };
  });
  if (best.matches >= 2) return best;
  const widths = rows.map((r) => dropTrailingEmpty(r).length);
  const { value: bodyWidth } = modalCount(widths);
  const index = rows.findIndex((r, i) => {
    const cells = dropTrailingEmpty(r).map(cleanCell);
    if ((widths[i] ?? 0) < bodyWidth || cells.length === 0) return false;
    const texts = cells.filter((c) => c !== '' && !NUMERIC.test(c)).length;
    return texts >= Math.ceil(cells.length * 0.6);
  });
  return { index: index === -1 ? 0 : index, matches: 0 };
}
