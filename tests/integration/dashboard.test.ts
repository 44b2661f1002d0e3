import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { writeSetting } from '../../electron/store/settings.js';
import type { EvaluationRunDetail, EvaluationRunInfo } from '../../shared/api/ops/evaluation.js';
import type { DashboardOverview } from '../../shared/dashboard/types.js';
import type { IndicatorView } from '../../shared/targets/decomposition.js';
import type { TargetProgress } from '../../shared/targets/progress.js';
import type { ContactPlanCoverage } from '../../shared/worklog/types.js';
import { WORKER_FILE, makeTestApp } from '../helpers/app.js';
import { loadLines } from '../helpers/evaluation-store.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * dashboard.overview on the small demo (3,000 clients, 16 managers) against independent SQL or a hand count for
 * every figure it adds up itself (中高端 coverage, unassigned VIP, overdue tasks and contacts, the last import per
 * kind, staleness both ways), against the owning services for the figures it only carries (targets.progress,
 * contactPlans.coverage, evaluation.run), and per role: a supervisor only their units, a client manager only themself.
 */
const tmp = makeTempDir('bw-dashboard-');
// 09:00 in Beijing is 01:00 UTC: the same calendar day in either time zone.
let now = Date.parse('2026-11-23T09:00:00+08:00');
const clock = { now: () => new Date(now) };
let app: App;
const db = () => app.services.store.db;
const call = (name: string, input: unknown, session: Session = adminSession) => app.dispatcher.call(name, input, { session });
const invoke = <T>(name: string, input: unknown, session: Session = adminSession): Promise<T> => call(name, input, session).then((r) => expectOk(r) as T);
const overview = (input: Record<string, unknown> = {}, session: Session = adminSession) => invoke<DashboardOverview>('dashboard.overview', input, session);

const managerSession = (managerId: number): Session => ({ userName: `m${managerId}`, role: 'manager', orgUnitIds: null, managerId, locale: 'zh-CN', authenticated: true });
const supervisorSession = (unitId: number): Session => ({ userName: `s${unitId}`, role: 'supervisor', orgUnitIds: [unitId], managerId: null, locale: 'zh-CN', authenticated: true });

const VIP = "('gold', 'platinum', 'diamond', 'private')";
let root = 0;
let subA = 0;
let subB = 0;
let manager = 0;

/** The unit and everything below it, by a recursive query of its own. */
function subtree(id: number): number[] {
  return db().prepare('WITH RECURSIVE s(id) AS (SELECT ? UNION ALL SELECT o.id FROM org_unit o JOIN s ON o.parent_id = s.id) SELECT id FROM s').pluck().all(id) as number[];
}

/** 中高端 clients of the units on a day: all, with no primary manager, with a 专职 primary manager in post. */
function vipFigures(units: readonly number[], day: string): { clients: number; unassigned: number; fullTime: number } {
  const primary = `(SELECT min(a.manager_id) FROM assignment a WHERE a.client_id = c.id AND a.role = 'primary' AND a.valid_from <= @d AND (a.valid_to IS NULL OR a.valid_to > @d))`;
  const rows = db()
    .prepare(
      `SELECT ${primary} AS m, count(*) AS n FROM client c JOIN client_score s ON s.client_id = c.id
       WHERE s.tier IN ${VIP} AND c.org_unit_id IN (SELECT value FROM json_each(@u)) GROUP BY m`,
    )
    .all({ d: day, u: JSON.stringify(units) }) as Array<{ m: number | null; n: number }>;
  const fullTime = new Set(
    db()
      .prepare("SELECT manager_id FROM manager_period WHERE type = 'full_time' AND status IN ('active', 'leave') AND valid_from <= @d AND (valid_to IS NULL OR valid_to > @d)")
      .pluck()
      .all({ d: day }) as number[],
  );
  return {
    clients: rows.reduce((s, r) => s + r.n, 0),
    unassigned: rows.filter((r) => r.m === null).reduce((s, r) => s + r.n, 0),
    fullTime: rows.filter((r) => r.m !== null && fullTime.has(r.m)).reduce((s, r) => s + r.n, 0),
  };
}

/**
 * Overdue contacts on a day: clients of a tier with an active plan, held (primary) that day by one of the managers,
 * never contacted up to that day or last contacted more than the plan's interval before it.
 */
function overdueContacts(managers: readonly number[] | null, day: string): number {
  return db()
    .prepare(
      `SELECT count(*) FROM assignment a JOIN client_score s ON s.client_id = a.client_id JOIN contact_plan p ON p.tier = s.tier AND p.active = 1
       WHERE a.role = 'primary' AND a.valid_from <= @d AND (a.valid_to IS NULL OR a.valid_to > @d)
         AND (@all = 1 OR a.manager_id IN (SELECT value FROM json_each(@m)))
         AND coalesce(julianday(@d) - julianday((SELECT max(substr(c.contact_at, 1, 10)) FROM contact c WHERE c.client_id = a.client_id AND substr(c.contact_at, 1, 10) <= @d)), 1e9) > p.every_days`,
    )
    .pluck()
    .get({ d: day, all: managers === null ? 1 : 0, m: JSON.stringify(managers ?? []) }) as number;
}

const managersIn = (units: readonly number[], day: string): number[] =>
  db()
    .prepare('SELECT DISTINCT manager_id FROM manager_period WHERE org_unit_id IN (SELECT value FROM json_each(?)) AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)')
    .pluck()
    .all(JSON.stringify(units), day, day) as number[];

beforeAll(async () => {
  app = createApp({ storeFile: path.join(tmp.dir, 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock });
  expectOk(await app.dispatcher.invoke('demo.build', { clients: 3000, managers: 16 }, { session: adminSession }));
  root = db().prepare("SELECT id FROM org_unit WHERE level = 'tier2'").pluck().get() as number;
  [subA, subB] = db().prepare("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code").pluck().all() as number[] as [number, number];
  manager = db()
    .prepare(
      `SELECT a.manager_id FROM assignment a JOIN manager_period p ON p.manager_id = a.manager_id AND p.valid_to IS NULL
       WHERE a.role = 'primary' AND a.valid_to IS NULL AND p.org_unit_id IN (SELECT value FROM json_each(?)) GROUP BY a.manager_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get(JSON.stringify(subtree(subA))) as number;
}, 170_000);
afterAll(() => {
  app.close();
  tmp.cleanup();
});

describe('the administrator’s dashboard', () => {
  it('starts at the branch for the data’s year, with every unit to pick and the years of the plans', async () => {
    const o = await overview();
    expect(o).toMatchObject({ role: 'admin', year: 2026, period: '2026', orgUnitId: root, dataAsOf: '2026-10-31' });
    expect(o.units.map((u) => u.id).sort()).toEqual((db().prepare('SELECT id FROM org_unit').pluck().all() as number[]).sort());
    expect(o.years).toEqual([2026]);
  });

  it('shows each indicator’s target, actual and completion exactly as targets.progress does for the unit, and time elapsed', async () => {
    const o = await overview();
    const targets = o.targets;
    if (targets === null) throw new Error('no targets section');
    // 1 Jan – 31 Oct 2026 is 304 of 365 days: 304 × 10000 / 365 = 8328.8 → 8329.
    expect(targets).toMatchObject({ period: '2026', from: '2026-01-01', to: '2026-12-31', dataAsOf: '2026-10-31', elapsedBp: 8329, whose: 'unit' });
    const indicators = await invoke<IndicatorView[]>('targets.indicators', {});
    expect(targets.rows.map((r) => r.indicator.code)).toEqual(indicators.map((i) => i.code));
    const outlets = db().prepare("SELECT id FROM org_unit WHERE level = 'outlet'").pluck().all() as number[];
    for (const row of targets.rows) {
      const progress = await invoke<TargetProgress>('targets.progress', { year: 2026, indicatorId: row.indicator.id, period: '2026', orgUnitId: root });
      const unit = progress.rows.find((r) => r.kind === 'root');
      expect({ code: row.indicator.code, target: row.target, actual: row.actual, completionBp: row.completionBp }).toEqual({
        code: row.indicator.code,
        target: unit?.target,
        actual: unit?.actual,
        completionBp: unit?.completionBp,
      });
      expect(progress.elapsedBp).toBe(targets.elapsedBp);
      // Head office sets each outlet's year figure (the demo's target file): the branch's is their sum.
      const headPlan = db().prepare("SELECT id FROM target_plan WHERE indicator_id = ? AND origin = 'import' AND status = 'published'").pluck().get(row.indicator.id) as number;
      const sum = db().prepare("SELECT sum(value) FROM target WHERE plan_id = ? AND period = '2026' AND org_unit_id IN (SELECT value FROM json_each(?))").pluck().get(headPlan, JSON.stringify(outlets)) as number;
      expect(row.target).toBe(sum);
      // Pace: a flow is due target × elapsed by now, a level (日均) its target; behind when the actual falls short.
      const due = row.indicator.flow ? Math.round(((row.target ?? 0) * targets.elapsedBp) / 10_000) : row.target;
      expect(row.paceTarget).toBe(due);
      expect(row.pace).toBe((row.actual ?? 0) >= (due ?? 0) ? 'ahead' : 'behind');
    }
  });

  it('ranks outlets by completion of the first indicator with a target when the period has no evaluation run', async () => {
    const o = await overview();
    expect(o.ranking).toMatchObject({ source: 'targets', run: null, measure: 'bp', managers: null });
    expect(o.ranking.indicator?.code).toBe('DEP_NET');
    const progress = await invoke<TargetProgress>('targets.progress', { year: 2026, indicatorId: o.ranking.indicator?.id, period: '2026', orgUnitId: root });
    const expected = progress.rows.filter((r) => r.kind === 'outlet' && r.completionBp !== null).map((r) => ({ id: r.orgUnitId, value: r.completionBp as number }));
    expected.sort((a, b) => b.value - a.value);
    const outlets = o.ranking.outlets;
    expect(outlets?.of).toBe(expected.length);
    // 8 outlets: the top five and the bottom three are every one of them, best first.
    expect(outlets?.rows.map((r) => ({ id: r.id, value: r.value }))).toEqual(expected);
    expect(outlets?.rows.map((r) => r.rank)).toEqual(expected.map((_, i) => i + 1));
    // Another indicator, picked on the card.
    const cards = o.targets?.rows.find((r) => r.indicator.code === 'CARD_NEW');
    const byCards = await overview({ rankIndicatorId: cards?.indicator.id });
    expect(byCards.ranking.indicator?.code).toBe('CARD_NEW');
  });

  it('counts 中高端 clients, assigned, with a 专职 manager and unassigned as independent SQL does, and carries contact-plan coverage', async () => {
    const o = await overview();
    const v = vipFigures(subtree(root), '2026-10-31');
    expect(v.clients).toBeGreaterThan(50);
    expect(v.unassigned).toBeGreaterThan(0);
    expect(o.midHigh).toMatchObject({ tiers: ['gold', 'platinum', 'diamond', 'private'], asOf: '2026-10-31', clients: v.clients, unassigned: v.unassigned, assigned: v.clients - v.unassigned, fullTime: v.fullTime });
    expect(o.midHigh.assignedBp).toBe(Math.round(((v.clients - v.unassigned) * 10_000) / v.clients));
    // Contact-plan coverage of the year so far (1 Jan – today), for the managers working in the branch on that day.
    const cov = await invoke<ContactPlanCoverage>('contactPlans.coverage', { from: '2026-01-01', to: '2026-11-23', orgUnitIds: [root] });
    expect(o.midHigh.contactPlan).toEqual({ from: '2026-01-01', to: '2026-11-23', underPlan: cov.totals.underPlan, covered: cov.totals.covered, rateBp: cov.totals.rateBp });
    expect(cov.totals.underPlan).toBeGreaterThan(0);
  });

  it('counts overdue contacts on today as independent SQL does', async () => {
    const o = await overview();
    expect(o.overdue.today).toBe('2026-11-23');
    const expected = overdueContacts(managersIn(subtree(root), '2026-11-23'), '2026-11-23');
    expect(expected).toBeGreaterThan(0);
    expect(o.overdue.contacts.overdue).toBe(expected);
    expect(o.overdue.topContacts.length).toBeGreaterThan(0);
    expect(o.overdue.topContacts.map((m) => m.overdue)).toEqual([...o.overdue.topContacts.map((m) => m.overdue)].sort((a, b) => b - a));
  });

  it('names the last committed batch of every kind with its time and as-of date', async () => {
    const o = await overview();
    const last = db()
      .prepare("SELECT kind, id, finished_at AS finishedAt, as_of AS asOf FROM import_batch WHERE status = 'committed' AND id IN (SELECT max(id) FROM import_batch WHERE status = 'committed' GROUP BY kind)")
      .all() as Array<{ kind: string; id: number; finishedAt: string; asOf: string | null }>;
    expect(last.length).toBe(9);
    for (const l of last) expect(o.imports.find((i) => i.kind === l.kind)).toMatchObject({ batchId: l.id, finishedAt: l.finishedAt, batchAsOf: l.asOf });
    expect(o.imports.find((i) => i.kind === 'balances')?.dataAsOf).toBe(db().prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get());
    expect(o.imports.find((i) => i.kind === 'clients')?.dataAsOf).toBe('2026-10-31');
  });
});

describe('kept figures', () => {
  it('are dropped by any write: assigning an unassigned 中高端 client shows at once', async () => {
    const before = await overview();
    expect((await overview()).midHigh).toEqual(before.midHigh); // the second read is served from what was kept
    const client = db()
      .prepare(
        `SELECT c.id FROM client c JOIN client_score s ON s.client_id = c.id WHERE s.tier IN ${VIP}
           AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.client_id = c.id AND a.role = 'primary' AND a.valid_from <= '2026-10-31' AND (a.valid_to IS NULL OR a.valid_to > '2026-10-31'))
         ORDER BY c.id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    await invoke('assignment.assign', { clientIds: [client], managerId: manager, from: '2026-10-31', reason: '工作台测试' });
    const after = await overview();
    expect(after.midHigh.unassigned).toBe((before.midHigh.unassigned ?? 0) - 1);
    expect(after.midHigh.assigned).toBe((before.midHigh.assigned ?? 0) + 1);
    expect(after.midHigh.unassigned).toBe(vipFigures(subtree(root), '2026-10-31').unassigned);
  });
});

describe('staleness', () => {
  it('is fresh while the data reaches the last month end, stale once a month end is missing after the grace days', async () => {
    // 23 Nov: 23 days after 31 Oct (more than the 10 grace days), so 31 Oct is required — the demo's date.
    expect((await overview()).staleness).toMatchObject({ today: '2026-11-23', requiredAsOf: '2026-10-31', graceDays: 10, kinds: ['balances', 'clients'], stale: false, staleKinds: [] });
    // 5 Dec: within 10 days of 30 Nov, so 31 Oct is still enough.
    now = Date.parse('2026-12-05T09:00:00+08:00');
    expect((await overview()).staleness).toMatchObject({ requiredAsOf: '2026-10-31', stale: false });
    // 15 Dec: 30 Nov is required; balances and clients stop at 31 Oct.
    now = Date.parse('2026-12-15T09:00:00+08:00');
    expect((await overview()).staleness).toMatchObject({
      requiredAsOf: '2026-11-30',
      stale: true,
      staleKinds: [
        { kind: 'balances', dataAsOf: '2026-10-31' },
        { kind: 'clients', dataAsOf: '2026-10-31' },
      ],
    });
    // The rule is a setting: three grace days make 5 Dec stale, and a kind never imported counts as stale.
    writeSetting(app.services.store, 'dashboard.staleness', { graceDays: 3, kinds: ['balances'] });
    now = Date.parse('2026-12-05T09:00:00+08:00');
    expect((await overview()).staleness).toMatchObject({ requiredAsOf: '2026-11-30', graceDays: 3, kinds: ['balances'], stale: true, staleKinds: [{ kind: 'balances', dataAsOf: '2026-10-31' }] });
    now = Date.parse('2026-11-23T09:00:00+08:00');
    expect((await overview()).staleness.stale).toBe(false);
    db().prepare("DELETE FROM setting WHERE key = 'dashboard.staleness'").run();
  });
});

describe('overdue tasks', () => {
  it('counts open tasks past their due date and their open clients, by hand', async () => {
    const clientsOf = (mid: number, n: number): string[] =>
      db().prepare("SELECT c.client_no FROM assignment a JOIN client c ON c.id = a.client_id WHERE a.manager_id = ? AND a.role = 'primary' AND a.valid_to IS NULL ORDER BY c.client_no LIMIT ?").pluck().all(mid, n) as string[];
    const other = db()
      .prepare("SELECT manager_id FROM manager_period WHERE valid_to IS NULL AND status = 'active' AND org_unit_id IN (SELECT value FROM json_each(?)) ORDER BY manager_id LIMIT 1")
      .pluck()
      .get(JSON.stringify(subtree(subB))) as number;
    const create = (input: Record<string, unknown>) => invoke<{ id: number }>('tasks.create', input);
    // In sub-branch A (the manager's): overdue with 3 clients (one ticked off), overdue without clients, not yet due.
    const t1 = await create({ title: '回访到期客户', dueAt: '2026-11-10', managerIds: [manager], clientNos: clientsOf(manager, 3) });
    await create({ title: '整理档案', dueAt: '2026-11-20', managerIds: [manager] });
    await create({ title: '月底前完成', dueAt: '2026-11-30', managerIds: [manager] });
    // In sub-branch B: one overdue task, and one overdue but done.
    await create({ title: '走访商户', dueAt: '2026-11-01', managerIds: [other] });
    const done = await create({ title: '已办结', dueAt: '2026-11-01', managerIds: [other] });
    await invoke('tasks.setStatus', { id: done.id, status: 'done' });
    const first = db().prepare('SELECT client_id FROM task_client WHERE task_id = ? ORDER BY client_id LIMIT 1').pluck().get(t1.id) as number;
    await invoke('tasks.tickClient', { taskId: t1.id, clientId: first, done: true });

    // The branch: 3 overdue tasks (two in A, one in B); overdue client items: the 2 still open on the first task.
    const branch = await overview();
    expect(branch.overdue.tasks).toMatchObject({ open: 4, overdue: 3, overdueItems: 2, openItems: 2 });
    expect(branch.overdue.topTasks[0]).toMatchObject({ managerId: manager, overdue: 2, other: 2 });
    // Sub-branch A only: its two overdue tasks.
    expect((await overview({ orgUnitId: subA })).overdue.tasks).toMatchObject({ open: 3, overdue: 2, overdueItems: 2 });
    // The manager: their own two.
    expect((await overview({}, managerSession(manager))).overdue.tasks).toMatchObject({ open: 3, overdue: 2 });
  });
});

describe('rankings from an evaluation run', () => {
  const scheme = {
    code: 'DASH-M',
    name: '工作台测试考核',
    periodType: 'month',
    items: [{ key: 'dep', name: '存款净增', weight: 100, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio', capPct: 150 }, fixedTarget: '5000000' }],
  };
  let adminRun: EvaluationRunInfo;

  it('uses the latest run of the period (or inside it), says which, and ranks managers by it and outlets by their average', async () => {
    await invoke('evaluation.saveScheme', { scheme, validFrom: '2026-01-01' });
    adminRun = await invoke<EvaluationRunInfo>('evaluation.compute', { schemeCode: 'DASH-M', period: '2026-10' });
    const detail = await invoke<EvaluationRunDetail>('evaluation.run', { runId: adminRun.id });
    const ranked = detail.cards.filter((c) => c.rankBranch !== null && c.total !== null);
    expect(ranked.length).toBeGreaterThan(8);
    for (const period of ['2026-10', '2026Q4', '2026']) {
      const o = await overview({ period });
      expect(o.ranking).toMatchObject({ source: 'evaluation', measure: 'points', run: { id: adminRun.id, schemeCode: 'DASH-M', period: '2026-10', status: 'draft' } });
      expect(o.ranking.managers?.of).toBe(ranked.length);
      for (const r of o.ranking.managers?.rows ?? []) {
        const card = ranked.find((c) => c.managerId === r.id);
        expect(r).toMatchObject({ rank: card?.rankBranch, value: Number(card?.total), name: card?.manager.name });
      }
      // Top five and bottom three of the run.
      expect(o.ranking.managers?.rows.filter((r) => r.groups.includes('top')).map((r) => r.rank)).toEqual([...ranked].sort((a, b) => (a.rankBranch ?? 0) - (b.rankBranch ?? 0)).slice(0, 5).map((c) => c.rankBranch));
      expect(o.ranking.managers?.rows.filter((r) => r.groups.includes('bottom'))).toHaveLength(3);
    }
    // Outlets: the average of their managers' totals in hundredths, rounded once.
    const o = await overview({ period: '2026-10' });
    for (const r of o.ranking.outlets?.rows ?? []) {
      const mine = ranked.filter((c) => c.manager.outletId === r.id).map((c) => Number(c.total));
      expect(r.value).toBe(Math.round(mine.reduce((s, x) => s + x, 0) / mine.length));
    }
    // A period the run does not lie in falls back to targets.
    expect((await overview({ period: '2026Q3' })).ranking.source).toBe('targets');
  });

  it('shows a supervisor only runs of their units, and a client manager only their own place', async () => {
    const sup = supervisorSession(subA);
    // The administrator's run belongs to no unit: the supervisor ranks by targets until they compute their own.
    expect((await overview({ period: '2026-10' }, sup)).ranking.source).toBe('targets');
    const theirs = await invoke<EvaluationRunInfo>('evaluation.compute', { schemeCode: 'DASH-M', period: '2026-10' }, sup);
    const o = await overview({ period: '2026-10' }, sup);
    expect(o.ranking.run?.id).toBe(theirs.id);
    const mine = new Set(subtree(subA));
    const inRun = new Set((await invoke<EvaluationRunDetail>('evaluation.run', { runId: theirs.id }, sup)).cards.map((c) => c.managerId));
    for (const r of o.ranking.managers?.rows ?? []) expect(inRun.has(r.id)).toBe(true);
    for (const r of o.ranking.outlets?.rows ?? []) expect(mine.has(r.id)).toBe(true);

    const me = managerSession(manager);
    const own = await overview({ period: '2026-10' }, me);
    const card = (await invoke<EvaluationRunDetail>('evaluation.run', { runId: own.ranking.run?.id ?? 0 }, me)).cards;
    expect(card).toHaveLength(1);
    expect(own.ranking).toMatchObject({ source: 'evaluation', outlets: null });
    expect(own.ranking.managers?.rows).toEqual([expect.objectContaining({ id: manager, rank: card[0]?.rankBranch, groups: ['own'] })]);
  });
});

describe('scope', () => {
  it('gives a supervisor the units they run only, and refuses a unit outside them', async () => {
    const sup = supervisorSession(subA);
    const o = await overview({}, sup);
    expect(o.orgUnitId).toBe(subA);
    expect(o.units.map((u) => u.id).sort()).toEqual(subtree(subA).sort());
    const v = vipFigures(subtree(subA), '2026-10-31');
    expect(o.midHigh).toMatchObject({ clients: v.clients, unassigned: v.unassigned, fullTime: v.fullTime });
    expect(o.overdue.contacts.overdue).toBe(overdueContacts(managersIn(subtree(subA), '2026-11-23'), '2026-11-23'));
    const progress = await invoke<TargetProgress>('targets.progress', { year: 2026, indicatorId: o.targets?.rows[0]?.indicator.id, orgUnitId: subA }, sup);
    expect(o.targets?.rows[0]?.actual).toBe(progress.rows.find((r) => r.kind === 'root')?.actual);
    expect(await call('dashboard.overview', { orgUnitId: subB }, sup)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('dashboard.overview', { orgUnitId: root }, sup)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('records every print of the dashboard in the audit log, and refuses to record a unit the caller may not see', async () => {
    const sup = supervisorSession(subA);
    const before = db().prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    expect(await call('dashboard.printed', { period: '2026-10', orgUnitId: subA }, sup)).toMatchObject({ ok: true, value: { recorded: true } });
    expect(await call('dashboard.printed', { period: '2026-10', orgUnitId: subB }, sup)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const entries = db()
      .prepare('SELECT action, outcome, entity, entity_id AS entityId, after FROM audit_log WHERE id > ? ORDER BY id')
      .all(before) as Array<{ action: string; outcome: string; entity: string; entityId: string; after: string }>;
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['dashboard.printed', 'ok'],
      ['dashboard.printed', 'failed'],
    ]);
    expect(entries[0]).toMatchObject({ entity: 'dashboard_print', entityId: String(subA) });
    expect(JSON.parse(entries[0]?.after ?? '{}')).toEqual({ period: '2026-10', orgUnitId: subA });
  });

  it('gives a client manager their own figures and no other manager’s name', async () => {
    const me = managerSession(manager);
    const o = await overview({ period: '2026-10' }, me);
    expect(o).toMatchObject({ role: 'manager', orgUnitId: null, units: [] });
    expect(o.targets?.whose).toBe('manager');
    expect(o.midHigh).toMatchObject({ clients: null, unassigned: null, assigned: null, fullTime: null });
    // Their own contact-plan coverage and overdue contacts.
    const cov = await invoke<ContactPlanCoverage>('contactPlans.coverage', { from: '2026-10-01', to: '2026-10-31' }, me);
    expect(o.midHigh.contactPlan).toMatchObject({ underPlan: cov.totals.underPlan, covered: cov.totals.covered });
    expect(o.overdue.contacts.overdue).toBe(overdueContacts([manager], '2026-11-23'));
    expect(o.overdue.topTasks.every((m) => m.managerId === manager)).toBe(true);
    expect(o.overdue.topContacts.every((m) => m.managerId === manager)).toBe(true);
    const text = JSON.stringify(o);
    const others = db().prepare('SELECT name FROM manager WHERE id <> ?').pluck().all(manager) as string[];
    expect(others.filter((name) => text.includes(name))).toEqual([]);
    expect(await call('dashboard.overview', { orgUnitId: subA }, me)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a client-manager account not linked to a manager', async () => {
    const unlinked: Session = { ...managerSession(1), managerId: null };
    expect(await call('dashboard.overview', {}, unlinked)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a workspace with little in it', () => {
  it('answers for an empty workspace and for one with units and clients but no balances yet', async () => {
    const fresh = makeTestApp('bw-dashboard-partial-', '2026-11-23T09:00:00+08:00');
    try {
      const ask = async (): Promise<DashboardOverview> => expectOk(await fresh.app.dispatcher.invoke('dashboard.overview', {}, { session: adminSession }));
      const empty = await ask();
      expect(empty).toMatchObject({ orgUnitId: null, units: [], targets: null, dataAsOf: null, year: 2026, ranking: { source: 'none' } });
      expect(empty.staleness).toMatchObject({ stale: true, staleKinds: [{ kind: 'balances', dataAsOf: null }, { kind: 'clients', dataAsOf: null }] });
      expect(empty.imports.every((i) => i.batchId === null)).toBe(true);

      await loadLines(fresh.app, fresh.dir, 'org_units', ['机构号,机构名称,机构层级,上级机构号', 'B,南京分行,二级分行,', 'O1,一号网点,网点,B']);
      await loadLines(fresh.app, fresh.dir, 'clients', ['客户号,客户名称,开户日期,所属网点', 'A,客户A,20200101,O1', 'C,客户C,20200101,O1']);
      const partial = await ask();
      expect(partial.orgUnitId).not.toBeNull();
      expect(partial).toMatchObject({ dataAsOf: null, targets: { dataAsOf: null, elapsedBp: 0 }, midHigh: { clients: null, asOf: null }, overdue: { tasks: { overdue: 0 }, contacts: { overdue: 0 } } });
      expect(partial.targets?.rows.every((r) => r.actual === null && r.pace === 'none')).toBe(true);
      expect(partial.staleness.staleKinds).toEqual([{ kind: 'balances', dataAsOf: null }]);
      expect(partial.imports.find((i) => i.kind === 'clients')?.dataAsOf).toBe('2026-10-31');
    } finally {
      fresh.cleanup();
    }
  });
});
