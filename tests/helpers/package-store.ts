import path from 'node:path';
import type { OpName, OpOutput } from '../../shared/api/index.js';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { WORKER_FILE } from './app.js';
import { adminSession, expectOk } from './import.js';
import { makeTempDir } from './temp.js';

/**
 * A demo-like workspace for the package and consolidation tests: the deterministic demo (1 二级分行, 3 支行,
 * 8 网点), a monthly scheme, and one October run per 支行 computed by that 支行's supervisor (so each run belongs to
 * its 支行: evaluation_run.org_unit_id), every manager scored. A manager and two clients get names that start a
 * formula, so exports have something to neutralise. The clock can be moved (a later package supersedes).
 */
export const FORMULA_MANAGER = '=1+2 测试';
export const FORMULA_CLIENTS = ['@SUM(A1)客户', '-2+3张三'];
export const PACKAGE_SCHEME = schemeSchema.parse({
  code: 'PKG-M',
  name: '客户经理月度考核',
  periodType: 'month',
  items: [
    { key: 'dep_net', name: '存款净增', weight: 50, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '50000000' },
    { key: 'dep_avg', name: '日均存款', weight: 30, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'ratio' }, fixedTarget: '800000000' },
    { key: 'service', name: '客户服务', weight: 20, source: { kind: 'qualitative', rubric: [] }, method: { type: 'entered' } },
    { key: 'complaints', name: '客户投诉', weight: 0, source: { kind: 'count', label: '次' }, method: { type: 'deduction', pointsEach: 2, maxPoints: 10 } },
  ],
  gradeRules: [
    { grade: 'trainee', maintainAt: 30, promoteAt: 60 },
    { grade: 'standard', maintainAt: 40, promoteAt: 80 },
    { grade: 'senior', maintainAt: 50, promoteAt: 90 },
  ],
});

export interface SubBranch {
  id: number;
  code: string;
  name: string;
  session: Session;
  runId: number;
}

export interface PackageWorld {
  app: App;
  dir: string;
  subs: SubBranch[];
  setNow(iso: string): void;
  invoke<K extends OpName>(op: K, input: unknown, session?: Session): Promise<OpOutput<K>>;
  cleanup(): void;
}

export async function buildPackageWorld(prefix: string, clients = 3000): Promise<PackageWorld> {
  const tmp = makeTempDir(prefix);
  let now = Date.parse('2026-11-22T09:00:00+08:00');
  const app = createApp({ storeFile: path.join(tmp.dir, 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock: { now: () => new Date(now) } });
  const invoke = async <K extends OpName>(op: K, input: unknown, session: Session = adminSession): Promise<OpOutput<K>> => expectOk(await app.dispatcher.invoke(op, input, { session }));
  const cleanup = (): void => {
    app.close();
    tmp.cleanup();
  };
  try {
    return { app, dir: tmp.dir, subs: await seed(app, clients, invoke), setNow: (iso) => void (now = Date.parse(iso)), invoke, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

async function seed(app: App, clients: number, invoke: PackageWorld['invoke']): Promise<SubBranch[]> {
  await invoke('demo.build', { clients, managers: 16 });
  const db = app.services.store.db;
  const units = db.prepare("SELECT id, code, name FROM org_unit WHERE level = 'sub' ORDER BY code").all() as Array<{ id: number; code: string; name: string }>;
  // The seeded names belong to the first 支行 (by code), whose package the tests read.
  const first = db
    .prepare(
      `SELECT p.manager_id FROM manager_period p JOIN org_unit o ON o.id = p.org_unit_id
       WHERE o.parent_id = ? AND p.valid_to IS NULL AND p.status = 'active' ORDER BY p.manager_id LIMIT 1`,
    )
    .pluck()
    .get(units[0]?.id) as number;
  db.prepare('UPDATE manager SET name = ? WHERE id = ?').run(FORMULA_MANAGER, first);
  const held = db.prepare("SELECT client_id FROM assignment WHERE manager_id = ? AND role = 'primary' AND valid_to IS NULL ORDER BY client_id LIMIT 2").pluck().all(first) as number[];
  held.forEach((id, i) => db.prepare('UPDATE client SET name = ? WHERE id = ?').run(FORMULA_CLIENTS[i], id));
  await invoke('evaluation.saveScheme', { scheme: PACKAGE_SCHEME, validFrom: '2026-01-01' });
  const subs: SubBranch[] = [];
  for (const [n, u] of units.entries()) {
    const session: Session = { ...adminSession, role: 'supervisor', orgUnitIds: [u.id], userName: `sup-${u.code}` };
    const run = await invoke('evaluation.compute', { schemeCode: 'PKG-M', period: '2026-10' }, session);
    const cards = (await invoke('evaluation.run', { runId: run.id }, session)).cards;
    // Varied 客户服务 scores and a complaint for every third manager.
    for (const [i, c] of cards.entries()) {
      await invoke('evaluation.setEntry', { runId: run.id, managerId: c.managerId, itemKey: 'service', value: [15, 18.5, 15, 12.25, 20][(i + n) % 5] }, session);
      if (i % 3 === 0) await invoke('evaluation.setEntry', { runId: run.id, managerId: c.managerId, itemKey: 'complaints', value: 1, comment: '一次投诉' }, session);
    }
    await invoke('evaluation.compute', { schemeCode: 'PKG-M', period: '2026-10' }, session);
    subs.push({ ...u, session, runId: run.id });
  }
  // For the consolidated ranking: a tie across two 支行 (a 客户服务 score that makes a manager of the second equal
  // a manager of the first) and, in the third, a manager not fully scored.
  const [s0, s1, s2] = subs;
  if (s0 === undefined || s1 === undefined || s2 === undefined) throw new Error('the demo has three 支行');
  const cardsOf = async (s: SubBranch) => (await invoke('evaluation.run', { runId: s.runId }, s.session)).cards;
  const ys = await cardsOf(s1);
  const pair = (await cardsOf(s0)).flatMap((x) => ys.map((y) => ({ y, need: BigInt(x.total ?? '-1') - BigInt(y.adjusted) - BigInt(y.deductions) }))).find((p) => p.need >= 0n && p.need <= 2000n);
  if (pair === undefined) throw new Error('no tie can be made');
  await invoke('evaluation.setEntry', { runId: s1.runId, managerId: pair.y.managerId, itemKey: 'service', value: Number(pair.need) / 100 }, s1.session);
  await invoke('evaluation.compute', { schemeCode: 'PKG-M', period: '2026-10' }, s1.session);
  const unscored = (await cardsOf(s2))[0];
  await invoke('evaluation.setEntry', { runId: s2.runId, managerId: unscored?.managerId, itemKey: 'service', value: null }, s2.session);
  await invoke('evaluation.compute', { schemeCode: 'PKG-M', period: '2026-10' }, s2.session);
  return subs;
}
