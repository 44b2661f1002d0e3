import { recomputeScores } from '../../electron/book/recompute.js';
import { fixedClock } from '../../electron/platform/clock.js';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { loadLines } from '../helpers/evaluation-store.js';
import { adminSession, expectOk } from '../helpers/import.js';

/**
 * A small branch for the report tests, loaded through the real import pipeline; every figure the tests expect is
 * worked out by hand from these lines (reports.test.ts says how).
 *
 *   B 南京分行 ─ S1 城东支行 ─ O1 一号网点 (M1 王一, M2 李二), O2 二号网点 (M3 张三)
 *              └ S2 城西支行 ─ O3 三号网点 (M4 赵四)
 *
 *   client  outlet  opened       manager  30 Sep 元   31 Oct 元   tier Sep → Oct
 *   A       O1      2020-01-01   M1       100,000     600,000     金卡 → 白金  (moves to M2 on 16 Oct, manual)
 *   B       O1      2020-01-01   M1       200,000     —           金卡 → 普通  (lost; named "=1+2")
 *   C       O1      2020-01-01   M2       800,000     300,000     白金 → 金卡  (team M2 70% + M3 30% from 5 Oct)
 *   D       O2      2026-10-12   M3       —           60,000      new          (assigned by the import from 12 Oct)
 *   E       O2      2020-01-01   M3       40,000      45,000      普通 → 普通  (unassigned from 20 Oct)
 *   F       O3      2020-01-01   M4       3,000,000   7,000,000   钻石 → 私行
 *   G       O3      2026-09-15   M4       10,000      10,000      普通 → 普通  (daily average in October 60,000)
 *
 * Head office's 存款净增 targets for 2026 (万元, per quarter): O1 20, O2 13, O3 500.
 * Contacts: A on 20 Sep (by M1), D on 15 Oct (M3), F on 25 Sep and 20 Oct (M4); C never.
 */
export const REPORTS_NOW = '2026-11-22T09:00:00.000Z';

/** A valid 18-digit resident ID number (GB 11643 check digit) from its first 17 digits. */
export function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return `${first17}${'10X98765432'[sum % 11] ?? ''}`;
}

export const IDS = {
  A: residentId('32010219800101001'),
  B: residentId('32010219800101002'),
  C: residentId('32010219800101003'),
  D: residentId('32010219800101004'),
  E: residentId('32010219800101005'),
  F: residentId('32010219800101006'),
  G: residentId('32010219800101007'),
};

export interface ReportsBook {
  ids: Record<string, number>;
  units: Record<'B' | 'S1' | 'S2' | 'O1' | 'O2' | 'O3', number>;
}

const balances = (day: string, lines: string[]): string[] => ['客户号,数据日期,产品类型,时点余额', ...lines.map((l) => l.replace(',', `,${day},活期,`))];

export async function buildReportsBook(app: App, dir: string): Promise<ReportsBook> {
  const load = (kind: string, lines: string[], asOf?: string): Promise<void> => loadLines(app, dir, kind, lines, asOf);
  await load('org_units', [
    '机构号,机构名称,机构层级,上级机构号,负责人',
    'B,南京分行,二级分行,,',
    'S1,城东支行,支行,B,',
    'S2,城西支行,支行,B,',
    'O1,一号网点,网点,S1,周主任',
    'O2,二号网点,网点,S1,',
    'O3,三号网点,网点,S2,',
  ]);
  await load('managers', [
    '员工号,姓名,所属网点,岗位等级,专兼职,状态,生效日期',
    'M1,王一,O1,客户经理,专职,在岗,2025-01-01',
    'M2,李二,O1,客户经理,专职,在岗,2025-01-01',
    'M3,张三,O2,客户经理,专职,在岗,2025-01-01',
    'M4,赵四,O3,客户经理,专职,在岗,2025-01-01',
  ]);
  await load('clients', [
    '客户号,客户名称,证件类型,证件号码,手机号,开户日期,所属网点,客户经理号,管户日期',
    `A,客户甲,身份证,${IDS.A},13800000001,20200101,O1,M1,20250101`,
    `B,=1+2,身份证,${IDS.B},13800000002,20200101,O1,M1,20250101`,
    `C,客户丙,身份证,${IDS.C},13800000003,20200101,O1,M2,20250101`,
    `D,客户丁,身份证,${IDS.D},13800000004,20261012,O2,M3,20261012`,
    `E,客户戊,身份证,${IDS.E},13800000005,20200101,O2,M3,20250101`,
    `F,客户己,身份证,${IDS.F},13800000006,20200101,O3,M4,20250101`,
    `G,客户庚,身份证,${IDS.G},13800000007,20260915,O3,M4,20260915`,
  ]);
  await load('balances', balances('2026-09-30', ['A,100000.00', 'B,200000.00', 'C,800000.00', 'E,40000.00', 'F,3000000.00', 'G,10000.00']), '2026-09-30');
  // G's October daily average (60,000) reaches 金卡 when tiers go by daily averages; nobody else has one.
  await load(
    'balances',
    ['客户号,数据日期,产品类型,时点余额,月日均余额', ...['A,600000.00,', 'C,300000.00,', 'D,60000.00,', 'E,45000.00,', 'F,7000000.00,', 'G,10000.00,60000.00'].map((l) => l.replace(',', ',2026-10-31,活期,'))],
    '2026-10-31',
  );
  await load('targets', [
    '年度,机构号,指标代码,单位,年度目标,一季度,二季度,三季度,四季度',
    '2026,O1,DEP_NET,万元,80,20,20,20,20',
    '2026,O2,DEP_NET,万元,52,13,13,13,13',
    '2026,O3,DEP_NET,万元,2000,500,500,500,500',
  ]);
  const store = app.services.store;
  recomputeScores(store, { clock: fixedClock(REPORTS_NOW), userName: 'u', signal: { aborted: false } });
  const ids: Record<string, number> = {};
  for (const r of store.db.prepare('SELECT client_no AS k, id FROM client UNION ALL SELECT staff_no, id FROM manager').all() as Array<{ k: string; id: number }>) ids[r.k] = r.id;
  const unit = (code: string): number => store.db.prepare('SELECT id FROM org_unit WHERE code = ?').pluck().get(code) as number;
  const units = { B: unit('B'), S1: unit('S1'), S2: unit('S2'), O1: unit('O1'), O2: unit('O2'), O3: unit('O3') };
  const id = (k: string): number => ids[k] ?? 0;
  const invoke = async (name: string, input: unknown): Promise<void> => {
    expectOk(await app.dispatcher.call(name, input, { session: adminSession }));
  };
  await invoke('assignment.assign', { clientIds: [id('A')], managerId: id('M2'), from: '2026-10-16' });
  await invoke('assignment.setTeam', { clientId: id('C'), from: '2026-10-05', primaryId: id('M2'), secondaries: [{ managerId: id('M3'), shareBp: 3000 }] });
  await invoke('assignment.assign', { clientIds: [id('E')], managerId: null, from: '2026-10-20' });
  for (const [client, manager, at] of [
    ['A', 'M1', '2026-09-20T10:00:00'],
    ['D', 'M3', '2026-10-15T10:00:00'],
    ['F', 'M4', '2026-09-25T10:00:00'],
    ['F', 'M4', '2026-10-20T10:00:00'],
  ] as const) {
    await invoke('contacts.add', { clientId: id(client), managerId: id(manager), contactAt: at, channel: 'phone', purpose: '回访' });
  }
  return { ids, units };
}

export function supervisorOf(unitId: number, name = 'zg'): Session {
  return { userName: name, role: 'supervisor', orgUnitIds: [unitId], managerId: null, locale: 'zh-CN', authenticated: true };
}
