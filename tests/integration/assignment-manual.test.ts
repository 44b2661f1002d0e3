import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditDays, managerOn } from '../../electron/assignment/assign.js';
import type { Session } from '../../electron/api/types.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/** Assignment by hand: effective-dated moves, undo as one step, and credit by the days each manager held a client. */
const files = makeTempDir('assignment-manual');
afterAll(() => files.cleanup());
let t: ReturnType<typeof makeTestApp>;
const ids: Record<string, number> = {};

beforeEach(async () => {
  t = makeTestApp('assignment-manual');
  for (const [kind, lines] of [
    ['org_units', ['机构号,机构名称,机构层级,上级机构号', 'B,分行,二级分行,', 'O1,一号网点,网点,B', 'O2,二号网点,网点,B']],
    ['managers', ['员工号,姓名,所属网点,岗位等级,专兼职,状态,生效日期', 'M1,王一,O1,客户经理,专职,在岗,2025-01-01', 'M2,李二,O1,客户经理,专职,在岗,2025-01-01', 'M3,张三,O1,客户经理,专职,离职,2025-01-01', 'M4,赵四,O2,客户经理,专职,在岗,2025-01-01']],
    ['clients', ['客户号,客户名称,开户日期,所属网点,客户经理号,管户日期', 'A,甲,20250101,O1,M1,20250101', 'B,乙,20250101,O1,M1,20250101', 'C,丙,20250101,O1,M1,20250101']],
  ] as const) {
    const file = path.join(files.dir, `${kind}-${Math.random()}.csv`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expectOk(await importFile(t.app, file, kind, { options: { asOf: '2026-01-01' } }));
  }
  const db = t.app.services.store.db;
  for (const r of db.prepare('SELECT client_no AS k, id FROM client UNION ALL SELECT staff_no, id FROM manager').all() as Array<{ k: string; id: number }>) ids[r.k] = r.id;
});
afterEach(() => t.cleanup());

const assign = (input: object, session: Session = adminSession) => t.app.dispatcher.invoke('assignment.assign', input, { session });
const on = (client: string, day: string): number | null => managerOn(t.app.services.store, ids[client] ?? 0, day);

describe('assignment by hand', () => {
  it('moves clients from a date: earlier days keep their manager, and June credits both by days held', async () => {
    const r = expectOk(await assign({ clientIds: [ids['A'], ids['B']], managerId: ids['M2'], from: '2026-06-16', reason: '均衡管户' }));
    expect(r).toMatchObject({ changed: 2, unchanged: 0 });
    expect([on('A', '2026-06-15'), on('A', '2026-06-16'), on('C', '2026-06-16')]).toEqual([ids['M1'], ids['M2'], ids['M1']]);
    const change = t.app.services.store.db.prepare('SELECT kind, reason, created_by FROM assignment_change WHERE id = ?').get(r.changeId);
    expect(change).toEqual({ kind: 'bulk', reason: '均衡管户', created_by: 'local-admin' });
    // June has 30 days: 15 with M1 (1st–15th), 15 with M2 (16th–30th); C stays with M1 all month.
    const june = creditDays(t.app.services.store, '2026-06-01', '2026-06-30', [ids['A'] ?? 0, ids['C'] ?? 0]);
    expect(june).toEqual([
      { clientId: ids['A'], managerId: ids['M1'], days: 15, shareDaysBp: 150_000 },
      { clientId: ids['A'], managerId: ids['M2'], days: 15, shareDaysBp: 150_000 },
      { clientId: ids['C'], managerId: ids['M1'], days: 30, shareDaysBp: 300_000 },
    ]);
    // Assigning again to the same manager changes nothing and records nothing.
    expect(expectOk(await assign({ clientIds: [ids['A']], managerId: ids['M2'], from: '2026-07-01' }))).toEqual({ changeId: null, changed: 0, unchanged: 1 });
  });

  it('undoes a change as one step, in order, and refuses to undo one a later change built on', async () => {
    const first = expectOk(await assign({ clientIds: [ids['A'], ids['B']], managerId: ids['M2'], from: '2026-06-16' }));
    const second = expectOk(await assign({ clientIds: [ids['A']], managerId: ids['M1'], from: '2026-06-16' }));
    expect(on('A', '2026-06-20')).toBe(ids['M1']);
    expect(await t.app.dispatcher.invoke('assignment.undo', { changeId: first.changeId ?? 0 }, { session: adminSession })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expectOk(await t.app.dispatcher.invoke('assignment.undo', { changeId: second.changeId ?? 0 }, { session: adminSession }));
    expect(on('A', '2026-06-20')).toBe(ids['M2']);
    expectOk(await t.app.dispatcher.invoke('assignment.undo', { changeId: first.changeId ?? 0 }, { session: adminSession }));
    expect([on('A', '2026-06-20'), on('B', '2026-06-20')]).toEqual([ids['M1'], ids['M1']]);
    const spans = t.app.services.store.db.prepare("SELECT count(*) FROM assignment WHERE role = 'primary'").pluck().get();
    expect(spans).toBe(3);
    const changes = expectOk(await t.app.dispatcher.invoke('assignment.changes', {}, { session: adminSession }));
    expect(changes.filter((c) => c.kind === 'undo')).toHaveLength(2);
    expect(changes.find((c) => c.id === first.changeId)?.undoneBy).not.toBeNull();
  });

  it('unassigns, refuses departed managers, and keeps a supervisor within the units they run', async () => {
    expectOk(await assign({ clientIds: [ids['B']], managerId: null, from: '2026-07-01' }));
    expect([on('B', '2026-06-30'), on('B', '2026-07-01')]).toEqual([ids['M1'], null]);
    expect(await assign({ clientIds: [ids['C']], managerId: ids['M3'], from: '2026-07-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const o1 = t.app.services.store.db.prepare("SELECT id FROM org_unit WHERE code = 'O1'").pluck().get() as number;
    const supervisor: Session = { ...adminSession, role: 'supervisor', orgUnitIds: [o1], userName: 'sup' };
    expect(await assign({ clientIds: [ids['C']], managerId: ids['M4'], from: '2026-07-01' }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await assign({ clientIds: [ids['C']], managerId: ids['M2'], from: '2026-07-01' }, supervisor));
  });
});
