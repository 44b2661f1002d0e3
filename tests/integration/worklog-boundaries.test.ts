import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/types.js';
import { contactPlanCoverage } from '../../electron/worklog/coverage.js';
import { coveredInPeriod, dueStatus } from '../../shared/worklog/rules.js';
import type { ContactAdded, ContactPage, ContactPlanList, DueReport } from '../../shared/worklog/types.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { buildWorklogBook, sessionFor } from '../helpers/worklog-store.js';
import type { WorklogBook } from '../helpers/worklog-store.js';

/**
 * The due/overdue and coverage rules at their boundaries, on a hand-built book with the clock fixed at
 * 2026-11-20 10:00 (Beijing): the day a plan falls due, the day after, the due-soon window's edges, never-contacted
 * clients, contacts after the day asked about, a segment plan over a tier plan, a handover, and coverage against the
 * one-client definition (shared/worklog/rules.ts).
 */
let ctx: ReturnType<typeof makeTestApp>;
let book: WorklogBook;
const db = () => ctx.app.services.store.db;
const call = (name: string, input: unknown, session: Session = adminSession) => ctx.app.dispatcher.call(name, input, { session });
const ok = async <T>(name: string, input: unknown, session: Session = adminSession): Promise<T> => expectOk(await call(name, input, session)) as T;
const due = (input: Record<string, unknown>, session: Session = adminSession) => ok<DueReport>('contactPlans.due', input, session);
const log = (clientNo: string, contactAt: string, session: Session = adminSession, extra: Record<string, unknown> = {}) =>
  ok<ContactAdded>('contacts.add', { clientNo, contactAt, channel: 'phone', ...extra }, session);
const statusOf = (r: DueReport, clientNo: string): string => r.clients.find((c) => c.clientNo === clientNo)?.status ?? 'ok';

beforeAll(async () => {
  ctx = makeTestApp('worklog-bounds', '2026-11-20T10:00:00+08:00');
  book = await buildWorklogBook(ctx.app, ctx.dir);
  // P: on schedule through 09-30 (gaps of 31 days are the longest a 30-day plan allows), last contact 10-21.
  for (const at of ['2026-08-02 10:00', '2026-09-02 15:30', '2026-10-21 10:00']) await log('P', at, adminSession, { managerId: book.managers.M1 });
  await log('Q', '2026-08-21 09:00', adminSession, { managerId: book.managers.M1 }); // 白金 90 days: 91 days ago on 11-20
  await log('G', '2026-11-01 09:00', adminSession, { managerId: book.managers.M2 });
  await log('H', '2026-10-15 09:00', sessionFor('manager', { managerId: book.managers.M1 }));
}, 120_000);
afterAll(() => ctx.cleanup());

describe('the due list', () => {
  it('reads the clock’s day by default and sorts never-contacted, then most late, then due soon', async () => {
    const r = await due({ managerId: book.managers.M1 });
    expect(r.asOf).toBe('2026-11-20');
    expect(r.managers.map((m) => m.managerId)).toEqual([book.managers.M1]);
    // P (私行), Q (白金), N (私行) are M1's planned clients; S is 普通 (no plan); H left for M2 on 11-01.
    expect(r.totals).toEqual({ underPlan: 3, overdue: 2, never: 1, dueSoon: 1 });
    expect(r.clients.map((c) => [c.clientNo, c.status, c.daysLate, c.dueOn])).toEqual([
      ['N', 'overdue', null, null],
      ['Q', 'overdue', 1, '2026-11-19'],
      ['P', 'due', 0, '2026-11-20'],
    ]);
    expect(r.clients.find((c) => c.clientNo === 'P')).toMatchObject({ everyDays: 30, lastContactAt: '2026-10-21 10:00:00', lastContactBy: '王一', tier: 'private' });
  });

  it('puts the boundaries where the definition says: due on the last day, overdue the day after, due soon 7 days ahead', async () => {
    for (const [asOf, withinDays, expected] of [
      ['2026-11-21', 7, 'overdue'],
      ['2026-11-20', 7, 'due'],
      ['2026-11-13', 7, 'due'],
      ['2026-11-12', 7, 'ok'],
      ['2026-11-19', 0, 'ok'],
      ['2026-11-20', 0, 'due'],
    ] as const) {
      const r = await due({ managerId: book.managers.M1, asOf, withinDays });
      expect(statusOf(r, 'P'), `${asOf} within ${withinDays}`).toBe(expected);
      expect(dueStatus('2026-10-21 10:00:00', 30, asOf, withinDays)).toBe(expected);
    }
  });

  it('ignores contacts after the day asked about', async () => {
    const r = await due({ managerId: book.managers.M1, asOf: '2026-08-01' });
    expect(r.clients.find((c) => c.clientNo === 'P')).toMatchObject({ status: 'overdue', lastContactAt: null, daysLate: null });
  });

  it('counts a contact by the previous manager after a handover, on the new manager’s list', async () => {
    const r = await due({ managerId: book.managers.M2 });
    expect(r.totals.underPlan).toBe(2); // G and H
    expect(statusOf(r, 'H')).toBe('ok'); // 钻石 90 days, contacted by M1 on 10-15
  });

  it('lets a segment plan override the tier plan, and falls back when it is switched off', async () => {
    const segment = db().prepare('SELECT segment FROM client_score WHERE client_id = ?').pluck().get(book.clients.Q) as string;
    const saved = await ok<ContactPlanList>('contactPlans.save', { segment, everyDays: 120 });
    const plan = saved.plans.find((p) => p.segment === segment);
    expect(plan?.clients).toBe(1);
    expect(statusOf(await due({ managerId: book.managers.M1 }), 'Q')).toBe('ok');
    await ok('contactPlans.save', { id: plan?.id, segment, everyDays: 120, active: false });
    expect(statusOf(await due({ managerId: book.managers.M1 }), 'Q')).toBe('overdue');
    expect(await call('contactPlans.save', { tier: 'platinum', everyDays: 60 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok('contactPlans.delete', { id: plan?.id });
    expect(db().prepare("SELECT action, entity FROM audit_log WHERE action LIKE 'contactPlans.%' ORDER BY id").all()).toEqual([
      { action: 'contactPlans.save', entity: 'contact_plan' },
      { action: 'contactPlans.save', entity: 'contact_plan' },
      { action: 'contactPlans.save', entity: null },
      { action: 'contactPlans.delete', entity: 'contact_plan' },
    ]);
  });

  it('drops the overdue count by one when the manager logs a contact with an overdue client', async () => {
    const jl = sessionFor('manager', { managerId: book.managers.M1 });
    const before = await due({}, jl);
    const r = await log('N', '2026-11-20 09:30', jl, { purpose: '首次拜访', followUpOn: '2026-11-27' });
    expect(r.contact).toMatchObject({ clientNo: 'N', managerId: book.managers.M1, contactAt: '2026-11-20 09:30:00', followUpOn: '2026-11-27', imported: false, createdBy: jl.userName });
    const after = await due({}, jl);
    expect(after.totals.overdue).toBe(before.totals.overdue - 1);
    expect(after.totals.never).toBe(before.totals.never - 1);
  });
});

describe('logging contacts', () => {
  it('refuses a contact dated after today and a follow-up before the contact', async () => {
    expect(await call('contacts.add', { clientNo: 'P', managerId: book.managers.M1, contactAt: '2026-11-21 09:00', channel: 'phone' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('contacts.add', { clientNo: 'P', managerId: book.managers.M1, contactAt: '2026-11-10 09:00', channel: 'phone', followUpOn: '2026-11-09' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('contacts.add', { clientNo: 'P', contactAt: '2026-02-30 09:00', channel: 'phone' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('contacts.add', { clientNo: 'NOPE', contactAt: '2026-11-10 09:00', channel: 'phone' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets a manager log only for a client they looked after on the contact’s day', async () => {
    const m1 = sessionFor('manager', { managerId: book.managers.M1 });
    const m2 = sessionFor('manager', { managerId: book.managers.M2 });
    await log('H', '2026-10-30 16:00', m1); // still M1's then
    expect(await call('contacts.add', { clientNo: 'H', contactAt: '2026-11-02 10:00', channel: 'wechat' }, m1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('contacts.add', { clientNo: 'H', contactAt: '2026-10-30 10:00', channel: 'wechat' }, m2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await log('H', '2026-11-02 10:00', m2);
    expect(await call('contacts.add', { clientNo: 'G', contactAt: '2026-11-02 10:00', channel: 'wechat' }, m1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('contacts.add', { clientNo: 'P', managerId: book.managers.M2, contactAt: '2026-11-02 10:00', channel: 'wechat' }, m1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('gives a supervisor’s entry to the client’s primary manager, and only within their units', async () => {
    const gulou = sessionFor('supervisor', { orgUnitId: book.units.gulou });
    const r = await log('G', '2026-11-05 11:00', gulou);
    expect(r.contact.managerId).toBe(book.managers.M2);
    expect(await call('contacts.add', { clientNo: 'X', contactAt: '2026-11-05 11:00', channel: 'phone' }, gulou)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const seen = await ok<ContactPage>('contacts.list', { limit: 500 }, gulou);
    expect(seen.rows.length).toBeGreaterThan(0);
    expect(seen.rows.every((c) => c.managerId === book.managers.M1 || c.managerId === book.managers.M2)).toBe(true);
    const xinjiekou = sessionFor('supervisor', { orgUnitId: book.units.xinjiekou });
    expect((await ok<ContactPage>('contacts.list', {}, xinjiekou)).rows).toEqual([]);
    expect(await call('contacts.update', { id: r.contact.id, outcome: '改' }, xinjiekou)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('contactPlans.due', { orgUnitIds: [book.units.gulou] }, xinjiekou)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('ticks off the manager’s open task item for the client, and then keeps the contact that did it', async () => {
    // A task as the tasks domain stores it (written directly: this test is about the work log's side of the link).
    const taskId = Number(
      db()
        .prepare("INSERT INTO task (title, kind, status, due_at, created_by, created_at) VALUES ('到期提醒', 'generated', 'todo', '2026-11-30', 'admin', '2026-11-01T00:00:00.000Z')")
        .run().lastInsertRowid,
    );
    db().prepare('INSERT INTO task_assignee (task_id, manager_id) VALUES (?, ?)').run(taskId, book.managers.M1);
    db().prepare('INSERT INTO task_client (task_id, client_id) VALUES (?, ?)').run(taskId, book.clients.Q);
    const r = await log('Q', '2026-11-19 15:00', sessionFor('manager', { managerId: book.managers.M1 }));
    expect(r.tasksCompleted).toBe(1);
    expect(db().prepare('SELECT contact_id FROM task_client WHERE task_id = ?').pluck().get(taskId)).toBe(r.contact.id);
    expect(db().prepare('SELECT status FROM task WHERE id = ?').pluck().get(taskId)).toBe('done');
    expect(await call('contacts.delete', { id: r.contact.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('corrects and deletes typed-in entries, audited with before and after', async () => {
    const m1 = sessionFor('manager', { managerId: book.managers.M1 });
    const added = await log('P', '2026-11-18 14:00', m1, { outcome: '待跟进' });
    const changed = await ok<{ outcome: string; channel: string }>('contacts.update', { id: added.contact.id, outcome: '已成交', channel: 'meeting' }, m1);
    expect(changed).toMatchObject({ outcome: '已成交', channel: 'meeting' });
    const audit = db().prepare("SELECT before, after FROM audit_log WHERE action = 'contacts.update' ORDER BY id DESC LIMIT 1").get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ outcome: '待跟进' });
    expect(JSON.parse(audit.after)).toMatchObject({ outcome: '已成交' });
    const m2 = sessionFor('manager', { managerId: book.managers.M2 });
    expect(await call('contacts.delete', { id: added.contact.id }, m2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ok('contacts.delete', { id: added.contact.id }, m1)).toEqual({ deleted: 1 });
    expect(db().prepare('SELECT count(*) FROM contact WHERE id = ?').pluck().get(added.contact.id)).toBe(0);
  });
});

describe('coverage at its boundaries', () => {
  /** The one-client definition applied to every client held on `to`, independently of the SQL. */
  function expected(managerId: number, from: string, to: string): { underPlan: number; covered: number } {
    const held = db()
      .prepare("SELECT client_id FROM assignment WHERE manager_id = ? AND role = 'primary' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)")
      .pluck()
      .all(managerId, to, to) as number[];
    let underPlan = 0;
    let covered = 0;
    for (const id of held) {
      const s = db().prepare('SELECT tier, segment FROM client_score WHERE client_id = ?').get(id) as { tier: string; segment: string };
      const every =
        (db().prepare('SELECT every_days FROM contact_plan WHERE segment = ? AND active = 1').pluck().get(s.segment) as number | undefined) ??
        (db().prepare('SELECT every_days FROM contact_plan WHERE tier = ? AND active = 1').pluck().get(s.tier) as number | undefined);
      if (every === undefined) continue;
      underPlan++;
      const days = db().prepare('SELECT contact_at FROM contact WHERE client_id = ?').pluck().all(id) as string[];
      if (coveredInPeriod(days, every, from, to)) covered++;
    }
    return { underPlan, covered };
  }

  it('covers P through September (a 31-day gap is the longest a 30-day plan allows) but not into mid-October', () => {
    const store = ctx.app.services.store;
    const sept = contactPlanCoverage(store, { from: '2026-09-01', to: '2026-09-30', managerIds: [book.managers.M1] });
    expect(sept.managers[0]).toMatchObject(expected(book.managers.M1, '2026-09-01', '2026-09-30'));
    // P and Q covered; N never contacted; H (held by M1 on 09-30) first contacted on 10-15.
    expect(sept.totals).toEqual({ underPlan: 4, covered: 2, rateBp: 5000 });
    const longer = contactPlanCoverage(store, { from: '2026-09-01', to: '2026-10-15', managerIds: [book.managers.M1] });
    expect(longer.managers[0]).toMatchObject(expected(book.managers.M1, '2026-09-01', '2026-10-15'));
    expect(coveredInPeriod(['2026-08-02', '2026-09-02', '2026-10-21'], 30, '2026-09-01', '2026-10-15')).toBe(false);
    expect(coveredInPeriod(['2026-08-01', '2026-09-01'], 30, '2026-09-01', '2026-09-30')).toBe(true);
    expect(coveredInPeriod(['2026-08-01', '2026-09-02'], 30, '2026-09-01', '2026-09-30')).toBe(false);
    expect(coveredInPeriod(['2026-09-15'], 30, '2026-09-01', '2026-09-30')).toBe(false);
    expect(coveredInPeriod(['2026-08-02', '2026-10-02'], 30, '2026-09-01', '2026-09-30')).toBe(false);
  });

  it('rolls up to the outlet and the branch, and narrows to units by the managers working there on `to`', () => {
    const store = ctx.app.services.store;
    const all = contactPlanCoverage(store, { from: '2026-11-01', to: '2026-11-20' });
    for (const m of all.managers) expect(m, m.staffNo).toMatchObject(expected(m.managerId, '2026-11-01', '2026-11-20'));
    const unit = (id: number) => all.units.find((u) => u.orgUnitId === id);
    const sum = (ids: number[]) => all.managers.filter((m) => ids.includes(m.managerId)).reduce((s, m) => s + m.underPlan, 0);
    expect(unit(book.units.gulou)?.underPlan).toBe(sum([book.managers.M1, book.managers.M2]));
    expect(unit(book.units.branch)?.underPlan).toBe(all.totals.underPlan);
    const xjk = contactPlanCoverage(store, { from: '2026-11-01', to: '2026-11-20', orgUnitIds: [book.units.xinjiekou] });
    expect(xjk.managers.map((m) => m.managerId)).toEqual([book.managers.M3]);
  });
});
