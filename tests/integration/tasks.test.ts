import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { openStore } from '../../electron/store/store.js';
import { completeTaskItemsForContact } from '../../electron/tasks/progress.js';
import type { GenerationResult, OverdueReport, TaskDetail, TaskList } from '../../shared/tasks/model.js';
import { WORKER_FILE } from '../helpers/app.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * Tasks on the small demo (4,000 clients, 16 managers): the maturity generator against an independent SQL query and
 * split to the right primary managers, idempotent re-runs, overdue derived from an injected clock, the service
 * standard's due times, a work-log contact ticking an item off, and what a client manager or supervisor reaches.
 */
const tmp = makeTempDir('bw-tasks-');
let now = Date.parse('2026-11-22T09:00:00+08:00');
const clock = { now: () => new Date(now) };
let app: App;
const db = () => app.services.store.db;
const call = (name: string, input: unknown, session: Session = adminSession) => app.dispatcher.call(name, input, { session });
const invoke = <T>(name: string, input: unknown, session: Session = adminSession): Promise<T> => call(name, input, session).then((r) => expectOk(r) as T);
const generate = (input: Record<string, unknown>, session?: Session) => invoke<GenerationResult>('tasks.generate', input, session);
const managerSession = (managerId: number): Session => ({ userName: `m${managerId}`, role: 'manager', orgUnitIds: null, managerId, locale: 'zh-CN', authenticated: true });

const WINDOW = { from: '2026-11-01', last: '2026-11-30' };
/** Independent of the generator's SQL: each maturing client, their amount and first maturity, and the primary manager in post. */
function expectedMaturity(from: string, last: string): Map<number, { amount: number; first: string; manager: number | null; unit: number | null }> {
  const rows = db()
    .prepare(
      `SELECT h.client_id, sum(h.amount_fen) AS amount, min(h.maturity_date) AS first, c.org_unit_id AS unit,
              (SELECT a.manager_id FROM assignment a WHERE a.client_id = h.client_id AND a.role = 'primary' AND a.valid_from <= @d
                 AND (a.valid_to IS NULL OR a.valid_to > @d) ORDER BY a.manager_id LIMIT 1) AS manager
       FROM product_holding h JOIN client c ON c.id = h.client_id
       WHERE h.status = 'open' AND h.product_type IN ('wealth', 'deposit_time') AND h.maturity_date BETWEEN @d AND @last
       GROUP BY h.client_id`,
    )
    .all({ d: from, last }) as Array<{ client_id: number; amount: number; first: string; unit: number | null; manager: number | null }>;
  const active = new Set(
    db().prepare("SELECT manager_id FROM manager_period WHERE status = 'active' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)").pluck().all(from, from) as number[],
  );
  return new Map(rows.map((r) => [r.client_id, { amount: r.amount, first: r.first, unit: r.unit, manager: r.manager !== null && active.has(r.manager) ? r.manager : null }]));
}

beforeAll(async () => {
  app = createApp({ storeFile: path.join(tmp.dir, 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock });
  expectOk(await app.dispatcher.invoke('demo.build', { clients: 4000, managers: 16 }, { session: adminSession }));
}, 170_000);
afterAll(() => {
  app.close();
  tmp.cleanup();
});

describe('the maturity generator', () => {
  let first: GenerationResult;

  it('previews per primary manager exactly the clients an independent query finds, storing nothing', async () => {
    const expected = expectedMaturity(WINDOW.from, WINDOW.last);
    expect(expected.size).toBeGreaterThan(20);
    const preview = await generate({ generator: 'maturity', asOf: WINDOW.from, preview: true });
    expect(preview).toMatchObject({ preview: true, generationId: null, clients: expected.size, skipped: 0, dueAt: WINDOW.last });
    const perManager = new Map<number | null, number>();
    for (const e of expected.values()) perManager.set(e.manager, (perManager.get(e.manager) ?? 0) + 1);
    const previewed = new Map<number | null, number>();
    for (const g of preview.groups) previewed.set(g.managerId, (previewed.get(g.managerId) ?? 0) + g.clients);
    expect(previewed).toEqual(perManager);
    expect(perManager.get(null)).toBeGreaterThan(0); // the demo leaves some clients with no manager
    expect(db().prepare('SELECT count(*) FROM task').pluck().get()).toBe(0);
  });

  it('makes one task per manager (and one per outlet for clients with no manager) holding the right clients and why', async () => {
    const expected = expectedMaturity(WINDOW.from, WINDOW.last);
    first = await generate({ generator: 'maturity', asOf: WINDOW.from, priority: 'high' });
    expect(first.generationId).not.toBeNull();
    expect(first.groups.every((g) => g.taskId !== null)).toBe(true);
    const items = db()
      .prepare(
        `SELECT x.client_id, x.detail, x.due_at, t.org_unit_id, t.priority, t.kind, t.due_at AS task_due, (SELECT group_concat(manager_id) FROM task_assignee a WHERE a.task_id = t.id) AS managers
         FROM task_client x JOIN task t ON t.id = x.task_id WHERE t.generation_id = ?`,
      )
      .all(first.generationId) as Array<{ client_id: number; detail: string; due_at: string; org_unit_id: number; priority: string; kind: string; task_due: string; managers: string | null }>;
    expect(items).toHaveLength(expected.size);
    for (const item of items) {
      const e = expected.get(item.client_id);
      expect(e, `client ${item.client_id}`).toBeDefined();
      expect(item.managers === null ? null : Number(item.managers)).toBe(e?.manager);
      if (e?.manager === null) expect(item.org_unit_id).toBe(e.unit);
      const detail = JSON.parse(item.detail) as { kind: string; amountFen: number; maturityDate: string; holdings: unknown[] };
      expect(detail).toMatchObject({ kind: 'maturity', amountFen: e?.amount, maturityDate: e?.first });
      expect(item.due_at).toBe(e?.first);
      expect(item).toMatchObject({ priority: 'high', kind: 'generated', task_due: WINDOW.last });
    }
    expect(db().prepare('SELECT count(*) FROM task WHERE generation_id = ?').pluck().get(first.generationId)).toBe(first.groups.length);
    const run = db().prepare('SELECT generator, as_of, params FROM task_generation WHERE id = ?').get(first.generationId) as { generator: string; as_of: string; params: string };
    expect(run).toMatchObject({ generator: 'maturity', as_of: WINDOW.from });
    expect(JSON.parse(run.params)).toEqual({ from: WINDOW.from, days: 30, productTypes: ['deposit_time', 'wealth'], minAmountFen: 0 });
  });

  it('is idempotent: a re-run adds nothing, an overlapping window adds only the clients not yet on an open list', async () => {
    const again = await generate({ generator: 'maturity', asOf: WINDOW.from });
    expect(again).toMatchObject({ clients: 0, skipped: first.clients, generationId: null, groups: [] });
    const listed = new Set(expectedMaturity(WINDOW.from, WINDOW.last).keys());
    const later = expectedMaturity('2026-11-15', '2026-12-14');
    const fresh = [...later.keys()].filter((id) => !listed.has(id));
    const overlap = await generate({ generator: 'maturity', asOf: '2026-11-15' });
    expect(overlap.clients).toBe(fresh.length);
    expect(overlap.skipped).toBe(later.size - fresh.length);
  });
});

describe('overdue, derived from the clock', () => {
  it('counts open items past their own due time and the tasks holding them, per manager and in total', async () => {
    const report = await invoke<OverdueReport>('tasks.overdue', {});
    const q = (sql: string) => db().prepare(sql).pluck().get({ today: '2026-11-22' }) as number;
    const openItems = "FROM task_client x JOIN task t ON t.id = x.task_id WHERE t.status IN ('todo', 'doing') AND x.done_at IS NULL";
    expect(report.total.overdueItems).toBe(q(`SELECT count(*) ${openItems} AND coalesce(x.due_at, t.due_at) < @today`));
    expect(report.total.overdueTasks).toBe(q(`SELECT count(DISTINCT t.id) ${openItems} AND coalesce(x.due_at, t.due_at) < @today`));
    expect(report.total.overdueItems).toBeGreaterThan(0);
    expect(report.total.openItems).toBe(q(`SELECT count(*) ${openItems}`));
    const sumManagers = report.byManager.reduce((s, m) => s + m.overdueItems, 0);
    const sumOutlets = report.byOutlet.reduce((s, o) => s + o.overdueItems, 0);
    expect(sumOutlets).toBe(report.total.overdueItems);
    expect(sumManagers).toBe(q(`SELECT count(*) ${openItems} AND coalesce(x.due_at, t.due_at) < @today AND EXISTS (SELECT 1 FROM task_assignee a WHERE a.task_id = t.id)`));
    const list = await invoke<TaskList>('tasks.list', { status: 'overdue', limit: 500 });
    expect(list.total).toBe(report.total.overdueTasks);
    expect(list.counts.overdue).toBe(report.total.overdueTasks);
    expect(list.rows.every((r) => r.overdue)).toBe(true);
  });

  it('makes every open task overdue once the clock passes its due date, and none when it is done', async () => {
    const saved = now;
    now = Date.parse('2026-12-20T09:00:00+08:00');
    try {
      const list = await invoke<TaskList>('tasks.list', { limit: 500 });
      expect(list.counts.overdue).toBe(list.counts.open);
      const one = list.rows[0];
      if (one === undefined) throw new Error('no task');
      const done = await invoke<TaskDetail>('tasks.setStatus', { id: one.id, status: 'done', outcome: '已全部联系' });
      expect(done).toMatchObject({ status: 'done', overdue: false, outcome: '已全部联系', clientsOverdue: 0 });
      expect(done.doneAt).toBe(new Date(now).toISOString());
      expect((await invoke<TaskList>('tasks.list', {})).counts.overdue).toBe(list.counts.overdue - 1);
      await invoke('tasks.setStatus', { id: one.id, status: 'todo' });
    } finally {
      now = saved;
    }
  });
});

describe('service standards', () => {
  it('gives a request 24 hours, an urgent one 2, as configured; its due time is not set by hand', async () => {
    const m = db().prepare("SELECT manager_id FROM manager_period WHERE status = 'active' AND valid_to IS NULL ORDER BY manager_id LIMIT 1").pluck().get() as number;
    const created = new Date(now);
    const normal = await invoke<TaskDetail>('tasks.create', { title: '客户咨询大额存单', kind: 'request', managerIds: [m] });
    expect(normal.dueAt).toBe(new Date(created.getTime() + 24 * 3_600_000).toISOString());
    const urgent = await invoke<TaskDetail>('tasks.create', { title: '客户投诉', kind: 'request', priority: 'urgent', managerIds: [m] });
    expect(urgent.dueAt).toBe(new Date(created.getTime() + 2 * 3_600_000).toISOString());
    expect(await call('tasks.create', { title: 'x', kind: 'request', dueAt: '2026-12-01', managerIds: [m] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The 2 hours pass: the urgent request is overdue, the other is not.
    now += 3 * 3_600_000;
    expect((await invoke<TaskDetail>('tasks.get', { id: urgent.id })).overdue).toBe(true);
    expect((await invoke<TaskDetail>('tasks.get', { id: normal.id })).overdue).toBe(false);
    const view = await invoke<{ standards: { requestHours: number } }>('tasks.setStandards', { standards: { requestHours: 8, urgentRequestHours: 1, keyClientMinTier: 'platinum', keyClientEveryMonths: 3 } });
    expect(view.standards.requestHours).toBe(8);
    const raised = await invoke<TaskDetail>('tasks.update', { id: normal.id, priority: 'urgent' });
    expect(raised.dueAt).toBe(new Date(created.getTime() + 3_600_000).toISOString()); // from the request's arrival
    expect(await call('tasks.setStandards', { standards: { requestHours: 2, urgentRequestHours: 4, keyClientMinTier: 'gold', keyClientEveryMonths: 3 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await invoke('tasks.setStandards', { standards: { requestHours: 24, urgentRequestHours: 2, keyClientMinTier: 'gold', keyClientEveryMonths: 3 } });
  });

  it('lists key clients with no contact this quarter, as an independent query finds them', async () => {
    const r = await generate({ generator: 'vip_uncontacted', preview: true });
    expect(r.params).toMatchObject({ minTier: 'gold', everyMonths: 3, periodStart: '2026-10-01', periodEnd: '2026-12-31' });
    const expected = db()
      .prepare(
        `SELECT count(*) FROM client_score s WHERE s.tier IN ('gold', 'platinum', 'diamond', 'private')
         AND NOT EXISTS (SELECT 1 FROM contact k WHERE k.client_id = s.client_id AND date(k.contact_at) BETWEEN '2026-10-01' AND '2026-11-22')`,
      )
      .pluck()
      .get() as number;
    expect(r.clients).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('lists clients whose assets fell by more than 30 % between the two latest snapshots', async () => {
    const r = await generate({ generator: 'aum_drop', preview: true, minPrevAumFen: 0 });
    expect(r.params).toMatchObject({ snapshot: '2026-10-31', compareTo: '2026-09-30', dropPct: 30 });
    const sum = (d: string) => `SELECT client_id, sum(balance_fen) AS aum FROM balance_snapshot WHERE as_of = '${d}' AND product_type NOT IN ('loan', 'credit_card') GROUP BY client_id`;
    const expected = db()
      .prepare(`SELECT count(*) FROM (${sum('2026-09-30')}) p LEFT JOIN (${sum('2026-10-31')}) c USING (client_id) WHERE p.aum > 0 AND coalesce(c.aum, 0) < p.aum * 0.7`)
      .pluck()
      .get() as number;
    expect(r.clients).toBe(expected);
  });
});

describe('a contact in the work log', () => {
  it('ticks off the manager’s open item for that client, and the overdue count drops', async () => {
    const item = db()
      .prepare(
        `SELECT x.task_id, x.client_id, a.manager_id FROM task_client x JOIN task t ON t.id = x.task_id JOIN task_assignee a ON a.task_id = t.id
         WHERE t.status IN ('todo', 'doing') AND x.done_at IS NULL AND x.due_at < '2026-11-22' ORDER BY x.task_id, x.client_id LIMIT 1`,
      )
      .get() as { task_id: number; client_id: number; manager_id: number };
    const session = managerSession(item.manager_id);
    const before = await invoke<OverdueReport>('tasks.overdue', {}, session);
    const addContact = (managerId: number, at: string): number =>
      Number(db().prepare("INSERT INTO contact (client_id, manager_id, contact_at, channel) VALUES (?, ?, ?, 'phone')").run(item.client_id, managerId, at).lastInsertRowid);
    const tick = (managerId: number, at: string) => app.services.store.transaction(() => completeTaskItemsForContact(app.services.store, { clientId: item.client_id, managerId, contactId: addContact(managerId, at), at }));
    // Another manager's call, or one made before the list existed, answers nothing.
    const other = db().prepare('SELECT id FROM manager WHERE id <> ? LIMIT 1').pluck().get(item.manager_id) as number;
    expect(tick(other, '2026-11-22 10:00:00').items).toBe(0);
    expect(tick(item.manager_id, '2026-11-21 10:00:00').items).toBe(0);
    const done = tick(item.manager_id, '2026-11-22 10:30:00');
    expect(done.items).toBeGreaterThanOrEqual(1);
    expect(done.taskIds).toContain(item.task_id);
    const row = db().prepare('SELECT done_at, contact_id FROM task_client WHERE task_id = ? AND client_id = ?').get(item.task_id, item.client_id) as { done_at: string; contact_id: number };
    expect(row.done_at).toBe(new Date('2026-11-22T10:30:00').toISOString());
    expect(row.contact_id).toBeGreaterThan(0);
    const after = await invoke<OverdueReport>('tasks.overdue', {}, session);
    expect(after.total.overdueItems).toBe(before.total.overdueItems - done.items);
    expect((await invoke<TaskDetail>('tasks.get', { id: item.task_id }, session)).status).toBe('doing');
  });

  it('completes a task when its last client is ticked', async () => {
    const t = db().prepare("SELECT t.id FROM task t WHERE t.status = 'todo' AND (SELECT count(*) FROM task_client x WHERE x.task_id = t.id) BETWEEN 1 AND 20 AND EXISTS (SELECT 1 FROM task_assignee a WHERE a.task_id = t.id) LIMIT 1").pluck().get() as number;
    const detail = await invoke<TaskDetail>('tasks.get', { id: t });
    let last: TaskDetail = detail;
    for (const item of detail.items) last = await invoke<TaskDetail>('tasks.tickClient', { taskId: t, clientId: item.clientId, done: true });
    expect(last).toMatchObject({ status: 'done', clientsDone: detail.items.length, overdue: false });
    expect(await call('tasks.tickClient', { taskId: t, clientId: detail.items[0]?.clientId, done: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('reach', () => {
  it('shows a client manager only their tasks; they create only their own, on their own clients', async () => {
    const mine = db().prepare('SELECT manager_id FROM task_assignee GROUP BY manager_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
    const session = managerSession(mine);
    const list = await invoke<TaskList>('tasks.list', { limit: 500 }, session);
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.assignees.some((a) => a.managerId === mine))).toBe(true);
    const someoneElses = db().prepare('SELECT task_id FROM task_assignee WHERE task_id NOT IN (SELECT task_id FROM task_assignee WHERE manager_id = ?) LIMIT 1').pluck().get(mine) as number;
    expect(await call('tasks.get', { id: someoneElses }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('tasks.setStatus', { id: someoneElses, status: 'done' }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('tasks.create', { title: 'x', managerIds: [mine + 1] }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('tasks.generate', { generator: 'maturity', preview: true }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = db().prepare("SELECT c.client_no FROM assignment a JOIN client c ON c.id = a.client_id WHERE a.manager_id = ? AND a.role = 'primary' AND a.valid_to IS NULL LIMIT 1").pluck().get(mine) as string;
    const notOwn = db().prepare("SELECT c.client_no FROM assignment a JOIN client c ON c.id = a.client_id WHERE a.manager_id <> ? AND a.role = 'primary' AND a.valid_to IS NULL LIMIT 1").pluck().get(mine) as string;
    expect(await call('tasks.create', { title: 'x', clientNos: [notOwn] }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const created = await invoke<TaskDetail>('tasks.create', { title: '回访', dueAt: '2026-11-25', clientNos: [own] }, session);
    expect(created).toMatchObject({ canEdit: true, clients: 1, assignees: [{ managerId: mine }] });
    // A task the supervisor gave them: progress yes, edit or cancel no.
    const given = list.rows.find((r) => r.kind === 'generated');
    if (given === undefined) throw new Error('no generated task');
    expect(await call('tasks.update', { id: given.id, title: 'mine now' }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('tasks.setStatus', { id: given.id, status: 'cancelled' }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await call('tasks.setStatus', { id: given.id, status: 'doing' }, session));
    const report = await invoke<OverdueReport>('tasks.overdue', {}, session);
    expect(report.byManager.map((m) => m.managerId)).toEqual([mine]);
  });

  it('keeps a supervisor to the tasks of the units they run, and expands a whole outlet to its managers in post', async () => {
    const sub = db().prepare("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1").pluck().get() as number;
    const units = db().prepare('WITH RECURSIVE s(id) AS (SELECT ? UNION ALL SELECT o.id FROM org_unit o JOIN s ON o.parent_id = s.id) SELECT id FROM s').pluck().all(sub) as number[];
    const supervisor: Session = { userName: 'zhuguan', role: 'supervisor', orgUnitIds: [sub], managerId: null, locale: 'en', authenticated: true };
    const list = await invoke<TaskList>('tasks.list', { limit: 500 }, supervisor);
    const expected = db().prepare('SELECT count(*) FROM task WHERE org_unit_id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(units)) as number;
    expect(list.total).toBe(expected);
    expect(list.rows.every((r) => r.orgUnitId !== null && units.includes(r.orgUnitId))).toBe(true);
    const outlet = units.find((u) => u !== sub) ?? sub;
    const inPost = db().prepare("SELECT manager_id FROM manager_period WHERE org_unit_id = ? AND status = 'active' AND valid_from <= '2026-11-22' AND (valid_to IS NULL OR valid_to > '2026-11-22') ORDER BY manager_id").pluck().all(outlet) as number[];
    const all = await invoke<TaskDetail>('tasks.create', { title: 'Campaign', kind: 'campaign', orgUnitId: outlet, wholeOutlet: true, dueAt: '2026-12-31' }, supervisor);
    expect(all.assignees.map((a) => a.managerId).sort((a, b) => a - b)).toEqual(inPost);
    expect(all.orgUnitId).toBe(outlet);
    const outside = db().prepare("SELECT id FROM org_unit WHERE level = 'outlet' AND id NOT IN (SELECT value FROM json_each(?)) LIMIT 1").pluck().get(JSON.stringify(units)) as number;
    expect(await call('tasks.create', { title: 'x', orgUnitId: outside }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const preview = await generate({ generator: 'maturity', asOf: '2026-12-15', preview: true }, supervisor);
    expect(preview.groups.every((g) => g.orgUnitId !== null && units.includes(g.orgUnitId))).toBe(true);
  });
});

describe('migration 0110 (tasks-service)', () => {
  it('gives the client items of a store built at the previous version their own deadline and note, keeping the items', () => {
    const file = path.join(tmp.dir, 'm0110.db');
    const at = MIGRATIONS.findIndex((m) => m.id === 110);
    const before = openStore(file, { migrations: MIGRATIONS.slice(0, at), backupDir: path.join(tmp.dir, 'm0110-backups') });
    before.db.exec(`
      INSERT INTO org_unit (id, code, name, level) VALUES (1, '001', '网点', 'outlet');
      INSERT INTO client (id, client_no, name, org_unit_id) VALUES (1, 'C1', '张三', 1);
      INSERT INTO task (id, title, due_at, org_unit_id, created_by, created_at) VALUES (1, '回访', '2026-11-30', 1, 'u', '2026-11-01T00:00:00.000Z');
      INSERT INTO task_client (task_id, client_id, detail) VALUES (1, 1, '{"kind":"maturity"}');`);
    before.close();
    const after = openStore(file, { migrations: MIGRATIONS.slice(0, at + 1), backupDir: path.join(tmp.dir, 'm0110-backups') });
    try {
      expect(after.db.prepare('SELECT task_id, client_id, detail, due_at, note FROM task_client').all()).toEqual([{ task_id: 1, client_id: 1, detail: '{"kind":"maturity"}', due_at: null, note: null }]);
      after.db.prepare("UPDATE task_client SET due_at = '2026-11-05', note = '已约面谈'").run();
      expect(after.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      after.close();
    }
  });
});
