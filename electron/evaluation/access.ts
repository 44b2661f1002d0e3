import type { EvaluationCard } from '../../shared/evaluation/card.js';
import type { EvaluationRunDetail, EvaluationRunInfo } from '../../shared/api/ops/evaluation.js';
import type { HandlerContext } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';
import { schemeById } from './schemes.js';
import { runInfo } from './workflow.js';

/**
 * Who may see which run, and a run as its caller may see it. Kept apart from the handlers so the workflow handlers
 * and the output handlers (sheets, workbook) share one rule without importing each other.
 */
const forbidden = (): never => {
  throw new AppError('FORBIDDEN', { zh: '该考核不在您的管辖范围内', en: 'This evaluation is outside your responsibility' });
};

/**
 * May the caller see or act on a run? Administrators: every run; supervisors: runs of their units; client managers:
 * runs that include them (and then only their own card).
 */
export function assertRunAccess(ctx: HandlerContext, runId: number): void {
  const run = runInfo(ctx.store, runId);
  if (ctx.session.role === 'manager') {
    const mine = ctx.store.db.prepare('SELECT 1 FROM evaluation_score WHERE run_id = ? AND manager_id = ?').get(runId, ctx.session.managerId ?? -1);
    if (mine === undefined) forbidden();
    return;
  }
  const units = unitsInScope(ctx.store, ctx.session);
  if (units !== null && (run.orgUnitId === null || !units.has(run.orgUnitId))) forbidden();
}

export function runInfos(store: Store, where: string, params: unknown[], limit: number): EvaluationRunInfo[] {
  const rows = store.db
    .prepare(
      `SELECT r.id, r.scheme_id, s.code, s.version, s.name, r.period, r.status, r.org_unit_id, r.computed_by, r.computed_at, r.locked_by, r.locked_at,
         (SELECT count(*) FROM evaluation_score e WHERE e.run_id = r.id) AS managers,
         (SELECT count(*) FROM evaluation_score e WHERE e.run_id = r.id AND e.total IS NOT NULL) AS complete
       FROM evaluation_run r JOIN scheme s ON s.id = r.scheme_id WHERE ${where} ORDER BY r.id DESC LIMIT ?`,
    )
    .all(...params, limit) as Array<{
    id: number;
    scheme_id: number;
    code: string;
    version: number;
    name: string;
    period: string;
    status: EvaluationRunInfo['status'];
    org_unit_id: number | null;
    computed_by: string;
    computed_at: string;
    locked_by: string | null;
    locked_at: string | null;
    managers: number;
    complete: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    schemeId: r.scheme_id,
    schemeCode: r.code,
    schemeVersion: r.version,
    schemeName: r.name,
    period: r.period,
    status: r.status,
    orgUnitId: r.org_unit_id,
    managers: r.managers,
    complete: r.complete,
    computedBy: r.computed_by,
    computedAt: r.computed_at,
    lockedBy: r.locked_by,
    lockedAt: r.locked_at,
  }));
}

export const oneRun = (store: Store, runId: number): EvaluationRunInfo => runInfos(store, 'r.id = ?', [runId], 1)[0] as EvaluationRunInfo;

/** A run as the caller may see it (a client manager: their own card, entries and trail only). */
export function runDetail(ctx: HandlerContext, runId: number): EvaluationRunDetail {
  assertRunAccess(ctx, runId);
  const db = ctx.store.db;
  const run = oneRun(ctx.store, runId);
  const own = ctx.session.role === 'manager' ? (ctx.session.managerId ?? -1) : null;
  const cards = (db.prepare('SELECT card FROM evaluation_score WHERE run_id = ? AND (? IS NULL OR manager_id = ?) ORDER BY rank_branch IS NULL, rank_branch, manager_id').pluck().all(runId, own, own) as string[]).map(
    (c) => JSON.parse(c) as EvaluationCard,
  );
  const scheme = schemeById(ctx.store, run.schemeId).scheme;
  const entries = (
    db.prepare('SELECT manager_id, item_key, value, comment FROM evaluation_entry WHERE run_id = ? AND (? IS NULL OR manager_id = ?)').all(runId, own, own) as Array<{
      manager_id: number;
      item_key: string;
      value: number | null;
      comment: string | null;
    }>
  ).map((e) => {
    const item = scheme.items.find((i) => i.key === e.item_key);
    const value = e.value === null ? null : item?.source.kind === 'qualitative' ? e.value / 100 : e.value;
    return { managerId: e.manager_id, itemKey: e.item_key, value, comment: e.comment };
  });
  const acknowledged = db.prepare('SELECT manager_id FROM evaluation_score WHERE run_id = ? AND acknowledged_at IS NOT NULL AND (? IS NULL OR manager_id = ?)').pluck().all(runId, own, own) as number[];
  const trail = (
    db.prepare('SELECT action, manager_id, note, by_user, at FROM evaluation_signoff WHERE run_id = ? AND (? IS NULL OR manager_id IS NULL OR manager_id = ?) ORDER BY id').all(runId, own, own) as Array<{
      action: string;
      manager_id: number | null;
      note: string | null;
      by_user: string;
      at: string;
    }>
  ).map((t) => ({ action: t.action, managerId: t.manager_id, note: t.note, by: t.by_user, at: t.at }));
  return { run, scheme, cards, entries, acknowledged, trail };
}
