import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { fixedClock } from '../../electron/platform/clock.js';
import type { Decomposition, IndicatorView, PlanSummary, StoredPlan } from '../../shared/targets/decomposition.js';
import { childPeriods, periodRange, periodsOf } from '../../shared/targets/periods.js';
import type { PlanList, TargetProgress } from '../../shared/targets/progress.js';
import { WORKER_FILE } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * 任务分解 on the small demo (its head-office targets imported from targets_2026.xlsx): a decomposition of 存款净增
 * stored and checked to reconcile at every level straight from the tables, locks and re-balancing, versions on
 * publish, progress against independent SQL for an outlet and against the crediting rule, worked independently,
 * for a manager whose clients moved during the year; and who may do what.
 */
const tmp = makeTempDir('targets-decompose');
let app: App;
let depNet: IndicatorView;
const db = () => app.services.store.db;
const call = (name: string, input: unknown, session: Session = adminSession) => app.dispatcher.call(name, input, { session });
const invoke = <T>(name: string, input: unknown, session: Session = adminSession): Promise<T> => call(name, input, session).then((r) => expectOk(r) as T);
const staff = (role: 'supervisor' | 'manager', extra: Partial<Session>): Session => ({ userName: role, role, orgUnitIds: null, managerId: null, locale: 'en', authenticated: true, ...extra });

beforeAll(async () => {
  const file = path.join(tmp.dir, 'workspace.db');
  const r = runCli(['demo', '--db', file, '--clients', '4000', '--managers', '16']);
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  app = createApp({ storeFile: file, mode: 'cli', workerFile: WORKER_FILE, clock: fixedClock('2026-11-22T09:00:00+08:00') });
  const indicators = await invoke<IndicatorView[]>('targets.indicators', {});
  const found = indicators.find((i) => i.code === 'DEP_NET');
  if (found === undefined) throw new Error('no DEP_NET');
  depNet = found;
}, 180_000);
afterAll(() => {
  app?.close();
  tmp.cleanup();
});

/** Reads a stored plan from its tables and checks both directions of every sum, without the app's code. */
function expectStoredPlanReconciles(planId: number): { cells: Map<string, number>; locked: Set<string> } {
  const rows = db().prepare('SELECT org_unit_id AS u, manager_id AS m, parent_unit_id AS p FROM target_decomposition_row WHERE plan_id = ?').all(planId) as Array<{ u: number | null; m: number | null; p: number | null }>;
  const key = (r: { u: number | null; m: number | null }): string => (r.m !== null ? `m:${r.m}` : `u:${r.u ?? 0}`);
  const cells = new Map<string, number>();
  const locked = new Set<string>();
  for (const t of db().prepare('SELECT period, org_unit_id AS u, manager_id AS m, value, locked FROM target WHERE plan_id = ?').all(planId) as Array<{ period: string; u: number | null; m: number | null; value: number; locked: number }>) {
    cells.set(`${key(t)}|${t.period}`, t.value);
    if (t.locked === 1) locked.add(`${key(t)}|${t.period}`);
  }
  const get = (k: string, p: string): number => {
    const v = cells.get(`${k}|${p}`);
    if (v === undefined) throw new Error(`no cell ${k} ${p}`);
    return v;
  };
  let checks = 0;
  for (const r of rows) {
    const k = key(r);
    const kids = rows.filter((c) => c.p !== null && r.m === null && c.p === r.u && key(c) !== k).map(key);
    for (const p of periodsOf(2026)) {
      const sub = childPeriods(p);
      if (sub.length > 0) expect(sub.reduce((a, s) => a + get(k, s), 0), `${k} ${p}`).toBe(get(k, p));
      if (kids.length > 0) expect(kids.reduce((a, c) => a + get(c, p), 0), `${k} ${p} rows below`).toBe(get(k, p));
      checks++;
    }
  }
  expect(cells.size).toBe(rows.length * 17);
  expect(checks).toBeGreaterThan(300);
  return { cells, locked };
}

const params = { year: 2026, outletMethod: 'aum', managerMethod: 'weights', profile: { kind: 'kaimenhong' } } as const;

describe('decomposing 存款净增 for the branch', () => {
  let draft: StoredPlan;

  it('previews the head-office figure split to outlets, managers, quarters and months, storing nothing', async () => {
    const list = await invoke<PlanList>('targets.plans', { year: 2026 });
    const branch = db().prepare("SELECT id FROM org_unit WHERE level = 'tier2'").pluck().get() as number;
    expect(list.defaultRootId).toBe(branch);
    expect(list.plans.filter((p) => p.origin === 'import')).toHaveLength(9);
    const before = db().prepare('SELECT count(*) FROM target').pluck().get();
    const preview = await invoke<Decomposition>('targets.decompose', { ...params, indicatorId: depNet.id });
    // Head office set only the outlets' figures: the branch's is their sum.
    const headOffice = db()
      .prepare("SELECT sum(t.value) FROM target t JOIN target_plan p ON p.id = t.plan_id WHERE p.origin = 'import' AND p.indicator_id = ? AND t.period = '2026'")
      .pluck()
      .get(depNet.id) as number;
    expect(preview.params.total).toBe(headOffice);
    expect(preview.headOffice).toBe(headOffice);
    expect(preview.rows.filter((r) => r.kind === 'outlet')).toHaveLength(8);
    expect(preview.rows.filter((r) => r.kind === 'manager').length).toBeGreaterThanOrEqual(14);
    const root = preview.rows[0];
    expect(root?.values['2026Q1']).toBe(Math.round(headOffice * 0.4));
    expect(db().prepare('SELECT count(*) FROM target').pluck().get()).toBe(before);
  });

  it('stores the draft as a new version that reconciles at every level in the tables', async () => {
    draft = await invoke<StoredPlan>('targets.saveDecomposition', { ...params, indicatorId: depNet.id });
    expect(draft.plan).toMatchObject({ status: 'draft', origin: 'decomposition', version: 2, basedOn: null });
    expectStoredPlanReconciles(draft.plan.id);
    // Outlets by their AUM on the data's date: the largest book gets the largest figure.
    const outlets = draft.rows.filter((r) => r.kind === 'outlet');
    const byAum = [...outlets].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
    const byFigure = [...outlets].sort((a, b) => (b.values['2026'] ?? 0) - (a.values['2026'] ?? 0));
    expect(byFigure[0]?.key).toBe(byAum[0]?.key);
    // Saving again replaces the draft rather than adding a version.
    const again = await invoke<StoredPlan>('targets.saveDecomposition', { ...params, indicatorId: depNet.id });
    expect(again.plan.id).toBe(draft.plan.id);
  });

  it('keeps a locked cell when another is edited, re-balancing the unlocked ones', async () => {
    const managers = draft.rows.filter((r) => r.kind === 'manager');
    const outlet = draft.rows.find((o) => o.kind === 'outlet' && managers.filter((m) => m.parentKey === o.key).length >= 2);
    const [a, b] = managers.filter((m) => m.parentKey === outlet?.key);
    if (a === undefined || b === undefined || outlet === undefined) throw new Error('no outlet with two managers');
    const lockedValue = a.values['2026-03'] ?? 0;
    await invoke('targets.setCell', { planId: draft.plan.id, period: '2026-03', managerId: a.managerId, locked: true });
    const newYear = (b.values['2026'] ?? 0) + 12_345_678;
    const edited = await invoke<StoredPlan>('targets.setCell', { planId: draft.plan.id, period: '2026', managerId: b.managerId, value: newYear });
    const { cells, locked } = expectStoredPlanReconciles(draft.plan.id);
    expect(cells.get(`m:${a.managerId}|2026-03`)).toBe(lockedValue);
    expect(cells.get(`m:${b.managerId}|2026`)).toBe(newYear);
    expect([...locked].sort()).toEqual([`m:${a.managerId}|2026-03`, `m:${b.managerId}|2026`]);
    // The outlet keeps its figure; the other managers carry the difference.
    expect(edited.rows.find((r) => r.key === outlet.key)?.values['2026']).toBe(outlet.values['2026']);
    // Releasing a lock leaves the figure to the method again.
    await invoke('targets.setCell', { planId: draft.plan.id, period: '2026', managerId: b.managerId, locked: false });
    expect(expectStoredPlanReconciles(draft.plan.id).locked.size).toBe(1);
    // Locks that cannot hold are refused and change nothing.
    const tooMuch = await call('targets.setCell', { planId: draft.plan.id, period: '2026', orgUnitId: outlet.orgUnitId, value: (draft.params.total ?? 0) * 2 });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(expectStoredPlanReconciles(draft.plan.id).locked.size).toBe(1);
  });

  it('publishes; a published version is never edited, a new draft from it supersedes it when published', async () => {
    const v2 = await invoke<PlanSummary>('targets.publish', { planId: draft.plan.id });
    expect(v2).toMatchObject({ status: 'published', version: 2 });
    expect(await call('targets.setCell', { planId: v2.id, period: '2026', orgUnitId: draft.rows[1]?.orgUnitId, value: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const basis = await invoke<StoredPlan>('targets.plan', { planId: v2.id });
    const locks = basis.rows.flatMap((r) => r.locked.map((p) => ({ period: p, ...(r.managerId !== null ? { managerId: r.managerId } : { orgUnitId: r.orgUnitId }), value: r.values[p] })));
    const v3 = await invoke<StoredPlan>('targets.saveDecomposition', { ...params, indicatorId: depNet.id, profile: { kind: 'equal' }, locks });
    expect(v3.plan).toMatchObject({ status: 'draft', version: 3, basedOn: v2.id });
    await invoke('targets.publish', { planId: v3.plan.id });
    const list = await invoke<PlanList>('targets.plans', { year: 2026 });
    const mine = list.plans.filter((p) => p.origin === 'decomposition' && p.indicatorId === depNet.id).map((p) => [p.version, p.status]);
    expect(mine).toEqual([
      [3, 'published'],
      [2, 'superseded'],
    ]);
    // The superseded version still shows exactly what it held.
    expectStoredPlanReconciles(v2.id);
    const audit = db().prepare("SELECT action FROM audit_log WHERE action LIKE 'targets.%' ORDER BY id").pluck().all();
    expect(audit).toEqual(expect.arrayContaining(['targets.saveDecomposition', 'targets.setCell', 'targets.publish']));
  });
});

describe('other indicators and methods', () => {
  it('splits a level (日均存款) over units only, a count (新增有效客户) in whole clients, and a typed figure by last year’s shares', async () => {
    const indicators = await invoke<IndicatorView[]>('targets.indicators', {});
    const byCode = (code: string): IndicatorView => {
      const i = indicators.find((x) => x.code === code);
      if (i === undefined) throw new Error(code);
      return i;
    };
    const level = await invoke<Decomposition>('targets.decompose', { year: 2026, indicatorId: byCode('DEP_AVG').id, outletMethod: 'head_office', managerMethod: 'aum' });
    expect(level.periods).toEqual(['2026']);
    expect(level.rows.every((r) => Object.keys(r.values).join() === '2026')).toBe(true);
    const sumBelow = (d: Decomposition, key: string): number => d.rows.filter((r) => r.parentKey === key).reduce((a, r) => a + (r.values['2026'] ?? 0), 0);
    for (const r of level.rows.filter((x) => x.kind !== 'manager')) expect(sumBelow(level, r.key)).toBe(r.values['2026']);
    // In head office's proportions, each outlet gets exactly head office's own figure back.
    const head = db().prepare("SELECT t.org_unit_id AS id, t.value FROM target t JOIN target_plan p ON p.id = t.plan_id WHERE p.origin = 'import' AND p.indicator_id = ? AND t.period = '2026'").all(byCode('DEP_AVG').id) as Array<{ id: number; value: number }>;
    for (const h of head) expect(level.rows.find((r) => r.orgUnitId === h.id)?.values['2026']).toBe(h.value);

    const count = await invoke<Decomposition>('targets.decompose', { year: 2026, indicatorId: byCode('NEW_CLIENT').id, total: 101, outletMethod: 'prior', managerMethod: 'equal', profile: { kind: 'custom', quarters: [1, 2, 3, 4], months: [3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } });
    expect(count.params).toMatchObject({ total: 101, headPlanId: null, outletMethod: 'prior' });
    expect(count.rows[0]?.values).toMatchObject({ '2026': 101, '2026Q1': 10, '2026-01': 5, '2026-02': 3, '2026-03': 2 });
    for (const r of count.rows) for (const v of Object.values(r.values)) expect(Number.isInteger(v)).toBe(true);
  });
});

describe('progress', () => {
  const outletSql = (unit: number, snapshot: string, baseline: string): number =>
    db()
      .prepare(
        `SELECT coalesce(sum(CASE WHEN b.as_of = @s THEN b.balance_fen ELSE -b.balance_fen END), 0) FROM balance_snapshot b JOIN client c ON c.id = b.client_id
         WHERE c.org_unit_id = @u AND b.as_of IN (@s, @b) AND b.product_type IN ('deposit_demand', 'deposit_time')`,
      )
      .pluck()
      .get({ u: unit, s: snapshot, b: baseline }) as number;

  it('gives each outlet its deposit growth over the quarter, against the published plan’s figure', async () => {
    const p = await invoke<TargetProgress>('targets.progress', { year: 2026, indicatorId: depNet.id, period: '2026Q3' });
    expect(p).toMatchObject({ dataAsOf: '2026-09-30', baseline: '2026-06-30', estimate: false, elapsedBp: 10_000 });
    expect(p.plan).toMatchObject({ origin: 'decomposition', status: 'published', version: 3 });
    const planCells = new Map((db().prepare("SELECT org_unit_id, value FROM target WHERE plan_id = ? AND period = '2026Q3' AND org_unit_id IS NOT NULL").all(p.plan?.id) as Array<{ org_unit_id: number; value: number }>).map((r) => [r.org_unit_id, r.value]));
    const outlets = p.rows.filter((r) => r.kind === 'outlet');
    expect(outlets).toHaveLength(8);
    for (const o of outlets) {
      const actual = outletSql(o.orgUnitId ?? 0, '2026-09-30', '2026-06-30');
      expect(o.actual, o.name).toBe(actual);
      expect(o.target).toBe(planCells.get(o.orgUnitId ?? 0));
      expect(o.completionBp).toBe(o.target !== null && o.target > 0 ? Math.round((actual * 10_000) / o.target) : null);
    }
    const branch = p.rows.find((r) => r.kind === 'root');
    expect(branch?.actual).toBe(outlets.reduce((a, o) => a + (o.actual ?? 0), 0));
  });

  it('credits a manager whose book changed during the year by the days each client was theirs', async () => {
    // The manager with the most primary spans starting or ending inside 2026 (handovers, the July transfer).
    const managerId = db()
      .prepare("SELECT manager_id FROM assignment WHERE (valid_from > '2026-01-01' AND valid_from <= '2026-10-31') OR (valid_to > '2026-01-01' AND valid_to <= '2026-10-31') GROUP BY manager_id ORDER BY count(*) DESC, manager_id LIMIT 1")
      .pluck()
      .get() as number;
    const [from, snapshot, baseline] = ['2026-01-01', '2026-10-31', '2025-12-31'];
    const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const growth = new Map(
      (db()
        .prepare(
          `SELECT client_id AS id, sum(CASE WHEN as_of = @s THEN balance_fen ELSE -balance_fen END) AS g FROM balance_snapshot
           WHERE as_of IN (@s, @b) AND product_type IN ('deposit_demand', 'deposit_time') GROUP BY client_id`,
        )
        .all({ s: snapshot, b: baseline }) as Array<{ id: number; g: number }>).map((r) => [r.id, r.g]),
    );
    const spans = db().prepare("SELECT a.client_id AS id, a.share_bp AS bp, a.valid_from AS f, a.valid_to AS t, c.open_date AS o FROM assignment a JOIN client c ON c.id = a.client_id WHERE a.manager_id = ? AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)").all(managerId, snapshot, from) as Array<{ id: number; bp: number; f: string; t: string | null; o: string | null }>;
    expect(spans.some((s) => s.f > from || (s.t !== null && s.t <= snapshot))).toBe(true);
    let expected = 0;
    for (const s of spans) {
      const start = s.o !== null && s.o > from ? s.o : from;
      const held = Math.min(day(s.t ?? '9999-12-31'), day(snapshot) + 1) - Math.max(day(s.f), day(from));
      expected += ((growth.get(s.id) ?? 0) * held * (s.bp / 10_000)) / (day(snapshot) - day(start) + 1);
    }
    const p = await invoke<TargetProgress>('targets.progress', { year: 2026, indicatorId: depNet.id, period: '2026' });
    const row = p.rows.find((r) => r.managerId === managerId);
    // Floating point here, exact fractions in the app: they agree to the fen.
    expect(Math.abs((row?.actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(1);
    expect(p.elapsedBp).toBe(Math.round(((day(snapshot) - day(from) + 1) * 10_000) / (day('2026-12-31') - day(from) + 1)));
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('who may do what', () => {
  it('lets a supervisor decompose their own sub-branch, not the branch, and a manager read only their own progress', async () => {
    const sub = db().prepare("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1").pluck().get() as number;
    const supervisor = staff('supervisor', { orgUnitIds: [sub] });
    const list = await invoke<PlanList>('targets.plans', { year: 2026 }, supervisor);
    expect(list.defaultRootId).toBe(sub);
    expect(list.plans.some((p) => p.origin === 'decomposition')).toBe(false);
    const own = await invoke<Decomposition>('targets.decompose', { ...params, indicatorId: depNet.id }, supervisor);
    expect(own.params.orgUnitId).toBe(sub);
    const branchPlan = db().prepare("SELECT plan_id FROM target_decomposition d JOIN target_plan p ON p.id = d.plan_id WHERE p.status = 'published'").pluck().get() as number;
    expect(await call('targets.plan', { planId: branchPlan }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const branch = db().prepare("SELECT id FROM org_unit WHERE level = 'tier2'").pluck().get() as number;
    expect(await call('targets.decompose', { ...params, indicatorId: depNet.id, orgUnitId: branch }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Without a decomposition of their own, the supervisor's progress reads the branch's, narrowed to their outlets.
    const narrowed = await invoke<TargetProgress>('targets.progress', { year: 2026, indicatorId: depNet.id, period: '2026Q3' }, supervisor);
    expect(narrowed.plan?.id).toBe(branchPlan);
    const subOutlets = db().prepare('SELECT id FROM org_unit WHERE parent_id = ? ORDER BY code').pluck().all(sub) as number[];
    expect(narrowed.rows.filter((r) => r.kind === 'outlet').map((r) => r.orgUnitId)).toEqual(subOutlets);
    const outletTargets = narrowed.rows.filter((r) => r.kind === 'outlet').reduce((a, r) => a + (r.target ?? 0), 0);
    expect(narrowed.rows[0]).toMatchObject({ kind: 'root', orgUnitId: sub, target: outletTargets });
    expect(narrowed.rows.filter((r) => r.kind === 'manager').every((m) => narrowed.rows.some((o) => o.key === m.parentKey))).toBe(true);

    const managerId = db().prepare('SELECT manager_id FROM target_decomposition_row WHERE plan_id = ? AND manager_id IS NOT NULL LIMIT 1').pluck().get(branchPlan) as number;
    const manager = staff('manager', { managerId });
    const mine = await invoke<TargetProgress>('targets.progress', { year: 2026, indicatorId: depNet.id, period: '2026Q3' }, manager);
    expect(mine.rows.map((r) => r.managerId)).toEqual([managerId]);
    expect(mine.rows[0]?.target).toBe(db().prepare("SELECT value FROM target WHERE plan_id = ? AND manager_id = ? AND period = '2026Q3'").pluck().get(branchPlan, managerId));
    expect(await call('targets.plans', { year: 2026 }, manager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
