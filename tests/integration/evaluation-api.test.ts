import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/types.js';
import { makeTestApp } from '../helpers/app.js';
import { EVAL_SCHEME, buildEvaluationStore } from '../helpers/evaluation-store.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/** The evaluation operations through the dispatcher, with each role's scope. */
const files = makeTempDir('evaluation-api');
afterAll(() => files.cleanup());
let t: ReturnType<typeof makeTestApp>;
let ids: Record<string, number> = {};
let supervisor: Session;
let outsider: Session;

beforeEach(async () => {
  t = makeTestApp('evaluation-api');
  ids = await buildEvaluationStore(t.app, files.dir);
  const db = t.app.services.store.db;
  const branch = db.prepare("SELECT id FROM org_unit WHERE code = 'B'").pluck().get() as number;
  db.prepare("INSERT INTO org_unit (code, name, level, parent_id) VALUES ('O9', '九号网点', 'outlet', ?)").run(branch);
  const o9 = db.prepare("SELECT id FROM org_unit WHERE code = 'O9'").pluck().get() as number;
  supervisor = { ...adminSession, role: 'supervisor', orgUnitIds: [branch], userName: 'sup' };
  outsider = { ...adminSession, role: 'supervisor', orgUnitIds: [o9], userName: 'sup9' };
});
afterEach(() => t.cleanup());

const call = (op: string, input: object, session: Session) => t.app.dispatcher.invoke(op as 'evaluation.run', input, { session });
const manager = (staff: string): Session => ({ ...adminSession, role: 'manager', orgUnitIds: null, managerId: ids[staff] ?? 0, userName: staff.toLowerCase() });

describe('indicators are configurable', () => {
  it('an administrator adds an indicator with a source and changes a built-in one; measure changes are refused once planned', async () => {
    const added = expectOk(
      await t.app.dispatcher.invoke(
        'targets.saveIndicator',
        { code: 'FX_SALES', name: '外汇理财销售', measure: 'amount', unit: '万元', direction: 'up', flow: true, source: { type: 'holding_amount', products: ['wealth'] } },
        { session: adminSession },
      ),
    );
    expect(added).toMatchObject({ code: 'FX_SALES', hasSource: true, flow: true });
    expect(expectOk(await t.app.dispatcher.invoke('targets.indicators', {}, { session: supervisor })).map((i) => i.code)).toContain('FX_SALES');
    // A scheme can now score it.
    const scheme = { ...EVAL_SCHEME, items: [...EVAL_SCHEME.items.map((i) => (i.key === 'dep' ? { ...i, weight: 50 } : i)), { key: 'fx', name: '外汇理财', weight: 10, source: { kind: 'indicator', indicator: 'FX_SALES' }, method: { type: 'ratio' }, fixedTarget: '100' }] };
    expect(expectOk(await t.app.dispatcher.invoke('evaluation.checkScheme', { scheme, period: '2026-10' }, { session: supervisor })).problems).toEqual([]);
    expect(await call('targets.saveIndicator', { code: 'DEP_NET', name: '存款净增', measure: 'count', unit: '户', direction: 'up', flow: true, source: null }, adminSession)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('targets.saveIndicator', { code: 'X2', name: '存款净增', measure: 'count', unit: '户', direction: 'up', flow: true, source: null }, adminSession)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('targets.saveIndicator', { code: 'X3', name: '新指标', measure: 'count', unit: '户', direction: 'up', flow: true, source: null }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('evaluation operations', () => {
  it('checks a scheme (problems listed, preview on a period) and refuses to save a broken one', async () => {
    const broken = { ...EVAL_SCHEME, items: EVAL_SCHEME.items.map((i) => (i.key === 'dep' ? { ...i, weight: 55 } : i)) };
    const check = expectOk(await t.app.dispatcher.invoke('evaluation.checkScheme', { scheme: broken, period: '2026-10' }, { session: supervisor }));
    expect(check.preview).toBeNull();
    expect(check.problems.map((p) => p.message.zh)).toEqual(['各项权重合计应为 100，现为 95']);
    expect(await call('evaluation.saveScheme', { scheme: broken, validFrom: '2026-11-01' }, supervisor)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Without the fixed target and with no published plan, both managers lack a target for October.
    const untargeted = { ...EVAL_SCHEME, items: EVAL_SCHEME.items.map((i) => (i.key === 'dep' ? { ...i, fixedTarget: undefined } : i)) };
    const missing = expectOk(await t.app.dispatcher.invoke('evaluation.checkScheme', { scheme: untargeted, period: '2026-10' }, { session: supervisor }));
    expect(missing.problems.map((p) => [p.item, p.message.zh])).toEqual([['dep', '「存款净增」在 2026-10 有 2 名客户经理没有目标值（请发布分解计划或设置固定目标）']]);
    const good = expectOk(await t.app.dispatcher.invoke('evaluation.checkScheme', { scheme: EVAL_SCHEME, period: '2026-10' }, { session: supervisor }));
    expect(good.problems).toEqual([]);
    expect(good.preview?.map((c) => [c.manager.staffNo, c.items[0]?.points])).toEqual([
      ['M1', '6455'],
      ['M2', '4045'],
    ]);
  });

  it('a supervisor computes and enters scores; each manager sees and acknowledges only their own card; an outsider is refused', async () => {
    const run = expectOk(await t.app.dispatcher.invoke('evaluation.compute', { schemeCode: 'CM-M', period: '2026-10' }, { session: supervisor }));
    expect(run).toMatchObject({ status: 'draft', managers: 2, complete: 0, schemeVersion: 1 });
    for (const [staff, value] of [['M1', 35], ['M2', 38.5]] as const) {
      expectOk(await t.app.dispatcher.invoke('evaluation.setEntry', { runId: run.id, managerId: ids[staff] ?? 0, itemKey: 'service', value, comment: '认真负责' }, { session: supervisor }));
    }
    expect(expectOk(await t.app.dispatcher.invoke('evaluation.compute', { schemeCode: 'CM-M', period: '2026-10' }, { session: supervisor }))).toMatchObject({ id: run.id, complete: 2 });
    expect(await call('evaluation.run', { runId: run.id }, outsider)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('evaluation.setEntry', { runId: run.id, managerId: ids['M1'], itemKey: 'service', value: 1 }, manager('M1'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await t.app.dispatcher.invoke('evaluation.review', { runId: run.id }, { session: supervisor }));
    const mine = expectOk(await t.app.dispatcher.invoke('evaluation.run', { runId: run.id }, { session: manager('M2') }));
    expect(mine.cards.map((c) => [c.manager.staffNo, c.total, c.rankBranch])).toEqual([['M2', '7895', 2]]);
    expect(mine.entries).toEqual([{ managerId: ids['M2'], itemKey: 'service', value: 38.5, comment: '认真负责' }]);
    expectOk(await t.app.dispatcher.invoke('evaluation.acknowledge', { runId: run.id, note: '无异议' }, { session: manager('M2') }));
    expect(await call('evaluation.acknowledge', { runId: run.id }, manager('M2'))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(expectOk(await t.app.dispatcher.invoke('evaluation.lock', { runId: run.id }, { session: supervisor }))).toEqual({ unacknowledged: 1 });
    const runs = expectOk(await t.app.dispatcher.invoke('evaluation.runs', {}, { session: manager('M1') }));
    expect(runs.map((r) => [r.id, r.status])).toEqual([[run.id, 'locked']]);
    expect(expectOk(await t.app.dispatcher.invoke('evaluation.runs', {}, { session: outsider }))).toEqual([]);
    // Reopening is audited with its reason.
    expectOk(await t.app.dispatcher.invoke('evaluation.reopen', { runId: run.id, reason: '更正服务评分' }, { session: supervisor }));
    const audit = t.app.services.store.db.prepare("SELECT after FROM audit_log WHERE action = 'evaluation.reopen'").pluck().get() as string;
    expect(audit).toContain('更正服务评分');
  });
});
