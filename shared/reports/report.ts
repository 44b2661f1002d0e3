/**
 * The standard reports (issue 9) share one shape, so one renderer draws every report on screen, one printer lays
 * it out on A4 and one writer turns it into .xlsx, and a report template can point at any of its cells.
 */
export const REPORT_IDS = ['managerRanking', 'outletRanking', 'targetCompletion', 'clientMovement', 'assignmentChanges', 'contactCoverage'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export interface ReportParams {
  /** 2026-10, 2026Q3 or 2026 (shared/targets/periods.ts). */
  period: string;
  /** The org unit the report covers (and its subtree); absent: everything the caller may see. */
  orgUnitId?: number;
}

/**
 * How a column's values are stored and shown. All are exact: money in integer fen, points in hundredths,
 * ratios in basis points (1 = 0.01%), counts as integers.
 */
export type ReportColumnKind = 'text' | 'count' | 'fen' | 'points' | 'basisPoints' | 'date';

export interface ReportColumn {
  key: string;
  label: { zh: string; en: string };
  kind: ReportColumnKind;
}

export type ReportValue = string | number | null;

export interface ReportRow {
  /** Stable across runs (staff no, outlet code, indicator code, client no…): what a template cell refers to. */
  key: string;
  cells: Record<string, ReportValue>;
  /**
   * A cell's own kind where it differs from its column's: the target-completion report lists amount and count
   * indicators in one 目标 column, so a count indicator's cells say `count` here. Absent: the column's kind.
   */
  kinds?: Record<string, ReportColumnKind>;
}

export interface ReportTable {
  id: ReportId;
  title: { zh: string; en: string };
  params: ReportParams;
  /** The covered unit and period as printed in the header, e.g. 南京分行营业部 · 2026-10. */
  scopeLabel: string;
  /** The data the report rests on, e.g. 数据截至 2026-10-31 / evaluation run #3 (locked). */
  basis: { zh: string; en: string };
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The totals row, exact sums (or recomputed ratios) of the rows, when the report has one. */
  totals: Record<string, ReportValue> | null;
  generatedAt: string;
  /** Who asked for it (the header's 制表人); added by the builder from the session. */
  generatedBy?: string;
  /** A second table listing the rows behind the figures (the clients that moved), when the report has one. */
  detail?: ReportDetail | null;
}

/** A list printed after the main table, e.g. the clients behind the client-movement counts. */
export interface ReportDetail {
  title: { zh: string; en: string };
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Set when the list was cut to its first `limit` rows (the totals above still count every client). */
  truncated: { limit: number; total: number } | null;
}
