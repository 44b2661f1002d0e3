import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import { saveScheme } from '../../electron/evaluation/schemes.js';
import { recomputeScores } from '../../electron/book/recompute.js';
import { fixedClock } from '../../electron/platform/clock.js';
import type { App } from '../../electron/app.js';
import { adminSession, expectOk, importFile } from './import.js';

/**
 * A small evaluated branch, figures computed by hand (tests/integration/evaluation-run.test.ts states them):
 * O1 with 王一 (M1) and 李二 (M2); A moves M1 → M2 on 16 Oct, B is M1 70% + M2 30%, C is M2's; balances at
 * 30 Sep and 31 Oct; scheme CM-M (monthly): 存款净增 weight 60 against a fixed 200,000 元, 客户服务 40 entered.
 */
export const EVAL_NOW = '2026-11-22T09:00:00.000Z';

export const EVAL_SCHEME = schemeSchema.parse({
  code: 'CM-M',
  name: '客户经理月度考核',
  periodType: 'month',
  items: [
    { key: 'dep', name: '存款净增', weight: 60, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '20000000' },
    { key: 'service', name: '客户服务', weight: 40, source: { kind: 'qualitative', rubric: [] }, method: { type: 'entered' } },
  ],
  gradeRules: [{ grade: 'standard', maintainAt: 60, promoteAt: 90 }],
});

export const evalBalances = (month: string, lines: string[]): string[] => ['客户号,数据日期,产品类型,时点余额', ...lines.map((l) => l.replace(',', `,${month},活期,`))];

export async function loadLines(app: App, dir: string, kind: string, lines: string[], asOf = '2026-10-31'): Promise<void> {
  const file = path.join(dir, `${kind}-${Math.random()}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  expect(expectOk(await importFile(app, file, kind as 'clients', { options: { asOf } }))).toMatchObject({ rejected: 0 });
}

/** Builds the branch in `app`'s store and returns the ids by client and staff number. */
export async function buildEvaluationStore(app: App, dir: string): Promise<Record<string, number>> {
  await loadLines(app, dir, 'org_units', ['机构号,机构名称,机构层级,上级机构号,负责人', 'B,南京分行,二级分行,,', 'O1,一号网点,网点,B,周主任']);
  await loadLines(app, dir, 'managers', ['员工号,姓名,所属网点,岗位等级,专兼职,状态,生效日期', 'M1,王一,O1,客户经理,专职,在岗,2025-01-01', 'M2,李二,O1,客户经理,专职,在岗,2025-01-01']);
  await loadLines(app, dir, 'clients', ['客户号,客户名称,开户日期,所属网点,客户经理号,管户日期', 'A,客户A,20200101,O1,M1,20250101', 'B,客户B,20200101,O1,M1,20250101', 'C,客户C,20200101,O1,M2,20250101']);
  await loadLines(app, dir, 'balances', evalBalances('2026-09-30', ['A,100000.00', 'B,100000.00', 'C,150000.00']), '2026-09-30');
  await loadLines(app, dir, 'balances', evalBalances('2026-10-31', ['A,400000.00', 'B,200000.00', 'C,100000.00']));
  const store = app.services.store;
  recomputeScores(store, { clock: fixedClock(EVAL_NOW), userName: 'u', signal: { aborted: false } });
  const ids: Record<string, number> = {};
  for (const r of store.db.prepare('SELECT client_no AS k, id FROM client UNION ALL SELECT staff_no, id FROM manager').all() as Array<{ k: string; id: number }>) ids[r.k] = r.id;
  expectOk(await app.dispatcher.invoke('assignment.assign', { clientIds: [ids['A'] ?? 0], managerId: ids['M2'] ?? 0, from: '2026-10-16' }, { session: adminSession }));
  expectOk(
    await app.dispatcher.invoke('assignment.setTeam', { clientId: ids['B'] ?? 0, from: '2026-01-01', primaryId: ids['M1'] ?? 0, secondaries: [{ managerId: ids['M2'] ?? 0, shareBp: 3000 }] }, { session: adminSession }),
  );
  saveScheme(store, EVAL_SCHEME, '2026-01-01', 'sup', EVAL_NOW);
  return ids;
}
