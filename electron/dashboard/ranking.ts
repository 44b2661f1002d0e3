import type { EvaluationRunInfo } from '../../shared/api/ops/evaluation.js';
import { rankAndPick } from '../../shared/dashboard/ranking.js';
import type { RankCandidate } from '../../shared/dashboard/ranking.js';
import type { Ranking, RankingSection } from '../../shared/dashboard/types.js';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import { periodRange } from '../../shared/targets/periods.js';
import { runInfos } from '../evaluation/access.js';
import { AppError } from '../platform/app-error.js';
import { rat, roundHalfAway } from '../platform/rational.js';
import type { Store } from '../store/store.js';
import { creditedActuals } from '../targets/credit.js';
import type { YearWindow } from '../targets/org-actuals.js';
import { orgActual } from '../targets/org-actuals.js';
import type { IndicatorBasis } from './targets.js';
import { completionBp } from './targets.js';

/** How many of the best and of the last a ranking card shows (the caller's own rows come on top of these). */
export const TOP = 5;
export const BOTTOM = 3;

/** Who is asking, and for which part of the tree. */
export type RankViewer =
  | { kind: 'manager'; managerId: number }
  | { kind: 'staff'; units: ReadonlySet<number> | null; subtree: ReadonlySet<number>; orgUnitId: number };

const NONE: RankingSection = { source: 'none', run: null, indicator: null, measure: 'bp', managers: null, outlets: null };

/**
 * The runs the caller may see (evaluation.runs' rule) whose period lies inside the one picked: that very period
 * first, then the one ending last, then the newest.
 */
function candidateRuns(store: Store, viewer: RankViewer, period: string): EvaluationRunInfo[] {
  const { from, to } = periodRange(period);
  const inside = 'r.period_from >= ? AND r.period_to <= ?';
  let runs: EvaluationRunInfo[];
  if (viewer.kind === 'manager') {
    runs = runInfos(store, `${inside} AND EXISTS (SELECT 1 FROM evaluation_score e WHERE e.run_id = r.id AND e.manager_id = ?)`, [from, to, viewer.managerId], 200);
  } else if (viewer.units === null) {
    runs = runInfos(store, inside, [from, to], 200);
  } else {
    runs = runInfos(store, `${inside} AND r.org_unit_id IN (SELECT value FROM json_each(?))`, [from, to, JSON.stringify([...viewer.units])], 200);
  }
  const end = (r: EvaluationRunInfo): string => periodRange(r.period).to;
  return runs.sort((a, b) => Number(b.period === period) - Number(a.period === period) || end(b).localeCompare(end(a)) || b.id - a.id);
}

function cardsOf(store: Store, runId: number): EvaluationCard[] {
  return (store.db.prepare('SELECT card FROM evaluation_score WHERE run_id = ?').pluck().all(runId) as string[]).map((c) => JSON.parse(c) as EvaluationCard);
}

/** Managers by the run's own branch ranking; outlets by the average total of their ranked managers. */
function fromRun(run: EvaluationRunInfo, cards: readonly EvaluationCard[], viewer: RankViewer): RankingSection {
  const ranked = cards.filter((c) => c.total !== null && c.rankBranch !== null);
  const mine = (c: EvaluationCard): boolean => (viewer.kind === 'manager' ? c.managerId === viewer.managerId : viewer.subtree.has(c.manager.outletId));
  const everyoneMine = ranked.every(mine);
  const managerRows = (viewer.kind === 'manager' ? ranked.filter(mine) : ranked).map(
    (c): RankCandidate => ({ id: c.managerId, code: c.manager.staffNo, name: c.manager.name, unitName: c.manager.outletName, value: Number(c.total), rank: c.rankBranch ?? 0 }),
  );
  const own = new Set(everyoneMine && viewer.kind === 'staff' ? [] : ranked.filter(mine).map((c) => c.managerId));
  const managers: Ranking = { ...rankAndPick(managerRows, { top: TOP, bottom: BOTTOM, own, better: 'higher', onlyOwn: viewer.kind === 'manager' }), of: ranked.length };

  let outlets: Ranking | null = null;
  if (viewer.kind === 'staff') {
    const byOutlet = new Map<number, { code: string; name: string; sum: bigint; n: bigint }>();
    for (const c of ranked) {
      const o = byOutlet.get(c.manager.outletId) ?? { code: c.manager.outletCode, name: c.manager.outletName, sum: 0n, n: 0n };
      o.sum += BigInt(c.total ?? '0');
      o.n += 1n;
      byOutlet.set(c.manager.outletId, o);
    }
    // The average of stored hundredths, rounded once to hundredths (half away from zero), as the workbook's 平均总分.
    const rows = [...byOutlet].map(([id, o]): RankCandidate => ({ id, code: o.code, name: o.name, unitName: null, value: Number(roundHalfAway(rat(o.sum, o.n))) }));
    const ownOutlets = new Set(rows.every((r) => viewer.subtree.has(r.id)) ? [] : rows.filter((r) => viewer.subtree.has(r.id)).map((r) => r.id));
    outlets = rankAndPick(rows, { top: TOP, bottom: BOTTOM, own: ownOutlets, better: 'higher' });
  }
  return {
    source: 'evaluation',
    run: { id: run.id, schemeCode: run.schemeCode, schemeName: run.schemeName, schemeVersion: run.schemeVersion, period: run.period, status: run.status },
    indicator: null,
    measure: 'points',
    managers,
    outlets,
  };
}

/**
 * Without a run: outlets and managers of the unit picked by completion of one indicator (targets.progress' figures
 * for their rows); only rows with a target are ranked. Managers need a published decomposition to have targets.
 */
function fromTargets(store: Store, bases: readonly IndicatorBasis[], w: YearWindow, rankIndicatorId: number | undefined): RankingSection {
  const hasRootTarget = (b: IndicatorBasis): boolean => b.source !== null && b.basis.rows.some((r) => r.kind === 'root' && b.basis.targets.has(r.key));
  const chosen = rankIndicatorId === undefined ? bases.find(hasRootTarget) : bases.find((b) => b.indicator.id === rankIndicatorId);
  if (chosen === undefined) {
    if (rankIndicatorId !== undefined) throw new AppError('NOT_FOUND', { zh: `找不到指标 #${rankIndicatorId}`, en: `Indicator #${rankIndicatorId} not found` });
    return NONE;
  }
  const { indicator, source, basis } = chosen;
  const better = indicator.direction === 'down' ? 'lower' : 'higher';
  const head = { source: 'targets' as const, run: null, indicator: { id: indicator.id, code: indicator.code, name: indicator.name, direction: indicator.direction }, measure: 'bp' as const };
  if (source === null || w.snapshot === null) return { ...head, managers: null, outlets: null };
  const outletName = new Map(basis.rows.filter((r) => r.kind === 'outlet').map((r) => [r.key, r.name]));

  const outletRows = basis.rows.flatMap((r): RankCandidate[] => {
    if (r.kind !== 'outlet' || r.orgUnitId === null) return [];
    const bp = completionBp(orgActual(store, source, [r.orgUnitId], w), basis.targets.get(r.key) ?? null);
    return bp === null ? [] : [{ id: r.orgUnitId, code: r.code, name: r.name, unitName: null, value: bp }];
  });
  const withTargets = basis.rows.filter((r) => r.kind === 'manager' && r.managerId !== null && basis.targets.has(r.key));
  let managers: Ranking | null = null;
  if (withTargets.length > 0) {
    const credited = creditedActuals(store, source, w);
    const rows = withTargets.flatMap((r): RankCandidate[] => {
      const bp = completionBp(Number(credited.get(r.managerId ?? 0) ?? 0n), basis.targets.get(r.key) ?? null);
      return bp === null ? [] : [{ id: r.managerId ?? 0, code: r.code, name: r.name, unitName: r.parentKey === null ? null : (outletName.get(r.parentKey) ?? null), value: bp }];
    });
    managers = rankAndPick(rows, { top: TOP, bottom: BOTTOM, own: new Set(), better });
  }
  const outlets = outletRows.length === 0 ? null : rankAndPick(outletRows, { top: TOP, bottom: BOTTOM, own: new Set(), better });
  return { ...head, managers, outlets };
}

/**
 * 排名: from the latest evaluation run of the period the caller may see, if any (managers by the run's ranking,
 * outlets by average total); otherwise — for supervisors and administrators — by target completion. A client
 * manager sees only their own place in a run, never anyone else's name.
 */
export function rankingSection(store: Store, viewer: RankViewer, period: string, targets: { bases: readonly IndicatorBasis[]; w: YearWindow } | null, rankIndicatorId?: number): RankingSection {
  for (const run of candidateRuns(store, viewer, period)) {
    const cards = cardsOf(store, run.id);
    const relevant = viewer.kind === 'manager' ? cards.some((c) => c.managerId === viewer.managerId) : cards.some((c) => viewer.subtree.has(c.manager.outletId));
    if (relevant) return fromRun(run, cards, viewer);
  }
  if (viewer.kind === 'manager' || targets === null) return NONE;
  return fromTargets(store, targets.bases, targets.w, rankIndicatorId);
}
