import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { contactPlanCoverage } from '../../electron/worklog/coverage.js';
import { buildXlsx } from '../../electron/xlsx/build-xlsx.js';
import type { ExportedFile, ImportBatchInfo } from '../../shared/api/ops/import.js';
import { KIND_FIELDS } from '../../shared/import/kinds.js';
import type { ContactPage, ContactPlanCoverage, ContactPlanList, DueReport } from '../../shared/worklog/types.js';
import { WORKER_FILE } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';
import { sessionFor } from '../helpers/worklog-store.js';

/**
 * The work log on the small demo workspace (the CLI's own build: a year of imported work log): 联系计划覆盖率 and the
 * due counts against independent SQL, a client manager's scope, and the import template round trip.
 */
const tmp = makeTempDir('worklog');
let app: App;
const db = () => app.services.store.db;
const call = (name: string, input: unknown, session: Session = adminSession) => app.dispatcher.call(name, input, { session });
const ok = async <T>(name: string, input: unknown, session: Session = adminSession): Promise<T> => expectOk(await call(name, input, session)) as T;
const TODAY = '2026-11-23';

/**
 * Coverage written from the definition, not from the product's SQL: the population is every client whose primary
 * span covers `to` and whose segment plan, or failing that tier plan, is active; a client is covered unless some day
 * of the period has no contact (by anyone) in the `every_days` days up to and including it. One row per manager.
 */
const INDEPENDENT_COVERAGE = `
WITH RECURSIVE days(d) AS (SELECT @from UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < @to),
interval_of AS (
  SELECT s.client_id,
         CASE WHEN EXISTS (SELECT 1 FROM contact_plan x WHERE x.segment = s.segment AND x.active = 1)
              THEN (SELECT x.every_days FROM contact_plan x WHERE x.segment = s.segment AND x.active = 1)
              ELSE (SELECT x.every_days FROM contact_plan x WHERE x.tier = s.tier AND x.active = 1) END AS every
  FROM client_score s
),
population AS (
  SELECT a.manager_id, i.client_id, i.every
  FROM assignment a JOIN interval_of i ON i.client_id = a.client_id
  WHERE a.role = 'primary' AND a.valid_from <= @to AND coalesce(a.valid_to, '9999-12-31') > @to AND i.every IS NOT NULL
),
missed AS (
  SELECT DISTINCT p.client_id FROM population p CROSS JOIN days
  WHERE NOT EXISTS (SELECT 1 FROM contact c WHERE c.client_id = p.client_id
                      AND date(c.contact_at) BETWEEN date(days.d, '-' || p.every || ' days') AND days.d)
)
SELECT manager_id AS managerId, count(*) AS underPlan, sum(client_id NOT IN (SELECT client_id FROM missed)) AS covered
FROM population GROUP BY manager_id ORDER BY manager_id`;

/** Overdue on a day, from the definition: no contact at all up to the day, or the last one more than every_days before. */
const INDEPENDENT_OVERDUE = `
WITH interval_of AS (
  SELECT s.client_id, coalesce((SELECT every_days FROM contact_plan WHERE segment = s.segment AND active = 1),
                               (SELECT every_days FROM contact_plan WHERE tier = s.tier AND active = 1)) AS every
  FROM client_score s
)
SELECT a.manager_id AS managerId, count(*) AS overdue
FROM assignment a JOIN interval_of i ON i.client_id = a.client_id
WHERE a.role = 'primary' AND a.valid_from <= @d AND coalesce(a.valid_to, '9999-12-31') > @d AND i.every IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.client_id = a.client_id AND date(c.contact_at) BETWEEN date(@d, '-' || i.every || ' days') AND @d)
GROUP BY a.manager_id ORDER BY a.manager_id`;

function independentCoverage(from: string, to: string): Array<{ managerId: number; underPlan: number; covered: number }> {
  return db().prepare(INDEPENDENT_COVERAGE).all({ from, to }) as Array<{ managerId: number; underPlan: number; covered: number }>;
}

/** The busiest manager today and one of their planned clients that is overdue. */
function busiest(): number {
  return db().prepare("SELECT manager_id FROM assignment WHERE role = 'primary' AND valid_to IS NULL GROUP BY manager_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as number;
}

beforeAll(() => {
  const file = path.join(tmp.dir, 'workspace.db');
  const r = runCli(['demo', '--db', file, '--clients', '4000', '--managers', '16']);
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  app = createApp({ storeFile: file, mode: 'cli', workerFile: WORKER_FILE, clock: fixedClock(`${TODAY}T10:00:00+08:00`) });
}, 180_000);
afterAll(() => {
  app.close();
  tmp.cleanup();
});

describe('联系计划覆盖率 on the demo', () => {
  it('matches an independent SQL count per manager, for a month and a quarter', async () => {
    expect(db().prepare('SELECT count(*) FROM contact').pluck().get()).toBeGreaterThan(300);
    for (const [from, to] of [
      ['2026-10-01', '2026-10-31'],
      ['2026-07-01', '2026-09-30'],
    ] as const) {
      const mine = await ok<ContactPlanCoverage>('contactPlans.coverage', { from, to });
      const theirs = independentCoverage(from, to);
      const rows = mine.managers.filter((m) => m.underPlan > 0).map((m) => ({ managerId: m.managerId, underPlan: m.underPlan, covered: m.covered }));
      expect(rows.sort((a, b) => a.managerId - b.managerId), `${from}..${to}`).toEqual(theirs);
      // Neither trivially empty nor trivially full: the demo leaves some VIPs uncontacted.
      expect(mine.totals.covered).toBeGreaterThan(0);
      expect(mine.totals.covered).toBeLessThan(mine.totals.underPlan);
      expect(mine.totals.underPlan).toBe(theirs.reduce((s, r) => s + r.underPlan, 0));
    }
  });

  it('still matches after a segment plan is added over its tier plan', async () => {
    const segment = db().prepare("SELECT segment FROM client_score WHERE tier = 'platinum' GROUP BY segment ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
    await ok('contactPlans.save', { segment, everyDays: 45 });
    const mine = contactPlanCoverage(app.services.store, { from: '2026-08-01', to: '2026-10-31' });
    const rows = mine.managers.filter((m) => m.underPlan > 0).map((m) => ({ managerId: m.managerId, underPlan: m.underPlan, covered: m.covered }));
    expect(rows.sort((a, b) => a.managerId - b.managerId)).toEqual(independentCoverage('2026-08-01', '2026-10-31'));
  });

  it('counts overdue clients per manager as an independent query does', async () => {
    const r = await ok<DueReport>('contactPlans.due', { limit: 0 });
    expect(r.asOf).toBe(TODAY);
    const theirs = db().prepare(INDEPENDENT_OVERDUE).all({ d: TODAY }) as Array<{ managerId: number; overdue: number }>;
    expect(r.managers.filter((m) => m.overdue > 0).map((m) => ({ managerId: m.managerId, overdue: m.overdue }))).toEqual(theirs);
    expect(r.totals.overdue).toBeGreaterThan(0);
    expect(r.clients).toEqual([]);
    expect(r.truncated).toBe(true);
  });
});

describe('a client manager’s reach', () => {
  it('sees only their own contacts, due list and coverage', async () => {
    const me = busiest();
    const jl = sessionFor('manager', { managerId: me });
    const mine = await ok<ContactPage>('contacts.list', { limit: 500 }, jl);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((c) => c.managerId === me)).toBe(true);
    const other = db().prepare('SELECT manager_id FROM contact WHERE manager_id <> ? LIMIT 1').pluck().get(me) as number;
    expect(await call('contacts.list', { managerId: other }, jl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const dueList = await ok<DueReport>('contactPlans.due', {}, jl);
    expect(dueList.managers.map((m) => m.managerId)).toEqual([me]);
    expect(dueList.clients.every((c) => c.managerId === me)).toBe(true);
    expect(await call('contactPlans.due', { managerId: other }, jl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('contactPlans.due', { orgUnitIds: [1] }, jl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cov = await ok<ContactPlanCoverage>('contactPlans.coverage', { from: '2026-10-01', to: '2026-10-31' }, jl);
    expect(cov.managers.map((m) => m.managerId)).toEqual([me]);
    expect(await call('contactPlans.save', { tier: 'gold', everyDays: 30 }, jl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The plan list counts only the manager's own clients for them; the whole book for the administrator.
    const plans = await ok<ContactPlanList>('contactPlans.list', {}, jl);
    expect(plans.plans.reduce((s, p) => s + p.clients, 0)).toBe(dueList.totals.underPlan);
    const all = await ok<ContactPlanList>('contactPlans.list', {});
    expect(all.plans.reduce((s, p) => s + p.clients, 0)).toBeGreaterThan(dueList.totals.underPlan);
  });

  it('cannot log for another manager’s client, nor touch another’s or an imported entry', async () => {
    const me = busiest();
    const jl = sessionFor('manager', { managerId: me });
    const theirs = db()
      .prepare("SELECT c.client_no FROM assignment a JOIN client c ON c.id = a.client_id WHERE a.role = 'primary' AND a.valid_to IS NULL AND a.manager_id <> ? AND NOT EXISTS (SELECT 1 FROM assignment b WHERE b.client_id = a.client_id AND b.manager_id = ?) LIMIT 1")
      .pluck()
      .get(me, me) as string;
    expect(await call('contacts.add', { clientNo: theirs, contactAt: `${TODAY} 09:00`, channel: 'phone' }, jl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const othersEntry = db().prepare('SELECT id FROM contact WHERE manager_id <> ? LIMIT 1').pluck().get(me) as number;
    expect(await call('contacts.update', { id: othersEntry, outcome: 'x' }, jl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('contacts.delete', { id: othersEntry }, jl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const imported = db().prepare('SELECT id FROM contact WHERE manager_id = ? AND batch_id IS NOT NULL LIMIT 1').pluck().get(me) as number;
    expect(await call('contacts.update', { id: imported, outcome: 'x' }, jl)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('logs a contact with an overdue client of theirs: one fewer overdue, audited', async () => {
    const me = busiest();
    const jl = sessionFor('manager', { managerId: me });
    const before = await ok<DueReport>('contactPlans.due', {}, jl);
    const target = before.clients.find((c) => c.status === 'overdue');
    if (target === undefined) throw new Error('no overdue client');
    const added = await ok<{ contact: { id: number } }>('contacts.add', { clientNo: target.clientNo, contactAt: `${TODAY} 09:15`, channel: 'visit', purpose: '资产配置回顾' }, jl);
    const after = await ok<DueReport>('contactPlans.due', {}, jl);
    expect(after.totals.overdue).toBe(before.totals.overdue - 1);
    expect(after.clients.some((c) => c.clientNo === target.clientNo)).toBe(false);
    const audit = db().prepare("SELECT username, outcome, entity, entity_id FROM audit_log WHERE action = 'contacts.add' ORDER BY id DESC LIMIT 1").get();
    expect(audit).toEqual({ username: jl.userName, outcome: 'ok', entity: 'contact', entity_id: String(added.contact.id) });
  });
});

describe('the work-log filters', () => {
  it('pages newest first without gaps or repeats, and narrows by channel, dates and follow-ups due', async () => {
    const seen: number[] = [];
    let before: { at: string; id: number } | undefined;
    for (;;) {
      const page = await ok<ContactPage>('contacts.list', { channel: 'meeting', from: '2026-09-01', to: '2026-10-31', limit: 50, ...(before === undefined ? {} : { before }) });
      for (const r of page.rows) {
        expect(r.channel).toBe('meeting');
        expect(r.contactAt >= '2026-09-01' && r.contactAt < '2026-11-01').toBe(true);
        seen.push(r.id);
      }
      if (page.nextCursor === null) break;
      before = page.nextCursor;
    }
    const expected = db().prepare("SELECT id FROM contact WHERE channel = 'meeting' AND contact_at >= '2026-09-01' AND contact_at < '2026-11-01' ORDER BY contact_at DESC, id DESC").pluck().all();
    expect(seen).toEqual(expected);
    const followUps = await ok<ContactPage>('contacts.list', { followUpDue: true, limit: 500 });
    expect(followUps.rows.length).toBeGreaterThan(0);
    for (const r of followUps.rows) {
      expect((r.followUpOn ?? '9999') <= '2026-11-30').toBe(true);
      const later = db().prepare('SELECT count(*) FROM contact WHERE client_id = ? AND (contact_at > ? OR (contact_at = ? AND id > ?))').pluck().get(r.clientId, r.contactAt, r.contactAt, r.id);
      expect(later).toBe(0);
    }
  });
});

describe('the import template', () => {
  it('carries the headers the worklog import maps without help, and a filled copy imports', async () => {
    const file = await ok<ExportedFile>('contacts.template', {});
    expect(file.fileName).toBe('工作日志导入模板.xlsx');
    const templatePath = path.join(tmp.dir, file.fileName);
    fs.writeFileSync(templatePath, Buffer.from(file.base64, 'base64'));
    const inspected = expectOk(await app.dispatcher.invoke('import.inspect', { source: { type: 'path', path: templatePath }, kind: 'worklog', options: {} }, { session: adminSession }));
    expect(Object.keys(inspected.mapping).sort()).toEqual(KIND_FIELDS.worklog.map((f) => f.key).sort());

    const row = db().prepare("SELECT c.client_no, m.staff_no FROM assignment a JOIN client c ON c.id = a.client_id JOIN manager m ON m.id = a.manager_id WHERE a.role = 'primary' AND a.valid_to IS NULL LIMIT 1").get() as {
      client_no: string;
      staff_no: string;
    };
    const filled = path.join(tmp.dir, 'filled.xlsx');
    const headers = KIND_FIELDS.worklog.map((f) => f.zh);
    fs.writeFileSync(filled, buildXlsx([{ name: '工作日志', rows: [headers, ['T-1', row.client_no, row.staff_no, '2026-11-20 10:30', '上门', '生日关怀', '客户表示感谢', '定期维护', '2026-12-20']] }]));
    const batch = expectOk(await importFile(app, filled, 'worklog')) as ImportBatchInfo;
    expect(batch.inserted).toBe(1);
    expect(db().prepare("SELECT channel, contact_at, follow_up_on, created_by FROM contact WHERE ext_ref = 'T-1'").get()).toEqual({
      channel: 'visit',
      contact_at: '2026-11-20 10:30:00',
      follow_up_on: '2026-12-20',
      created_by: null,
    });
  });
});
