import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeRun } from '../../electron/evaluation/run.js';
import { acknowledge, lockRun, lockedDiff, reopenRun, sendForReview, setEntry } from '../../electron/evaluation/workflow.js';
import { makeTestApp } from '../helpers/app.js';
import { EVAL_NOW, buildEvaluationStore, evalBalances, loadLines } from '../helpers/evaluation-store.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * A month evaluated on a real store, with figures computed by hand:
 * - A (M1 until 15 Oct, M2 from 16 Oct) grew 100,000 → 400,000 元: 30,000,000 fen over 31 days,
 *   M1 15/31 = 14,516,129.03, M2 16/31 = 15,483,870.97 fen.
 * - B (M1 70% + M2 30% all month) grew 100,000 → 200,000 元: M1 7,000,000, M2 3,000,000 fen.
 * - C (M2) fell 150,000 → 100,000 元: M2 −5,000,000 fen.
 * Credited 存款净增: M1 21,516,129.03 → 21,516,129; M2 13,483,870.97 → 13,483,871 fen (rounded once per manager).
 * Against a fixed target of 200,000 元 (20,000,000 fen) at weight 60, ratio capped at 120%:
 * M1 60 × 1.07580645 = 64.548387 → 64.55; M2 60 × 0.67419355 = 40.451613 → 40.45.
 */
const files = makeTempDir('evaluation-run');
afterAll(() => files.cleanup());
let t: ReturnType<typeof makeTestApp>;
let ids: Record<string, number> = {};
const id = (k: string): number => ids[k] ?? 0;
const NOW = EVAL_NOW;
const load = (kind: string, lines: string[], asOf?: string): Promise<void> => loadLines(t.app, files.dir, kind, lines, asOf);

beforeEach(async () => {
  t = makeTestApp('evaluation-run');
  ids = await buildEvaluationStore(t.app, files.dir);
});
afterEach(() => t.cleanup());

const request = { schemeCode: 'CM-M', period: '2026-10', outletIds: null, orgUnitId: null };
const pts = (v: bigint | null): string | null => (v === null ? null : (Number(v) / 100).toFixed(2));

describe('evaluating a period on the store', () => {
  it('credits a mid-month move by days held and a secondary manager by share, then scores exactly', () => {
    const { computed } = computeRun(t.app.services.store, request, 'sup', NOW);
    const card = (staff: string) => computed.cards.find((c) => c.manager.staffNo === staff);
    expect(card('M1')?.items[0]?.trace.find((s) => s.en === 'Actual')?.value).toBe('21516129');
    expect(card('M2')?.items[0]?.trace.find((s) => s.en === 'Actual')?.value).toBe('13483871');
    expect(pts(card('M1')?.items[0]?.points ?? null)).toBe('64.55');
    expect(pts(card('M2')?.items[0]?.points ?? null)).toBe('40.45');
    // The qualitative item is not entered yet: no totals, no ranks.
    expect([card('M1')?.total, card('M2')?.rankBranch]).toEqual([null, null]);
  });

  it('entries complete the totals and the ranking; review, acknowledge and lock; a locked run is not recomputed', () => {
    const store = t.app.services.store;
    const { runId } = computeRun(store, request, 'sup', NOW);
    setEntry(store, { runId, managerId: id('M1'), itemKey: 'service', value: 35, comment: '服务规范' }, 'sup', NOW);
    setEntry(store, { runId, managerId: id('M2'), itemKey: 'service', value: 38.5 }, 'sup', NOW);
    expect(() => setEntry(store, { runId, managerId: id('M2'), itemKey: 'service', value: 41 }, 'sup', NOW)).toThrow(/0 to 40/);
    expect(() => setEntry(store, { runId, managerId: id('M2'), itemKey: 'dep', value: 1 }, 'sup', NOW)).toThrow(/not an item scored/);
    const { computed } = computeRun(store, request, 'sup', NOW);
    const rows = store.db.prepare('SELECT manager_id, total, rank_branch, outcome FROM evaluation_score WHERE run_id = ? ORDER BY rank_branch').all(runId);
    // M1 64.55 + 35 = 99.55 (≥ 90: 晋升); M2 40.45 + 38.50 = 78.95 (维持).
    expect(rows).toEqual([
      { manager_id: id('M1'), total: 9955, rank_branch: 1, outcome: 'promote' },
      { manager_id: id('M2'), total: 7895, rank_branch: 2, outcome: 'maintain' },
    ]);
    expect(computed.cards.find((c) => c.manager.staffNo === 'M2')?.bottom).toBe(true);
    sendForReview(store, runId, 'sup', NOW);
    expect(() => setEntry(store, { runId, managerId: id('M1'), itemKey: 'service', value: 30 }, 'sup', NOW)).toThrow(/draft/);
    acknowledge(store, runId, id('M1'), '无异议', 'm1', NOW);
    expect(lockRun(store, runId, 'sup', NOW)).toEqual({ unacknowledged: 1 });
    expect(() => computeRun(store, request, 'sup', NOW)).toThrow(/locked/);
    expect(lockedDiff(store, runId)).toEqual({ changed: false, changes: [] });
  });

  it('a re-import after the lock shows as a diff; an audited reopen lets the period be computed again', async () => {
    const store = t.app.services.store;
    const { runId } = computeRun(store, request, 'sup', NOW);
    setEntry(store, { runId, managerId: id('M1'), itemKey: 'service', value: 35 }, 'sup', NOW);
    setEntry(store, { runId, managerId: id('M2'), itemKey: 'service', value: 38.5 }, 'sup', NOW);
    computeRun(store, request, 'sup', NOW);
    sendForReview(store, runId, 'sup', NOW);
    lockRun(store, runId, 'sup', NOW);
    // A corrected October file: C fell only to 140,000 (M2 −1,000,000 instead of −5,000,000 fen).
    await load('balances', evalBalances('2026-10-31', ['A,400000.00', 'B,200000.00', 'C,140000.00']));
    const diff = lockedDiff(store, runId);
    expect(diff.changed).toBe(true);
    // M2: 17,483,871 / 20,000,000 × 60 = 52.451613 → 52.45; total 90.95.
    expect(diff.changes).toEqual([
      { managerId: id('M2'), item: 'dep', before: '4045', after: '5245' },
      { managerId: id('M2'), item: null, before: '7895', after: '9095' },
    ]);
    const stored = store.db.prepare('SELECT total FROM evaluation_score WHERE run_id = ? AND manager_id = ?').pluck().get(runId, id('M2'));
    expect(stored).toBe(7895);
    reopenRun(store, runId, '10月余额更正', 'sup', NOW);
    computeRun(store, request, 'sup', NOW);
    expect(store.db.prepare('SELECT total FROM evaluation_score WHERE run_id = ? AND manager_id = ?').pluck().get(runId, id('M2'))).toBe(9095);
    const trail = store.db.prepare('SELECT action, note FROM evaluation_signoff WHERE run_id = ? ORDER BY id').all(runId) as Array<{ action: string; note: string | null }>;
    expect(trail.map((r) => r.action)).toEqual(['compute', 'compute', 'review', 'lock', 'reopen', 'compute']);
    expect(trail.find((r) => r.action === 'reopen')?.note).toBe('10月余额更正');
  });
});
