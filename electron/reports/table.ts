import type { ReportColumn, ReportColumnKind, ReportId, ReportParams, ReportTable, ReportValue } from '../../shared/reports/report.js';
import { catalogEntry } from '../../shared/reports/catalog.js';
import type { ReportScope } from './scope.js';
import { scopeLabel } from './scope.js';

/** Small helpers the report builders share: columns, exact values as numbers, the table's frame. */
export const col = (key: string, zh: string, en: string, kind: ReportColumnKind): ReportColumn => ({ key, label: { zh, en }, kind });

/**
 * A BigInt as a cell value. Every value a report holds stays far below 2^53 fen (about 90 万亿元), so a number is
 * exact; a figure beyond that is refused rather than rounded.
 */
export function exact(v: bigint | null): number | null {
  if (v === null) return null;
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`report value out of range: ${v}`);
  return Number(v);
}

export const sumOf = (rows: ReadonlyArray<Record<string, ReportValue>>, key: string): number => {
  let s = 0n;
  for (const r of rows) {
    const v = r[key];
    if (typeof v === 'number') s += BigInt(v);
  }
  return exact(s) ?? 0;
};

export function frame(id: ReportId, scope: ReportScope, params: ReportParams, now: Date, basis: { zh: string; en: string }): Pick<ReportTable, 'id' | 'title' | 'params' | 'scopeLabel' | 'basis' | 'generatedAt'> {
  return {
    id,
    title: catalogEntry(id).title,
    params: { period: params.period, ...(params.orgUnitId === undefined ? {} : { orgUnitId: params.orgUnitId }) },
    scopeLabel: scopeLabel(scope),
    basis,
    generatedAt: now.toISOString(),
  };
}
