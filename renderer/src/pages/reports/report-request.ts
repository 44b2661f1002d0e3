import type { ReportId } from '../../../../shared/reports/report.js';

/** What the page asks for: the input of reports.view, reports.pdf and reports.xlsx alike. */
export interface ReportRequest {
  id: ReportId;
  period: string;
  orgUnitId?: number;
}

export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** Today as the PC's calendar date, for period choices when the workspace has no data yet. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number): string => n.toString().padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
