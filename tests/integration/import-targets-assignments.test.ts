import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors.js';
import type { ImportBatchInfo, ImportPlan } from '../../shared/api/ops/import.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/** Small hand-written extracts: a branch with two outlets, three managers, four clients. */
const files = makeTempDir('targets-assignments');
afterAll(() => files.cleanup());
let seq = 0;
function csv(name: string, lines: string[]): string {
  const file = path.join(files.dir, `${++seq}-${name}`);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

let t: ReturnType<typeof makeTestApp>;
const rows = (sql: string): unknown[] => t.app.services.store.db.prepare(sql).all();
const batchOf = (r: ApiResult<ImportBatchInfo | ImportPlan>): ImportBatchInfo => expectOk(r) as ImportBatchInfo;

beforeEach(async () => {
  t = makeTestApp('targets-assignments');
  for (const [kind, lines] of [
    ['org_units', ['机构号,机构名称,机构层级,上级机构号', '3201,南京分行,二级分行,', '320101,鼓楼支行营业部,网点,3201', '320102,玄武网点,网点,3201']],
    ['managers', ['员工号,姓名,所属网点,岗位等级,专兼职,生效日期', 'M1,王一,320101,客户经理,专职,2024-01-01', 'M2,李二,320101,客户经理,专职,2024-01-01', 'M3,张三,320102,高级客户经理,专职,2024-01-01']],
    [
      'clients',
      [
        '客户号,客户名称,开户日期,所属网点,客户经理号,管户日期',
        'C1,赵甲,20250301,320101,M2,20260701',
        'C2,钱乙,20250501,320101,M1,20250501',
        'C3,孙丙,20250601,320102,M1,20250601',
        'C4,李丁,20250701,320102,,',
      ],
    ],
  ] as const) {
    expect(batchOf(await importFile(t.app, csv(`${kind}.csv`, [...lines]), kind, { options: { asOf: '2026-10-31' } })).rejected).toBe(0);
  }
});
afterEach(() => t.cleanup());

const spans = (clientNo: string): unknown[] =>
  rows(`SELECT m.staff_no AS manager, a.valid_from AS "from", a.valid_to AS "to" FROM assignment a JOIN client c ON c.id = a.client_id
        JOIN manager m ON m.id = a.manager_id WHERE c.client_no = '${clientNo}' AND a.role = 'primary' ORDER BY a.valid_from`);

describe('管户变更 (assignment changes) import', () => {
  const HEADER = '客户号,原客户经理号,新客户经理号,变更日期,变更原因';

  it('rebuilds the previous manager before a handover and splits a span that runs through one; a rollback undoes both', async () => {
    expect(spans('C1')).toEqual([{ manager: 'M2', from: '2026-07-01', to: null }]);
    const file = csv('changes.csv', [HEADER, 'C1,M1,M2,2026-07-01,调动', 'C2,M1,M3,2026-08-01,调动']);
    const plan = expectOk(await importFile(t.app, file, 'assignments', { commit: false })) as ImportPlan;
    expect(plan).toMatchObject({ inserted: 0, updated: 2, rejected: 0 });
    const batch = batchOf(await importFile(t.app, file, 'assignments'));
    expect(batch).toMatchObject({ kind: 'assignments', updated: 2, rejected: 0 });
    // C1 had only its current manager: M1 is credited from the open date up to the handover.
    expect(spans('C1')).toEqual([
      { manager: 'M1', from: '2025-03-01', to: '2026-07-01' },
      { manager: 'M2', from: '2026-07-01', to: null },
    ]);
    // C2's span with M1 ran through the day: it ends there and M3's begins.
    expect(spans('C2')).toEqual([
      { manager: 'M1', from: '2025-05-01', to: '2026-08-01' },
      { manager: 'M3', from: '2026-08-01', to: null },
    ]);

    // The same handovers in another file: nothing to change.
    const again = batchOf(await importFile(t.app, csv('changes-again.csv', [HEADER, 'C2,M1,M3,2026-08-01,调整', 'C1,M1,M2,2026-07-01,调整']), 'assignments'));
    expect(again).toMatchObject({ unchanged: 2, updated: 0, inserted: 0 });

    expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: batch.id }, { session: adminSession }));
    expect(spans('C1')).toEqual([{ manager: 'M2', from: '2026-07-01', to: null }]);
    expect(spans('C2')).toEqual([{ manager: 'M1', from: '2025-05-01', to: null }]);
  });

  it('takes the previous manager’s start date from 原管户起始日期 when given', async () => {
    const file = csv('changes-since.csv', ['客户号,原客户经理号,新客户经理号,变更日期,原管户起始日期', 'C1,M3,M2,2026-07-01,2026-01-15']);
    expect(batchOf(await importFile(t.app, file, 'assignments')).updated).toBe(1);
    expect(spans('C1')).toEqual([
      { manager: 'M3', from: '2026-01-15', to: '2026-07-01' },
      { manager: 'M2', from: '2026-07-01', to: null },
    ]);
  });

  it('refuses rows that contradict the stored history or name unknown people, naming row, column and manager', async () => {
    const file = csv('changes-bad.csv', [HEADER, 'C3,M2,M3,2026-08-01,', 'C9,M1,M2,2026-08-01,', 'C2,M1,M7,2026-08-01,', 'C4,M1,M1,2026-08-01,']);
    const r = await importFile(t.app, file, 'assignments');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const problems = (r.error.details?.problems ?? []).map((p) => [p.row, p.column, p.message]);
    expect(problems).toEqual([
      [2, '原客户经理号', expect.stringContaining('manager M1')],
      [3, '客户号', expect.stringContaining('C9')],
      [4, '新客户经理号', expect.stringContaining('M7')],
      [5, '新客户经理号', 'The previous and new managers are the same'],
    ]);
    expect(rows("SELECT count(*) n FROM import_batch WHERE kind = 'assignments'")).toEqual([{ n: 0 }]);
    expect(spans('C3')).toEqual([{ manager: 'M1', from: '2025-06-01', to: null }]);
  });
});

describe('任务指标 (head-office targets) import', () => {
  const HEADER = '年度,机构号,指标代码,指标名称,单位,年度目标,一季度,二季度,三季度,四季度';
  const figures = (): unknown[] =>
    rows(`SELECT p.version, p.status, i.code, o.code AS org, y.period, y.value FROM target y JOIN target_plan p ON p.id = y.plan_id
          JOIN indicator i ON i.id = p.indicator_id JOIN org_unit o ON o.id = y.org_unit_id ORDER BY p.version, i.code, o.code, y.period`);

  it('stores 万元 figures exactly in fen and counts in units, as version 1 of the head-office plan', async () => {
    const file = csv('targets.csv', [HEADER, '2026,320101,DEP_NET,存款净增,万元,"1,200.5",480.2,300,240,180.3', '2026,320102,,新增有效客户,户,120,,,,']);
    const batch = batchOf(await importFile(t.app, file, 'targets'));
    expect(batch).toMatchObject({ kind: 'targets', inserted: 2, rejected: 0 });
    expect(figures()).toEqual([
      { version: 1, status: 'published', code: 'DEP_NET', org: '320101', period: '2026', value: 1_200_500_000 },
      { version: 1, status: 'published', code: 'DEP_NET', org: '320101', period: '2026Q1', value: 480_200_000 },
      { version: 1, status: 'published', code: 'DEP_NET', org: '320101', period: '2026Q2', value: 300_000_000 },
      { version: 1, status: 'published', code: 'DEP_NET', org: '320101', period: '2026Q3', value: 240_000_000 },
      { version: 1, status: 'published', code: 'DEP_NET', org: '320101', period: '2026Q4', value: 180_300_000 },
      { version: 1, status: 'published', code: 'NEW_CLIENT', org: '320102', period: '2026', value: 120 },
    ]);
  });

  it('makes a corrected file a new version that keeps the outlets it does not restate; a rollback restores version 1', async () => {
    const v1 = batchOf(await importFile(t.app, csv('t1.csv', [HEADER, '2026,320101,NEW_CLIENT,,户,100,,,,', '2026,320102,NEW_CLIENT,,户,120,,,,']), 'targets'));
    const same = batchOf(await importFile(t.app, csv('t1-same.csv', [HEADER, '2026,320102,NEW_CLIENT,,户,120,,,,']), 'targets'));
    expect(same).toMatchObject({ unchanged: 1, inserted: 0, updated: 0 });
    expect(rows('SELECT count(*) n FROM target_plan')).toEqual([{ n: 1 }]);

    const v2 = batchOf(await importFile(t.app, csv('t2.csv', [HEADER, '2026,320102,NEW_CLIENT,,户,150,,,,']), 'targets'));
    expect(v2).toMatchObject({ updated: 1 });
    expect(figures()).toEqual([
      { version: 1, status: 'superseded', code: 'NEW_CLIENT', org: '320101', period: '2026', value: 100 },
      { version: 1, status: 'superseded', code: 'NEW_CLIENT', org: '320102', period: '2026', value: 120 },
      { version: 2, status: 'published', code: 'NEW_CLIENT', org: '320101', period: '2026', value: 100 },
      { version: 2, status: 'published', code: 'NEW_CLIENT', org: '320102', period: '2026', value: 150 },
    ]);
    expectOk(await t.app.dispatcher.invoke('import.rollback', { batchId: v2.id }, { session: adminSession }));
    expect(figures()).toEqual([
      { version: 1, status: 'published', code: 'NEW_CLIENT', org: '320101', period: '2026', value: 100 },
      { version: 1, status: 'published', code: 'NEW_CLIENT', org: '320102', period: '2026', value: 120 },
    ]);
    expect(v1.status).toBe('committed');
  });

  it('refuses quarters that do not add up, fractional counts, unknown indicators and money in a non-money unit', async () => {
    const file = csv('targets-bad.csv', [
      HEADER,
      '2026,320101,DEP_NET,,万元,1000,400,300,200,99',
      '2026,320101,NEW_CLIENT,,户,12.5,,,,',
      '2026,320101,XYZ,,万元,10,,,,',
      '2026,320102,DEP_NET,,户,10,,,,',
      '2026,320102,LOAN_NEW,,万元,10,5,5,,',
    ]);
    const r = await importFile(t.app, file, 'targets');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect((r.error.details?.problems ?? []).map((p) => [p.row, p.column])).toEqual([
      [2, '四季度'],
      [3, '年度目标'],
      [4, '指标代码'],
      [5, '单位'],
      [6, '三季度'],
    ]);
    expect(rows('SELECT count(*) n FROM target_plan')).toEqual([{ n: 0 }]);
  });
});
