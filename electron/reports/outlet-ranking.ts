import type { ReportParams, ReportRow, ReportTable } from '../../shared/reports/report.js';
import type { Session } from '../api/types.js';
import { rank } from '../evaluation/scorecard.js';
import { rat, roundHalfAway } from '../platform/rational.js';
import type { Store } from '../store/store.js';
import { CompletionMean, completionBasis, completionBasisText, completionCells, completionColumns } from './completion-basis.js';
import { rankingRun, runBasis } from './ranking-run.js';
import type { ReportScope } from './scope.js';
import { outletsIn } from './scope.js';
import { col, exact, frame } from './table.js';

const mean = (sum: bigint, n: number): bigint | null => (n === 0 ? null : roundHalfAway(rat(sum, BigInt(n))));

const byRankThenCode =
  (ranks: Map<number, { rank: number }>) =>
  (a: { id: number; code: string }, b: { id: number; code: string }): number =>
    (ranks.get(a.id)?.rank ?? Infinity) - (ranks.get(b.id)?.rank ?? Infinity) || (a.code < b.code ? -1 : 1);

/**
 * 网点排名: every outlet of the covered units. With an evaluation run (the one the manager ranking uses): by the
 * mean total of its managers whose card is complete, rounded to 0.01 once. Without one: by the mean of the
 * outlet's target completions (its actual by the clients' outlet ÷ its target, over the indicators where it has a
 * positive target). Competition ranking; outlets without a figure are listed last, unranked.
 */
export function outletRanking(store: Store, session: Session, scope: ReportScope, params: ReportParams, now: Date): ReportTable {
  const outlets = outletsIn(scope);
  const run = rankingRun(store, session, scope);
  if (run !== null) {
    const per = new Map<number, { managers: number; scored: number; sum: bigint }>();
    for (const s of run.scores) {
      const p = per.get(s.outletId) ?? { managers: 0, scored: 0, sum: 0n };
      p.managers += 1;
      if (s.total !== null) {
        p.scored += 1;
        p.sum += s.total;
      }
      per.set(s.outletId, p);
    }
    const list = outlets.map((o) => {
      const p = per.get(o.id) ?? { managers: 0, scored: 0, sum: 0n };
      return { id: o.id, code: o.code, name: o.name, ...p, average: mean(p.sum, p.scored) };
    });
    const ranks = rank(list.map((o) => ({ managerId: o.id, total: o.average })), 0);
    const rows: ReportRow[] = [...list].sort(byRankThenCode(ranks)).map((o) => ({
      key: o.code,
      cells: { rank: ranks.get(o.id)?.rank ?? null, code: o.code, name: o.name, managers: o.managers, scored: o.scored, average: exact(o.average) },
    }));
    const managers = list.reduce((a, o) => a + o.managers, 0);
    const scored = list.reduce((a, o) => a + o.scored, 0);
    const sum = list.reduce((a, o) => a + o.sum, 0n);
    return {
      ...frame('outletRanking', scope, params, now, runBasis(run)),
      columns: [
        col('rank', '排名', 'Rank', 'count'),
        col('code', '网点号', 'Outlet code', 'text'),
        col('name', '网点', 'Outlet', 'text'),
        col('managers', '参评人数', 'Managers', 'count'),
        col('scored', '已出总分', 'Scored', 'count'),
        col('average', '平均总分', 'Mean total', 'points'),
      ],
      rows,
      totals: { rank: null, code: '合计', name: null, managers, scored, average: exact(mean(sum, scored)) },
    };
  }

  const basis = completionBasis(store, scope, now, 'outlet');
  const completions = new CompletionMean();
  const indicators = new Map<string, string>();
  const outletIds = new Set(outlets.map((o) => o.id));
  for (const { indicator, progress } of basis.progress) {
    for (const row of progress.rows) {
      if (row.managerId !== null || row.orgUnitId === null || !outletIds.has(row.orgUnitId) || row.target === null || row.target <= 0) continue;
      indicators.set(indicator.code, indicator.name);
      completions.add(String(row.orgUnitId), indicator.code, row);
    }
  }
  const list = outlets.map((o) => ({ id: o.id, code: o.code, name: o.name, completion: completions.meanBp(String(o.id)) }));
  const ranks = rank(list.map((o) => ({ managerId: o.id, total: o.completion })), 0);
  const codes = [...indicators.keys()];
  const rows: ReportRow[] = [...list].sort(byRankThenCode(ranks)).map((o) => ({
    key: o.code,
    cells: {
      rank: ranks.get(o.id)?.rank ?? null,
      code: o.code,
      name: o.name,
      ...completionCells(codes, completions, String(o.id), o.completion),
    },
  }));
  return {
    ...frame('outletRanking', scope, params, now, completionBasisText(basis)),
    columns: [
      col('rank', '排名', 'Rank', 'count'),
      col('code', '网点号', 'Outlet code', 'text'),
      col('name', '网点', 'Outlet', 'text'),
      ...completionColumns(codes, indicators),
    ],
    rows,
    totals: null,
  };
}
