import type { Session } from '../api/types.js';
import { unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';
import type { ReportScope } from './scope.js';
import { ancestorsOrSelf, unitsJson } from './scope.js';

/** The evaluation run a ranking rests on, and its managers' stored scores inside the report's units. */
export interface RankingRun {
  id: number;
  schemeCode: string;
  schemeVersion: number;
  schemeName: string;
  status: 'draft' | 'review' | 'locked';
  orgUnitId: number | null;
  scores: RunScore[];
}

export interface RunScore {
  managerId: number;
  staffNo: string;
  name: string;
  outletId: number;
  outletCode: string;
  outletName: string;
  /** Hundredths of a point; null while the card is incomplete. */
  total: bigint | null;
  outcome: 'promote' | 'maintain' | 'demote' | null;
  rankOutlet: number | null;
  rankBranch: number | null;
  bottom: boolean;
}

const STATUS_ORDER = { locked: 0, review: 1, draft: 2 } as const;

/**
 * The stored run of the period that covers every reported unit: a run of the unit itself, of a unit above it, or of
 * the whole branch (org unit NULL). The nearest unit wins, then a locked run before one in review before a draft,
 * then the newest. A supervisor only sees runs of their own units (electron/evaluation/access.ts), so a branch-wide
 * run is not theirs to rank by.
 */
export function rankingRun(store: Store, session: Session, scope: ReportScope): RankingRun | null {
  const runs = store.db
    .prepare(
      `SELECT r.id, r.status, r.org_unit_id AS orgUnitId, s.code, s.version, s.name FROM evaluation_run r JOIN scheme s ON s.id = r.scheme_id
       WHERE r.period = ?`,
    )
    .all(scope.period) as Array<{ id: number; status: RankingRun['status']; orgUnitId: number | null; code: string; version: number; name: string }>;
  const visible = unitsInScope(store, session);
  // Distance of a run's unit above each root (0: the root itself); a run must cover every root.
  const distance = (orgUnitId: number | null): number | null => {
    let worst = 0;
    for (const root of scope.roots) {
      const chain = ancestorsOrSelf(scope, root.id);
      const d = orgUnitId === null ? chain.length : chain.indexOf(orgUnitId);
      if (d < 0) return null;
      worst = Math.max(worst, d);
    }
    return worst;
  };
  const candidates = runs
    .filter((r) => visible === null || (r.orgUnitId !== null && visible.has(r.orgUnitId)))
    .map((r) => ({ r, d: distance(r.orgUnitId) }))
    .filter((x): x is { r: (typeof runs)[number]; d: number } => x.d !== null)
    .sort((a, b) => a.d - b.d || STATUS_ORDER[a.r.status] - STATUS_ORDER[b.r.status] || b.r.id - a.r.id);
  const best = candidates[0]?.r;
  if (best === undefined) return null;
  const scores = (
    store.db
      .prepare(
        `SELECT e.manager_id AS managerId, m.staff_no AS staffNo, m.name, e.outlet_id AS outletId, o.code AS outletCode, o.name AS outletName,
           e.total, e.outcome, e.rank_outlet AS rankOutlet, e.rank_branch AS rankBranch, e.bottom
         FROM evaluation_score e JOIN manager m ON m.id = e.manager_id JOIN org_unit o ON o.id = e.outlet_id
         WHERE e.run_id = ? AND e.outlet_id IN (SELECT value FROM json_each(?)) ORDER BY m.staff_no`,
      )
      .safeIntegers()
      .all(best.id, unitsJson(scope.units)) as Array<{
      managerId: bigint;
      staffNo: string;
      name: string;
      outletId: bigint;
      outletCode: string;
      outletName: string;
      total: bigint | null;
      outcome: RunScore['outcome'];
      rankOutlet: bigint | null;
      rankBranch: bigint | null;
      bottom: bigint;
    }>
  ).map((s) => ({
    managerId: Number(s.managerId),
    staffNo: s.staffNo,
    name: s.name,
    outletId: Number(s.outletId),
    outletCode: s.outletCode,
    outletName: s.outletName,
    total: s.total,
    outcome: s.outcome,
    rankOutlet: s.rankOutlet === null ? null : Number(s.rankOutlet),
    rankBranch: s.rankBranch === null ? null : Number(s.rankBranch),
    bottom: s.bottom === 1n,
  }));
  return { id: best.id, schemeCode: best.code, schemeVersion: best.version, schemeName: best.name, status: best.status, orgUnitId: best.orgUnitId, scores };
}

export const RUN_STATUS_LABELS = {
  draft: { zh: '草稿', en: 'draft' },
  review: { zh: '待确认', en: 'in review' },
  locked: { zh: '已锁定', en: 'locked' },
} as const;

export function runBasis(run: RankingRun): { zh: string; en: string } {
  const s = RUN_STATUS_LABELS[run.status];
  return {
    zh: `考核 #${run.id}（${run.schemeName} ${run.schemeCode} 第 ${run.schemeVersion} 版，${s.zh}）`,
    en: `Evaluation run #${run.id} (${run.schemeName} ${run.schemeCode} v${run.schemeVersion}, ${s.en})`,
  };
}
