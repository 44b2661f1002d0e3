import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/types.js';
import type { Manager } from '../../shared/model/manager.js';
import type { OrgUnit } from '../../shared/model/org.js';
import { DEFAULT_CAPACITY } from '../../shared/model/capacity.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/** Org units and the roster edited by hand: the tree keeps its shape, roster changes are effective-dated. */
const files = makeTempDir('roster-edit');
afterAll(() => files.cleanup());
let t: ReturnType<typeof makeTestApp>;
const supervisor: Session = { ...adminSession, role: 'supervisor' };
const invoke = (name: string, input: unknown, session: Session = adminSession) => t.app.dispatcher.invoke(name as never, input, { session });
const ok = async <T>(name: string, input: unknown, session: Session = adminSession): Promise<T> => expectOk(await invoke(name, input, session)) as T;

beforeEach(async () => {
  t = makeTestApp('roster-edit');
  for (const [kind, lines] of [
    ['org_units', ['机构号,机构名称,机构层级,上级机构号', 'B,分行,二级分行,', 'S,城东支行,支行,B', 'O1,一号网点,网点,S', 'O2,二号网点,网点,S']],
    ['managers', ['员工号,姓名,所属网点,岗位等级,专兼职,生效日期,管户上限', 'M1,王一,O1,客户经理,专职,2025-01-01,', 'M2,李二,O1,见习客户经理,兼职,2025-01-01,90']],
  ] as const) {
    const file = path.join(files.dir, `${kind}-${Math.random()}.csv`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expectOk(await importFile(t.app, file, kind));
  }
});
afterEach(() => t.cleanup());

const unitId = async (code: string): Promise<number> => (await ok<OrgUnit[]>('org.tree', {})).find((u) => u.code === code)?.id ?? -1;
const rosterOn = async (asOf: string): Promise<Manager[]> => ok<Manager[]>('managers.list', { asOf });

describe('org units by hand', () => {
  it('adds an outlet under a sub-branch and edits it; the import no longer owns the edited unit', async () => {
    const s = await unitId('S');
    const created = await ok<OrgUnit>('org.saveUnit', { code: 'O3', name: '三号网点', level: 'outlet', parentId: s, headName: '赵主任', phone: '025-1234567' });
    expect(created).toMatchObject({ code: 'O3', level: 'outlet', parentId: s, headName: '赵主任' });
    const o1 = await unitId('O1');
    const edited = await ok<OrgUnit>('org.saveUnit', { id: o1, code: 'O1', name: '一号网点（新址）', level: 'outlet', parentId: s, address: '中山路1号' });
    expect(edited).toMatchObject({ name: '一号网点（新址）', address: '中山路1号' });
    expect(t.app.services.store.db.prepare('SELECT batch_id FROM org_unit WHERE id = ?').pluck().get(o1)).toBeNull();
  });

  it('refuses a parent of the same or a lower level, a cycle, a taken code, and non-administrators', async () => {
    const [b, s, o1] = [await unitId('B'), await unitId('S'), await unitId('O1')];
    expect(await invoke('org.saveUnit', { code: 'X', name: 'X', level: 'sub', parentId: o1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('org.saveUnit', { id: b, code: 'B', name: '分行', level: 'tier2', parentId: s })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('org.saveUnit', { id: s, code: 'S', name: '城东支行', level: 'outlet', parentId: b })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const taken = await invoke('org.saveUnit', { code: 'O2', name: '重复', level: 'outlet', parentId: s });
    expect(taken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!taken.ok) expect(taken.error.message).toContain('O2');
    expect(await invoke('org.saveUnit', { code: 'O9', name: 'X', level: 'outlet', parentId: s }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('effective-dated roster changes', () => {
  it('moves a manager to another outlet from a date; earlier dates still show the old outlet', async () => {
    const [o1, o2] = [await unitId('O1'), await unitId('O2')];
    const m1 = (await rosterOn('2026-01-01')).find((m) => m.staffNo === 'M1');
    await ok('managers.changePeriod', { managerId: m1?.id, from: '2026-07-01', orgUnitId: o2, grade: 'senior' }, supervisor);
    expect((await rosterOn('2026-06-30')).find((m) => m.staffNo === 'M1')).toMatchObject({ orgUnitId: o1, grade: 'standard', since: '2025-01-01' });
    expect((await rosterOn('2026-07-01')).find((m) => m.staffNo === 'M1')).toMatchObject({ orgUnitId: o2, grade: 'senior', since: '2026-07-01' });
    // A second change on the new period's first day edits it in place.
    await ok('managers.changePeriod', { managerId: m1?.id, from: '2026-07-01', status: 'leave' });
    expect(t.app.services.store.db.prepare('SELECT count(*) FROM manager_period WHERE manager_id = ?').pluck().get(m1?.id)).toBe(2);
    expect((await rosterOn('2026-08-01')).find((m) => m.staffNo === 'M1')).toMatchObject({ orgUnitId: o2, status: 'leave' });
    expect(await invoke('managers.changePeriod', { managerId: m1?.id, from: '2024-01-01', status: 'leave' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('applies the default caps by grade and type unless the period sets its own, and lets an administrator change them', async () => {
    const roster = await rosterOn('2026-01-01');
    expect(roster.find((m) => m.staffNo === 'M1')?.capacity).toEqual({ ...DEFAULT_CAPACITY.standard.full_time, isDefault: true });
    expect(roster.find((m) => m.staffNo === 'M2')?.capacity).toEqual({ maxClients: 90, maxVipClients: DEFAULT_CAPACITY.trainee.part_time.maxVipClients, isDefault: false });
    const defaults = structuredClone(DEFAULT_CAPACITY);
    defaults.standard.full_time = { maxClients: 500, maxVipClients: 70 };
    expect(await invoke('managers.setCapacity', { defaults }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok('managers.setCapacity', { defaults });
    expect((await rosterOn('2026-01-01')).find((m) => m.staffNo === 'M1')?.capacity).toEqual({ maxClients: 500, maxVipClients: 70, isDefault: true });
  });
});
