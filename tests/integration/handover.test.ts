import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditDays, managerOn } from '../../electron/assignment/assign.js';
import type { Session } from '../../electron/api/types.js';
import { recomputeScores } from '../../electron/book/recompute.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { formatFen } from '../../shared/model/money.js';
import { makeTestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * Handover (移交) and client teams on a real store built through the import pipeline and scored:
 * M1 (O1, 专职) leaves; M2 (O1, 专职) and M3 (O1, 兼职) receive; M4 (O2) is another outlet's; M5 has left.
 * M1 holds A–F: A 白金 (80万), B 金卡 (10万), C–F 普通. I belongs to M2.
 */
const files = makeTempDir('handover');
afterAll(() => files.cleanup());
let t: ReturnType<typeof makeTestApp>;
const ids: Record<string, number> = {};
const id = (k: string): number => ids[k] ?? 0;

const BALANCES = ['A,800000.00', 'B,100000.00', 'C,30000.00', 'D,20000.00', 'E,10000.00', 'F,5000.00', 'I,40000.00'];

beforeEach(async () => {
  t = makeTestApp('handover');
  for (const [kind, lines] of [
    ['org_units', ['机构号,机构名称,机构层级,上级机构号,负责人', 'B,南京分行,二级分行,,', 'S1,鼓楼支行,支行,B,周主任', 'O1,一号网点,网点,S1,', 'O2,二号网点,网点,S1,']],
    [
      'managers',
      [
        '员工号,姓名,所属网点,岗位等级,专兼职,状态,生效日期',
        'M1,王一,O1,客户经理,专职,在岗,2025-01-01',
        'M2,李二,O1,客户经理,专职,在岗,2025-01-01',
        'M3,张三,O1,客户经理,兼职,在岗,2025-01-01',
        'M4,赵四,O2,客户经理,专职,在岗,2025-01-01',
        'M5,钱五,O1,客户经理,专职,离职,2025-01-01',
      ],
    ],
    ['clients', ['客户号,客户名称,开户日期,所属网点,客户经理号,管户日期', ...'ABCDEF'.split('').map((c) => `${c},客户${c},20250101,O1,M1,20250101`), 'I,客户I,20250101,O1,M2,20250101']],
    ['balances', ['客户号,数据日期,产品类型,时点余额', ...BALANCES.map((l) => l.replace(',', ',2026-10-31,活期,'))]],
  ] as const) {
    const file = path.join(files.dir, `${kind}-${Math.random()}.csv`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const batch = expectOk(await importFile(t.app, file, kind, { options: { asOf: '2026-10-31' } }));
    expect(batch).toMatchObject({ rejected: 0 });
  }
  const store = t.app.services.store;
  recomputeScores(store, { clock: fixedClock('2026-11-22T09:00:00Z'), userName: 'u', signal: { aborted: false } });
  for (const r of store.db.prepare('SELECT client_no AS k, id FROM client UNION ALL SELECT staff_no, id FROM manager').all() as Array<{ k: string; id: number }>) ids[r.k] = r.id;
  // Two open tasks of M1 (one following clients C and D, one about no client) and a finished one that stays.
  store.db.exec(`
    INSERT INTO task (id, title, status, due_at, created_by, created_at) VALUES
      (1, '到期客户跟进', 'todo', '2026-11-30', 'sup', '2026-11-01'), (2, '整理客户档案', 'doing', NULL, 'sup', '2026-11-01'),
      (3, '已完成的任务', 'done', '2026-11-10', 'sup', '2026-11-01');
    INSERT INTO task_assignee (task_id, manager_id) VALUES (1, ${id('M1')}), (2, ${id('M1')}), (3, ${id('M1')});
    INSERT INTO task_client (task_id, client_id) VALUES (1, ${id('C')}), (1, ${id('D')});
    INSERT INTO contact (client_id, manager_id, contact_at, channel) VALUES (${id('A')}, ${id('M1')}, '2026-10-20T10:00:00+08:00', 'phone');
  `);
});
afterEach(() => t.cleanup());

const call = <T>(op: string, input: object, session: Session = adminSession) =>
  t.app.dispatcher.invoke(op as 'handover.plan', input, { session }) as unknown as Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>;
const request = { managerId: 0, from: '2026-11-16', receiverIds: [] as number[], reason: '王一调离' };
const assigneesOf = (task: number): number[] => t.app.services.store.db.prepare('SELECT manager_id FROM task_assignee WHERE task_id = ? ORDER BY manager_id').pluck().all(task) as number[];

describe('handover (移交)', () => {
  it('plans every held client to a receiver, 白金 only to the 专职 one, open tasks following their clients; nothing changes', async () => {
    const plan = expectOk(await t.app.dispatcher.invoke('handover.plan', { ...request, managerId: id('M1'), receiverIds: [id('M2'), id('M3')] }, { session: adminSession }));
    expect(plan.leaving).toMatchObject({ code: 'M1', name: '王一', orgUnitName: '一号网点' });
    expect(plan.totals).toMatchObject({ clients: 6, aumFen: 96_500_000, vip: 2, tasks: 2, unplaced: 0 });
    const to = new Map(plan.clients.map((c) => [c.clientNo, c.toManagerId]));
    expect(to.get('A')).toBe(id('M2'));
    expect([...to.values()].every((m) => m === id('M2') || m === id('M3'))).toBe(true);
    expect(plan.clients.find((c) => c.clientNo === 'A')?.lastContactAt).toBe('2026-10-20T10:00:00+08:00');
    // The receivers' counts add up: M2 had I; together they now hold all seven.
    const [m2, m3] = plan.receivers;
    expect((m2?.clientsAfter ?? 0) + (m3?.clientsAfter ?? 0)).toBe(7);
    expect((m2?.clientsReceived ?? 0) + (m3?.clientsReceived ?? 0)).toBe(6);
    // Task 1 goes with C and D; task 2 (no clients) to the first receiver.
    // Task 1 goes to whoever takes most of C and D (a tie goes to the first receiver, M2).
    const takes = (m: number): number => ['C', 'D'].filter((c) => to.get(c) === m).length;
    expect(plan.tasks.find((x) => x.taskId === 1)?.toManagerId).toBe(takes(id('M3')) > takes(id('M2')) ? id('M3') : id('M2'));
    expect(plan.tasks.find((x) => x.taskId === 2)?.toManagerId).toBe(id('M2'));
    expect(plan.tasks.map((x) => x.taskId)).not.toContain(3);
    expect(managerOn(t.app.services.store, id('A'), '2026-11-20')).toBe(id('M1'));
  });

  it('applies from the date (earlier days stay credited to the leaver), moves the tasks, and undo puts everything back', async () => {
    const r = expectOk(await t.app.dispatcher.invoke('handover.apply', { ...request, managerId: id('M1'), receiverIds: [id('M2'), id('M3')] }, { session: adminSession }));
    expect(r).toMatchObject({ changed: 6, tasksMoved: 2 });
    const store = t.app.services.store;
    for (const c of 'ABCDEF') {
      expect(managerOn(store, id(c), '2026-11-15')).toBe(id('M1'));
      expect([id('M2'), id('M3')]).toContain(managerOn(store, id(c), '2026-11-16'));
    }
    // November: 15 days with M1, 15 with the receiver.
    const nov = creditDays(store, '2026-11-01', '2026-11-30', [id('A')]);
    expect(nov).toEqual([
      { clientId: id('A'), managerId: id('M1'), days: 15, shareDaysBp: 150_000 },
      { clientId: id('A'), managerId: id('M2'), days: 15, shareDaysBp: 150_000 },
    ]);
    expect(assigneesOf(2)).toEqual([id('M2')]);
    expect(assigneesOf(3)).toEqual([id('M1')]);
    const list = expectOk(await t.app.dispatcher.invoke('handover.list', {}, { session: adminSession }));
    expect(list[0]).toMatchObject({ changeId: r.changeId, managerName: '王一', clients: 6, tasks: 2, undone: false });
    const change = store.db.prepare('SELECT kind, reason FROM assignment_change WHERE id = ?').get(r.changeId);
    expect(change).toEqual({ kind: 'handover', reason: '王一调离' });

    expectOk(await t.app.dispatcher.invoke('assignment.undo', { changeId: r.changeId ?? 0 }, { session: adminSession }));
    for (const c of 'ABCDEF') expect(managerOn(store, id(c), '2026-11-20')).toBe(id('M1'));
    expect([assigneesOf(1), assigneesOf(2)]).toEqual([[id('M1')], [id('M1')]]);
    expect(expectOk(await t.app.dispatcher.invoke('handover.list', {}, { session: adminSession }))[0]?.undone).toBe(true);
  });

  it('refuses a departed receiver, the leaver as receiver, and a supervisor outside their units', async () => {
    expect(await call('handover.plan', { ...request, managerId: id('M1'), receiverIds: [id('M5')] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('handover.plan', { ...request, managerId: id('M1'), receiverIds: [id('M1')] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const o2 = t.app.services.store.db.prepare("SELECT id FROM org_unit WHERE code = 'O2'").pluck().get() as number;
    const supervisor: Session = { ...adminSession, role: 'supervisor', orgUnitIds: [o2], userName: 'sup2' };
    expect(await call('handover.plan', { ...request, managerId: id('M1'), receiverIds: [id('M4')] }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('with only a 兼职 receiver the 白金 client stays with the leaver and the plan says why', async () => {
    const plan = expectOk(await t.app.dispatcher.invoke('handover.plan', { ...request, managerId: id('M1'), receiverIds: [id('M3')] }, { session: adminSession }));
    expect(plan.feasible).toBe(false);
    expect(plan.totals.unplaced).toBe(1);
    expect(plan.clients.find((c) => c.clientNo === 'A')?.toManagerId).toBeNull();
    expect(plan.warnings.map((w) => w.kind)).toContain('no_full_time_manager');
  });
});

describe('the handover sheet (移交清单) and the CLI', () => {
  it('prints the applied handover as an A4 PDF with the Chinese names and counts, and records the print', async () => {
    const r = expectOk(await t.app.dispatcher.invoke('handover.apply', { ...request, managerId: id('M1'), receiverIds: [id('M2'), id('M3')] }, { session: adminSession }));
    const file = expectOk(await t.app.dispatcher.invoke('handover.sheet', { changeId: r.changeId ?? 0 }, { session: adminSession }));
    expect(file.mimeType).toBe('application/pdf');
    const pdf = path.join(t.dir, file.fileName);
    fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    fs.copyFileSync(pdf, path.join('tests/output', 'handover-sheet-api.pdf'));
    const text = layout.replace(/\s+/g, '');
    for (const s of ['客户移交清单', '王一', '李二', '张三', '南京分行', '一号网点', '周主任', '客户A', '到期客户跟进', '移交人', '接收人']) expect(text).toContain(s);
    const m2 = r.plan.receivers.find((x) => x.code === 'M2');
    // The receivers' table, row of 李二: clients received, of them VIP, AUM received, tasks received, clients before, after.
    const got = r.plan.clients.filter((c) => c.toManagerId === m2?.managerId);
    const aum = formatFen(got.reduce((sum, c) => sum + c.aumFen, 0));
    const vip = got.filter((c) => c.tier !== 'standard').length;
    const row = [got.length, vip, aum, m2?.tasksReceived, m2?.clientsBefore, m2?.clientsAfter].join(' ');
    expect(layout.replace(/\s+/g, ' ')).toContain(row);
    const audit = t.app.services.store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'handover.sheet'").pluck().get();
    expect(audit).toBe(1);
    await t.app.services.printer.close();
  });

  it('`handover --dry-run --json` previews without changing anything; without --dry-run it applies and writes the sheet', () => {
    const db = path.join(t.dir, 'workspace.db');
    const dry = runCli(['handover', '--db', db, '--manager', 'M1', '--to', 'M2,M3', '--from', '2026-11-16', '--dry-run', '--json']);
    expect(dry.status, dry.stderr).toBe(0);
    const preview = JSON.parse(dry.stdout) as { plan: { totals: { clients: number } }; applied: null };
    expect(preview).toMatchObject({ plan: { totals: { clients: 6 } }, applied: null });
    expect(managerOn(t.app.services.store, id('A'), '2026-11-20')).toBe(id('M1'));
    const pdf = path.join(t.dir, 'sheet.pdf');
    const run = runCli(['handover', '--db', db, '--manager', 'M1', '--to', 'M2,M3', '--from', '2026-11-16', '--pdf', pdf]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('王一');
    expect(managerOn(t.app.services.store, id('A'), '2026-11-20')).toBe(id('M2'));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('王一');
    expect(runCli(['handover', '--db', db, '--manager', 'NOPE', '--to', 'M2', '--from', '2026-11-16']).status).toBe(2);
  });
});

describe('client teams (主协办与分成)', () => {
  it('sets a secondary manager with a share; credit splits by share and days; a move keeps the shares at 100%', async () => {
    const store = t.app.services.store;
    const r = expectOk(await t.app.dispatcher.invoke('assignment.setTeam', { clientId: id('A'), from: '2026-11-01', primaryId: id('M1'), secondaries: [{ managerId: id('M2'), shareBp: 3000 }] }, { session: adminSession }));
    expect(r.changeId).not.toBeNull();
    const team = expectOk(await t.app.dispatcher.invoke('assignment.team', { clientId: id('A'), day: '2026-11-10' }, { session: adminSession }));
    expect(team.members.map((m) => [m.staffNo, m.role, m.shareBp])).toEqual([
      ['M1', 'primary', 7000],
      ['M2', 'secondary', 3000],
    ]);
    // Moving the primary on the 16th: M3 takes the primary's 70%, M2 keeps 30%.
    expectOk(await t.app.dispatcher.invoke('assignment.assign', { clientIds: [id('A')], managerId: id('M3'), from: '2026-11-16' }, { session: adminSession }));
    const shares = store.db
      .prepare("SELECT sum(share_bp) FROM assignment WHERE client_id = ? AND valid_from <= '2026-11-20' AND (valid_to IS NULL OR valid_to > '2026-11-20')")
      .pluck()
      .get(id('A'));
    expect(shares).toBe(10000);
    const nov = creditDays(store, '2026-11-01', '2026-11-30', [id('A')]);
    expect(nov).toEqual([
      { clientId: id('A'), managerId: id('M1'), days: 15, shareDaysBp: 15 * 7000 },
      { clientId: id('A'), managerId: id('M2'), days: 30, shareDaysBp: 30 * 3000 },
      { clientId: id('A'), managerId: id('M3'), days: 15, shareDaysBp: 15 * 7000 },
    ]);
    // Setting the same team again records nothing; shares of 100% or more are refused.
    expect(expectOk(await t.app.dispatcher.invoke('assignment.setTeam', { clientId: id('A'), from: '2026-11-20', primaryId: id('M3'), secondaries: [{ managerId: id('M2'), shareBp: 3000 }] }, { session: adminSession }))).toEqual({ changeId: null });
    expect(await call('assignment.setTeam', { clientId: id('A'), from: '2026-11-20', primaryId: id('M3'), secondaries: [{ managerId: id('M2'), shareBp: 6000 }, { managerId: id('M1'), shareBp: 4000 }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('undoing a team change restores the previous team', async () => {
    const r = expectOk(await t.app.dispatcher.invoke('assignment.setTeam', { clientId: id('B'), from: '2026-11-01', primaryId: id('M2'), secondaries: [{ managerId: id('M1'), shareBp: 5000 }] }, { session: adminSession }));
    expectOk(await t.app.dispatcher.invoke('assignment.undo', { changeId: r.changeId ?? 0 }, { session: adminSession }));
    const team = expectOk(await t.app.dispatcher.invoke('assignment.team', { clientId: id('B'), day: '2026-11-10' }, { session: adminSession }));
    expect(team.members.map((m) => [m.staffNo, m.role, m.shareBp])).toEqual([['M1', 'primary', 10000]]);
  });
});
