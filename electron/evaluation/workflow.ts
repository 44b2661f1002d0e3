import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { unitsBelow } from '../org/queries.js';
import { hundredths } from '../platform/rational.js';
import { computePeriod } from './run.js';
import { schemeById } from './schemes.js';

/**
 * The evaluation workflow: draft (computed; the supervisor enters qualitative scores and comments) → review (sent
 * to the managers, who acknowledge their own sheet) → locked (signed; never changes silently). Reopening a locked
 * run needs a written reason and is recorded; a changed input after locking shows up in `lockedDiff`.
 */
export interface RunInfo {
  id: number;
  schemeId: number;
  period: string;
  status: 'draft' | 'review' | 'locked';
  orgUnitId: number | null;
  inputsSha256: string;
}

export function runInfo(store: Store, runId: number): RunInfo {
  const row = store.db.prepare('SELECT id, scheme_id, period, status, org_unit_id, inputs_sha256 FROM evaluation_run WHERE id = ?').get(runId) as
    | { id: number; scheme_id: number; period: string; status: RunInfo['status']; org_unit_id: number | null; inputs_sha256: string }
    | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `找不到考核 #${runId}`, en: `Evaluation run #${runId} not found` });
  return { id: row.id, schemeId: row.scheme_id, period: row.period, status: row.status, orgUnitId: row.org_unit_id, inputsSha256: row.inputs_sha256 };
}

const conflict = (zh: string, en: string): never => {
  throw new AppError('CONFLICT', { zh, en });
};

function signoff(store: Store, runId: number, action: string, managerId: number | null, note: string | null, user: string, now: string): void {
  store.db.prepare('INSERT INTO evaluation_signoff (run_id, manager_id, action, note, by_user, at) VALUES (?, ?, ?, ?, ?, ?)').run(runId, managerId, action, note, user, now);
}

/**
 * The supervisor's entry for one manager and item: qualitative points (0 … weight) or a deduction count, with an
 * optional comment. Only while the run is a draft; the scores follow when the run is computed again.
 */
export function setEntry(
  store: Store,
  e: { runId: number; managerId: number; itemKey: string; value: number | null; comment?: string | undefined },
  user: string,
  now: string,
): void {
  store.transaction(() => {
    const run = runInfo(store, e.runId);
    if (run.status !== 'draft') conflict('只有草稿状态的考核可以录入评分', 'Scores can be entered only while the run is a draft');
    const item = schemeById(store, run.schemeId).scheme.items.find((i) => i.key === e.itemKey);
    if (item === undefined || (item.source.kind !== 'qualitative' && item.source.kind !== 'count')) {
      throw new AppError('INVALID_INPUT', { zh: `「${e.itemKey}」不是需要录入的定性项或扣分项`, en: `“${e.itemKey}” is not an item scored or counted by hand` });
    }
    let value: bigint | null = null;
    if (e.value !== null) {
      value = item.source.kind === 'qualitative' ? hundredths(e.value) : BigInt(Math.trunc(e.value));
      const max = hundredths(item.weight);
      if (value < 0n || (item.source.kind === 'qualitative' && value > max) || (item.source.kind === 'count' && !Number.isInteger(e.value))) {
        throw new AppError('INVALID_INPUT', {
          zh: item.source.kind === 'qualitative' ? `「${item.name}」的评分应在 0 到 ${item.weight} 之间` : `「${item.name}」的次数应为非负整数`,
          en: item.source.kind === 'qualitative' ? `“${item.name}” takes 0 to ${item.weight} points` : `“${item.name}” takes a whole count of 0 or more`,
        });
      }
    }
    const member = store.db.prepare('SELECT 1 FROM evaluation_score WHERE run_id = ? AND manager_id = ?').get(e.runId, e.managerId);
    if (member === undefined) throw new AppError('NOT_FOUND', { zh: '该客户经理不在本次考核中', en: 'This manager is not part of the run' });
    store.db
      .prepare(
        `INSERT INTO evaluation_entry (run_id, manager_id, item_key, value, comment, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, manager_id, item_key) DO UPDATE SET value = excluded.value, comment = excluded.comment, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
      )
      .run(e.runId, e.managerId, e.itemKey, value, e.comment ?? null, user, now);
  });
}

/** Sends a complete draft to the managers for acknowledgement (every total known). */
export function sendForReview(store: Store, runId: number, user: string, now: string): void {
  store.transaction(() => {
    if (runInfo(store, runId).status !== 'draft') conflict('只有草稿可以提交确认', 'Only a draft can be sent for acknowledgement');
    const open = store.db.prepare('SELECT count(*) FROM evaluation_score WHERE run_id = ? AND total IS NULL').pluck().get(runId) as number;
    if (open > 0) conflict(`还有 ${open} 名客户经理的评分未完成（定性评分或缺少目标/实际值）`, `${open} managers' scores are incomplete (qualitative scores, targets or actuals missing)`);
    store.db.prepare("UPDATE evaluation_run SET status = 'review' WHERE id = ?").run(runId);
    signoff(store, runId, 'review', null, null, user, now);
  });
}

/** A manager acknowledges their own sheet. */
export function acknowledge(store: Store, runId: number, managerId: number, note: string | null, user: string, now: string): void {
  store.transaction(() => {
    if (runInfo(store, runId).status !== 'review') conflict('考核尚未提交确认', 'The run is not awaiting acknowledgement');
    const r = store.db.prepare('UPDATE evaluation_score SET acknowledged_at = ? WHERE run_id = ? AND manager_id = ? AND acknowledged_at IS NULL').run(now, runId, managerId);
    if (r.changes === 0) conflict('已确认，或不在本次考核中', 'Already acknowledged, or not part of this run');
    signoff(store, runId, 'acknowledge', managerId, note, user, now);
  });
}

/** Locks a run under review. Managers who have not acknowledged are listed in the lock note. */
export function lockRun(store: Store, runId: number, user: string, now: string): { unacknowledged: number } {
  return store.transaction(() => {
    if (runInfo(store, runId).status !== 'review') conflict('只有已提交确认的考核可以锁定', 'Only a run under acknowledgement can be locked');
    const unacknowledged = store.db.prepare('SELECT count(*) FROM evaluation_score WHERE run_id = ? AND acknowledged_at IS NULL').pluck().get(runId) as number;
    store.db.prepare("UPDATE evaluation_run SET status = 'locked', locked_by = ?, locked_at = ? WHERE id = ?").run(user, now, runId);
    signoff(store, runId, 'lock', null, unacknowledged === 0 ? null : `${unacknowledged} 名未确认`, user, now);
    return { unacknowledged };
  });
}

/** Reopens a locked run to draft, with the written reason kept in the trail (and the caller's audit entry). */
export function reopenRun(store: Store, runId: number, reason: string, user: string, now: string): void {
  store.transaction(() => {
    if (runInfo(store, runId).status !== 'locked') conflict('只有已锁定的考核需要重新打开', 'Only a locked run is reopened');
    store.db.prepare("UPDATE evaluation_run SET status = 'draft', locked_by = NULL, locked_at = NULL WHERE id = ?").run(runId);
    store.db.prepare('UPDATE evaluation_score SET acknowledged_at = NULL WHERE run_id = ?').run(runId);
    signoff(store, runId, 'reopen', null, reason, user, now);
  });
}

export interface ScoreChange {
  managerId: number;
  item: string | null;
  before: string | null;
  after: string | null;
}

/**
 * What computing the run again would change (data re-imported after the lock): per manager, each item and the
 * total whose points differ. Nothing is stored.
 */
export function lockedDiff(store: Store, runId: number): { changed: boolean; changes: ScoreChange[] } {
  const run = runInfo(store, runId);
  const scheme = schemeById(store, run.schemeId);
  // The run's own scope: its unit's outlets (or the whole branch), whoever asks.
  const outletIds =
    run.orgUnitId === null
      ? null
      : unitsBelow(store, [run.orgUnitId]);
  const now = computePeriod(store, { outletIds, orgUnitId: run.orgUnitId, schemeCode: scheme.code, period: run.period }, runId);
  const stored = new Map(
    (store.db.prepare('SELECT manager_id, card FROM evaluation_score WHERE run_id = ?').all(runId) as Array<{ manager_id: number; card: string }>).map((r) => [
      r.manager_id,
      JSON.parse(r.card) as { total: string | null; items: Array<{ key: string; points: string | null }> },
    ]),
  );
  const changes: ScoreChange[] = [];
  for (const card of now.cards) {
    const before = stored.get(card.managerId);
    stored.delete(card.managerId);
    for (const item of card.items) {
      const was = before?.items.find((i) => i.key === item.key)?.points ?? null;
      const is = item.points?.toString() ?? null;
      if (was !== is) changes.push({ managerId: card.managerId, item: item.key, before: was, after: is });
    }
    const total = card.total?.toString() ?? null;
    if ((before?.total ?? null) !== total) changes.push({ managerId: card.managerId, item: null, before: before?.total ?? null, after: total });
  }
  for (const [managerId, card] of stored) changes.push({ managerId, item: null, before: card.total, after: null });
  return { changed: now.inputsSha256 !== run.inputsSha256 || changes.length > 0, changes };
}
