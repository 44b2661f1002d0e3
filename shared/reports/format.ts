import { formatFen } from '../model/money.js';
import type { ReportColumn, ReportColumnKind, ReportRow, ReportValue } from './report.js';

/**
 * How a report cell reads on screen and on paper, from its exact stored value: fen as 元 with thousands separators
 * and two decimals, points from hundredths, basis points as a percentage with two decimals, counts with thousands
 * separators. Integer arithmetic only (BigInt), so 0.1 + 0.2 never shows up in a bank's report.
 */
const groups = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function twoDecimals(hundredths: number): string {
  const big = BigInt(hundredths);
  const neg = big < 0n;
  const abs = neg ? -big : big;
  return `${neg ? '-' : ''}${groups((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function formatReportValue(kind: ReportColumnKind, value: ReportValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'fen':
      return formatFen(value);
    case 'points':
      return twoDecimals(value);
    case 'basisPoints':
      return `${twoDecimals(value)}%`;
    case 'count':
      return value < 0 ? `-${groups(String(-value))}` : groups(String(value));
    default:
      return String(value);
  }
}

/** The kind a row's cell is shown in: its own (`row.kinds`) or its column's. */
export function cellKind(column: ReportColumn, row: Pick<ReportRow, 'kinds'> | null): ReportColumnKind {
  return row?.kinds?.[column.key] ?? column.kind;
}

/** The unit a column header carries: （元）, （%）… */
export function unitSuffix(kind: ReportColumnKind, locale: 'zh' | 'en'): string {
  if (kind === 'fen') return locale === 'zh' ? '（元）' : ' (yuan)';
  if (kind === 'basisPoints') return locale === 'zh' ? '（%）' : ' (%)';
  if (kind === 'points') return locale === 'zh' ? '（分）' : ' (points)';
  return '';
}

export const isNumericKind = (kind: ReportColumnKind): boolean => kind === 'fen' || kind === 'points' || kind === 'basisPoints' || kind === 'count';
