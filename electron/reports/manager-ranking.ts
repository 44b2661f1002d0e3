import { OUTCOME_LABELS } from '../../shared/evaluation/card.js';
import type { ReportParams, ReportRow, ReportTable } from '../../shared/reports/report.js';
import type { Session } from '../api/types.js';
import { rank } from '../evaluation/scorecard.js';
import { rat, roundHalfAway } from '../platform/rational.js';
import type { Store } from '../store/store.js';
import { CompletionMean, completionBasis, completionBasisText, completionCells, completionColumns, progressDay } from './completion-basis.js';
import { managersInForce } from '../targets/context.js';
import { rankingRun, runBasis } from './ranking-run.js';
import type { ReportScope } from './scope.js';
import { outletsIn } from './scope.js';
import { col, exact, frame } from './table.js';

/**
 * 客户经理排名. With a stored evaluation run of the period covering the units (ranking-run.ts): the managers of the
 * covered outlets by their total (competition ranking 1, 2, 2, 4 within the report; incomplete cards unranked,
 * listed last), with the run's own outlet rank, outcome and 末位 mark. Without one: by the mean of their target
 * completions (credited actual ÷ their target, over the indicators where they have a positive target), each
 * indicator's completion shown beside it.
 */
export function managerRanking(store: Store, session: Session, scope: ReportScope, params: ReportParams, now: Date): ReportTable {
  const run = rankingRun(store, session, scope);
  if (run !== null) {
    const ranks = rank(run.scores.map((s) => ({ managerId: s.managerId, total: s.total })), 0);
    const ordered = [...run.scores].sort((a, b) => (ranks.get(a.managerId)?.rank ?? Infinity) - (ranks.get(b.managerId)?.rank ?? Infinity) || (a.staffNo < b.staffNo ? -1 : 1));
    const rows: ReportRow[] = ordered.map((s) => ({
      key: s.staffNo,
      cells: {
        rank: ranks.get(s.managerId)?.rank ?? null,
        staffNo: s.staffNo,
        name: s.name,
        outlet: s.outletName,
        total: exact(s.total),
        rankOutlet: s.rankOutlet,
        outcome: s.outcome === null ? null : OUTCOME_LABELS[s.outcome].zh,
        bottom: s.bottom ? '末位' : null,
      },
    }));
    const scored = run.scores.filter((s) => s.total !== null);
    const sum = scored.reduce((a, s) => a + (s.total as bigint), 0n);
    return {
      ...frame('managerRanking', scope, params, now, runBasis(run)),
      columns: [
        col('rank', '排名', 'Rank', 'count'),
        col('staffNo', '员工号', 'Staff no', 'text'),
        col('name', '姓名', 'Name', 'text'),
        col('outlet', '网点', 'Outlet', 'text'),
        col('total', '总分', 'Total', 'points'),
        col('rankOutlet', '网点内排名', 'Rank in outlet', 'count'),
        col('outcome', '建议结果', 'Outcome', 'text'),
        col('bottom', '末位', 'Bottom', 'text'),
      ],
      rows,
      totals: {
        rank: null,
        staffNo: '平均',
        name: `${scored.length} 人`,
        total: scored.length === 0 ? null : exact(roundHalfAway(rat(sum, BigInt(scored.length)))),
      },
    };
  }

  const basis = completionBasis(store, scope, now, 'manager');
  const mean = new CompletionMean();
  // Everyone in post in the covered outlets is listed (as progress lists them); only a positive target makes a
  // completion, the rest stay unranked.
  const people = new Map<string, { staffNo: string; name: string; outlet: string }>();
  for (const m of managersInForce(store, outletsIn(scope).map((o) => o.id), progressDay(store, scope, now))) {
    people.set(m.staffNo, { staffNo: m.staffNo, name: m.name, outlet: scope.nodes.get(m.orgUnitId)?.name ?? '' });
  }
  const indicators = new Map<string, string>();
  for (const { indicator, progress } of basis.progress) {
    const outlets = new Map(progress.rows.filter((r) => r.kind !== 'manager').map((r) => [r.key, r.name]));
    for (const row of progress.rows) {
      if (row.kind !== 'manager') continue;
      if (!people.has(row.code)) people.set(row.code, { staffNo: row.code, name: row.name, outlet: outlets.get(row.parentKey ?? '') ?? '' });
      if (row.target === null || row.target <= 0) continue;
      indicators.set(indicator.code, indicator.name);
      mean.add(row.code, indicator.code, row);
    }
  }
  const list = [...people.values()].map((p, i) => ({ ...p, managerId: i, total: mean.meanBp(p.staffNo) }));
  const ranks = rank(list, 0);
  const ordered = [...list].sort((a, b) => (ranks.get(a.managerId)?.rank ?? Infinity) - (ranks.get(b.managerId)?.rank ?? Infinity) || (a.staffNo < b.staffNo ? -1 : 1));
  const codes = [...indicators.keys()];
  const rows: ReportRow[] = ordered.map((p) => ({
    key: p.staffNo,
    cells: {
      rank: ranks.get(p.managerId)?.rank ?? null,
      staffNo: p.staffNo,
      name: p.name,
      outlet: p.outlet,
      ...completionCells(codes, mean, p.staffNo, p.total),
    },
  }));
  return {
    ...frame('managerRanking', scope, params, now, completionBasisText(basis)),
    columns: [
      col('rank', '排名', 'Rank', 'count'),
      col('staffNo', '员工号', 'Staff no', 'text'),
      col('name', '姓名', 'Name', 'text'),
      col('outlet', '网点', 'Outlet', 'text'),
      ...completionColumns(codes, indicators),
    ],
    rows,
    totals: null,
  };
}
