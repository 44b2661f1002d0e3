import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import type { ImportBatchInfo } from '../../shared/api/ops/import.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { adminSession, expectOk, importFile } from './import.js';

/**
 * A small book for the work-log boundary tests, loaded through the real import pipeline and scored by the real
 * recompute. Tiers come from one balance snapshot on 2026-10-31:
 *
 *   P  私行 (600万+)   M1 since 2025-01-01        Q  白金 (50万+)   M1
 *   N  私行, never contacted, M1                    S  普通, M1 (under no plan)
 *   G  金卡 (5万+)     M2                           H  钻石 (200万+) M1, handed over to M2 on 2026-11-01
 *   X  私行            M3 at the other outlet
 *
 * Outlets 320101 (M1, M2) and 320102 (M3) under the 3201 branch. Contacts are added by the tests themselves.
 */
export interface WorklogBook {
  managers: { M1: number; M2: number; M3: number };
  clients: Record<'P' | 'Q' | 'N' | 'S' | 'G' | 'H' | 'X', number>;
  units: { branch: number; gulou: number; xinjiekou: number };
}

export function sessionFor(role: 'manager' | 'supervisor', opts: { managerId?: number; orgUnitId?: number }): Session {
  return {
    userName: role === 'manager' ? `jl${opts.managerId ?? 0}` : `zg${opts.orgUnitId ?? 0}`,
    role,
    orgUnitIds: role === 'supervisor' && opts.orgUnitId !== undefined ? [opts.orgUnitId] : null,
    managerId: opts.managerId ?? null,
    locale: 'en',
    authenticated: true,
  };
}

export async function buildWorklogBook(app: App, dir: string): Promise<WorklogBook> {
  let n = 0;
  const load = async (kind: ImportKind, lines: string[]): Promise<void> => {
    const file = path.join(dir, `${++n}-${kind}.csv`);
    fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
    const batch = expectOk(await importFile(app, file, kind)) as ImportBatchInfo;
    if (batch.rejected !== 0) throw new Error(`${kind}: ${batch.rejected} rows rejected`);
  };
  await load('org_units', ['机构号,机构名称,机构层级,上级机构号', '3201,南京分行,二级分行,', '320101,鼓楼网点,网点,3201', '320102,新街口网点,网点,3201']);
  await load('managers', [
    '员工号,姓名,所属网点,岗位等级,专兼职,生效日期',
    'M1,王一,320101,客户经理,专职,2024-01-01',
    'M2,李二,320101,客户经理,专职,2024-01-01',
    'M3,张三,320102,客户经理,专职,2024-01-01',
  ]);
  await load('clients', [
    '客户号,客户名称,开户日期,所属网点,客户经理号,管户日期',
    'P,赵私,20150101,320101,M1,20250101',
    'Q,钱白,20150101,320101,M1,20250101',
    'N,孙新,20150101,320101,M1,20250101',
    'S,李普,20150101,320101,M1,20250101',
    'G,周金,20150101,320101,M2,20250101',
    'H,吴钻,20150101,320101,M1,20250101',
    'X,郑外,20150101,320102,M3,20250101',
  ]);
  await load('balances', [
    '客户号,数据日期,产品类型,时点余额',
    'P,2026-10-31,活期,7000000.00',
    'Q,2026-10-31,活期,1000000.00',
    'N,2026-10-31,活期,7000000.00',
    'S,2026-10-31,活期,1000.00',
    'G,2026-10-31,活期,100000.00',
    'H,2026-10-31,活期,3000000.00',
    'X,2026-10-31,活期,7000000.00',
  ]);
  expectOk(await app.dispatcher.invoke('book.recompute', {}, { session: adminSession }));
  const db = app.services.store.db;
  const id = (table: string, key: string, value: string): number => db.prepare(`SELECT id FROM ${table} WHERE ${key} = ?`).pluck().get(value) as number;
  const managers = { M1: id('manager', 'staff_no', 'M1'), M2: id('manager', 'staff_no', 'M2'), M3: id('manager', 'staff_no', 'M3') };
  const clients = {
    P: id('client', 'client_no', 'P'),
    Q: id('client', 'client_no', 'Q'),
    N: id('client', 'client_no', 'N'),
    S: id('client', 'client_no', 'S'),
    G: id('client', 'client_no', 'G'),
    H: id('client', 'client_no', 'H'),
    X: id('client', 'client_no', 'X'),
  };
  expectOk(await app.dispatcher.invoke('assignment.assign', { clientIds: [clients.H], managerId: managers.M2, from: '2026-11-01', reason: '移交' }, { session: adminSession }));
  return { managers, clients, units: { branch: id('org_unit', 'code', '3201'), gulou: id('org_unit', 'code', '320101'), xinjiekou: id('org_unit', 'code', '320102') } };
}
