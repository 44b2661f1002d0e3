import type { ReportParams, ReportRow, ReportTable } from '../../shared/reports/report.js';
import type { Session } from '../api/types.js';
import type { Store } from '../store/store.js';
import { contactPlanCoverage, rateBp } from '../worklog/coverage.js';
import type { ReportScope } from './scope.js';
import { col, frame, sumOf } from './table.js';

/**
 * 联系计划覆盖率: the work log's own figure (electron/worklog/coverage.ts, the one the evaluation's
 * `contact_coverage` metric reads) over the whole period, for every manager working in the covered units on its
 * last day: clients under a contact plan they held as primary that day, how many were never overdue during the
 * period, and the rate. The totals row adds the counts and recomputes the rate from them.
 */
export function contactCoverage(store: Store, _session: Session, scope: ReportScope, params: ReportParams, now: Date): ReportTable {
  const cov = contactPlanCoverage(store, { from: scope.from, to: scope.to, orgUnitIds: [...scope.units] });
  const rows: ReportRow[] = cov.managers.map((m) => ({
    key: m.staffNo,
    cells: {
      staffNo: m.staffNo,
      name: m.name,
      outlet: m.orgUnitId === null ? null : (scope.nodes.get(m.orgUnitId)?.name ?? null),
      underPlan: m.underPlan,
      covered: m.covered,
      uncovered: m.underPlan - m.covered,
      rate: m.rateBp,
    },
  }));
  const cells = rows.map((r) => r.cells);
  const underPlan = sumOf(cells, 'underPlan');
  const covered = sumOf(cells, 'covered');
  return {
    ...frame('contactCoverage', scope, params, now, {
      zh: `${scope.from} 至 ${scope.to} 全期；评分截至 ${cov.scoredAsOf ?? '—'}（联系计划按客群/等级匹配）`,
      en: `The whole period ${scope.from} to ${scope.to}; client book scored as of ${cov.scoredAsOf ?? '—'} (plans match by segment or tier)`,
    }),
    columns: [
      col('staffNo', '员工号', 'Staff no', 'text'),
      col('name', '姓名', 'Name', 'text'),
      col('outlet', '网点', 'Outlet', 'text'),
      col('underPlan', '计划内客户', 'Under a plan', 'count'),
      col('covered', '按计划联系', 'Covered', 'count'),
      col('uncovered', '曾逾期', 'Overdue at some point', 'count'),
      col('rate', '覆盖率', 'Coverage', 'basisPoints'),
    ],
    rows,
    totals: { staffNo: '合计', name: null, outlet: null, underPlan, covered, uncovered: underPlan - covered, rate: rateBp(covered, underPlan) },
  };
}
