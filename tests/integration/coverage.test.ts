import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import type { CoverageReport, OutletCoverage } from '../../shared/assignment/coverage.js';
import { makeTestApp } from '../helpers/app.js';
import { adminSession, expectOk } from '../helpers/import.js';

/**
 * 管户覆盖 on the small demo (built through the import pipeline): every figure against an independent SQL count,
 * the 专职 rule and its threshold, over-capacity managers, unassigned VIP clients, scope, and the preview's warning.
 */
let ctx: { app: App; cleanup: () => void };
let asOf = '';
const db = () => ctx.app.services.store.db;
const invoke = <T>(name: string, input: unknown, session: Session = adminSession): Promise<T> =>
  ctx.app.dispatcher.call(name, input, { session }).then((r) => expectOk(r) as T);
const report = (input: Record<string, unknown> = {}, session: Session = adminSession): Promise<CoverageReport> => invoke<CoverageReport>('coverage.report', input, session);
const VIP = "('gold', 'platinum', 'diamond', 'private')";
/** Each client's primary manager on the day, and that manager's roster period in force (independent of the report's SQL). */
const PRIMARY = `SELECT client_id, manager_id FROM assignment WHERE role = 'primary' AND valid_from <= @d AND (valid_to IS NULL OR valid_to > @d)`;
const PERIOD = `SELECT manager_id, type, status, org_unit_id FROM manager_period WHERE valid_from <= @d AND (valid_to IS NULL OR valid_to > @d)`;

function outletOf(r: CoverageReport, id: number): OutletCoverage {
  const o = r.outlets.find((x) => x.orgUnitId === id);
  if (o === undefined) throw new Error(`outlet ${id} not in the report`);
  return o;
}

beforeAll(async () => {
  ctx = makeTestApp('bw-coverage-');
  expectOk(await ctx.app.dispatcher.invoke('demo.build', { clients: 3000, managers: 16 }, { session: adminSession }));
  asOf = db().prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get() as string;
}, 120_000);
afterAll(() => ctx.cleanup());

describe('the coverage report', () => {
  it('defaults to the latest snapshot date and agrees with independent SQL counts per outlet', async () => {
    const r = await report();
    expect(r.asOf).toBe(asOf);
    expect(r.policy).toEqual({ minVipForFullTime: 240 });
    expect(r.scoredAsOf).toBe(db().prepare('SELECT max(as_of) FROM client_score').pluck().get());
    const outlets = db().prepare("SELECT id FROM org_unit WHERE level = 'outlet' ORDER BY code").pluck().all() as number[];
    expect(r.outlets.map((o) => o.orgUnitId)).toEqual(outlets);
    const q = (sql: string, unit: number): number => db().prepare(sql).pluck().get({ d: asOf, unit }) as number;
    for (const o of r.outlets) {
      const vipOf = `FROM client c JOIN client_score s ON s.client_id = c.id WHERE c.org_unit_id = @unit AND s.tier IN ${VIP}`;
      expect(o.clients).toBe(q('SELECT count(*) FROM client WHERE org_unit_id = @unit', o.orgUnitId));
      expect(o.vipClients).toBe(q(`SELECT count(*) ${vipOf}`, o.orgUnitId));
      const fullTime = q(
        `SELECT count(*) ${vipOf} AND EXISTS (SELECT 1 FROM (${PRIMARY}) p JOIN (${PERIOD}) mp ON mp.manager_id = p.manager_id
           WHERE p.client_id = c.id AND mp.type = 'full_time' AND mp.status IN ('active', 'leave'))`,
        o.orgUnitId,
      );
      expect(o.vipFullTime).toBe(fullTime);
      expect(o.vipFullTimeBp).toBe(o.vipClients === 0 ? null : Math.round((fullTime * 10_000) / o.vipClients));
      expect(o.vipUnassigned).toBe(q(`SELECT count(*) ${vipOf} AND NOT EXISTS (SELECT 1 FROM (${PRIMARY}) p WHERE p.client_id = c.id)`, o.orgUnitId));
      expect(o.vipFullTime + o.vipPartTime + o.vipUnassigned + o.vipFormerManager).toBe(o.vipClients);
      expect(o.fullTimeManagers).toBe(q(`SELECT count(DISTINCT manager_id) FROM (${PERIOD}) WHERE org_unit_id = @unit AND type = 'full_time' AND status IN ('active', 'leave')`, o.orgUnitId));
    }
    expect(r.totals.vipClients).toBe(db().prepare(`SELECT count(*) FROM client_score WHERE tier IN ${VIP}`).pluck().get());
    expect(r.totals.vipUnassigned).toBeGreaterThan(0); // the demo leaves clients unassigned for the supervisor to find
    expect(r.outlets.find((o) => o.vipUnassigned > 0)?.findings.map((f) => f.kind)).toContain('unassigned_vip');
  });

  it('lists a manager over capacity with the load and the caps in force', async () => {
    const busiest = db()
      .prepare(`SELECT p.manager_id, count(*) AS n FROM (${PRIMARY}) p JOIN (${PERIOD}) mp ON mp.manager_id = p.manager_id WHERE mp.status = 'active' GROUP BY p.manager_id ORDER BY n DESC LIMIT 1`)
      .get({ d: asOf }) as { manager_id: number; n: number };
    const unit = db().prepare(`SELECT org_unit_id FROM (${PERIOD}) WHERE manager_id = @m`).pluck().get({ d: asOf, m: busiest.manager_id }) as number;
    expect(outletOf(await report(), unit).overCapacity.some((m) => m.managerId === busiest.manager_id)).toBe(false);
    await invoke('managers.changePeriod', { managerId: busiest.manager_id, from: asOf, maxClients: busiest.n - 5 });
    const o = outletOf(await report(), unit);
    expect(o.overCapacity.find((m) => m.managerId === busiest.manager_id)).toMatchObject({ clients: busiest.n, maxClients: busiest.n - 5 });
    expect(o.findings.find((f) => f.kind === 'over_capacity' && f.managerId === busiest.manager_id)?.clients).toBe(5);
    // The day before the change the old caps apply.
    const before = await report({ asOf: '2026-10-30' });
    expect(outletOf(before, unit).overCapacity.some((m) => m.managerId === busiest.manager_id && m.maxClients === busiest.n - 5)).toBe(false);
  });

  it('flags an outlet reaching the threshold with no 专职 manager; the threshold is a setting', async () => {
    const r = await report();
    const target = [...r.outlets].filter((o) => o.fullTimeManagers > 0).sort((a, b) => b.vipClients - a.vipClients)[0] as OutletCoverage;
    expect(target.vipClients).toBeGreaterThan(10);
    const fullTimers = db().prepare(`SELECT manager_id FROM (${PERIOD}) WHERE org_unit_id = @unit AND type = 'full_time' AND status IN ('active', 'leave')`).pluck().all({ d: asOf, unit: target.orgUnitId }) as number[];
    for (const id of fullTimers) await invoke('managers.changePeriod', { managerId: id, from: asOf, type: 'part_time' });

    // With the default 240 the small demo's outlets are below the threshold: no finding.
    const demoted = outletOf(await report(), target.orgUnitId);
    expect(demoted.fullTimeManagers).toBe(0);
    expect(demoted.vipFullTime).toBe(0);
    expect(demoted.findings.some((f) => f.kind === 'needs_full_time')).toBe(false);

    await invoke('coverage.setPolicy', { policy: { minVipForFullTime: target.vipClients } });
    expect(await invoke('coverage.policy', {})).toEqual({ policy: { minVipForFullTime: target.vipClients }, defaults: { minVipForFullTime: 240 } });
    const flagged = await report();
    const f = outletOf(flagged, target.orgUnitId).findings.find((x) => x.kind === 'needs_full_time');
    expect(f).toMatchObject({ severity: 'error', clients: target.vipClients });
    expect(f?.message.zh).toContain(target.name);
    expect(flagged.totals.outletsNeedingFullTime).toBe(flagged.outlets.filter((o) => o.fullTimeManagers === 0 && o.vipClients >= target.vipClients).length);
    const audit = db().prepare("SELECT outcome, entity FROM audit_log WHERE action = 'coverage.setPolicy' ORDER BY id DESC LIMIT 1").get();
    expect(audit).toEqual({ outcome: 'ok', entity: 'setting' });

    // The rule-engine preview carries the same warning for that outlet's pool.
    const preview = await invoke<{ warnings: Array<{ kind: string; poolId: number | null }> }>('assignment.preview', { rules: { asOf, select: { orgUnitIds: [target.orgUnitId] } } });
    expect(preview.warnings.filter((w) => w.kind === 'needs_full_time').map((w) => w.poolId)).toEqual([target.orgUnitId]);

    // One more VIP client than the outlet has: the finding goes away.
    await invoke('coverage.setPolicy', { policy: { minVipForFullTime: target.vipClients + 1, minCoveragePct: 90 } });
    const raised = await report();
    expect(outletOf(raised, target.orgUnitId).findings.some((x) => x.kind === 'needs_full_time')).toBe(false);
    expect(raised.policy).toEqual({ minVipForFullTime: target.vipClients + 1, minCoveragePct: 90 });
    await invoke('coverage.setPolicy', { policy: { minVipForFullTime: 240 } });
  });
});

describe('who may read it', () => {
  it('narrows a supervisor to their units and refuses units outside them; client managers are refused', async () => {
    const sub = db().prepare("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1").pluck().get() as number;
    const below = db().prepare("SELECT id FROM org_unit WHERE parent_id = ? AND level = 'outlet' ORDER BY code").pluck().all(sub) as number[];
    const supervisor: Session = { userName: 'zhuguan', role: 'supervisor', orgUnitIds: [sub], managerId: null, locale: 'zh-CN', authenticated: true };
    const mine = await report({}, supervisor);
    expect(mine.outlets.map((o) => o.orgUnitId)).toEqual(below);
    expect(below.length).toBeGreaterThan(0);
    const all = await report();
    expect(mine.totals.vipClients).toBe(all.outlets.filter((o) => below.includes(o.orgUnitId)).reduce((s, o) => s + o.vipClients, 0));
    const one = await report({ orgUnitIds: [below[0] as number] }, supervisor);
    expect(one.outlets.map((o) => o.orgUnitId)).toEqual([below[0]]);
    const outside = all.outlets.find((o) => !below.includes(o.orgUnitId))?.orgUnitId as number;
    expect(await ctx.app.dispatcher.call('coverage.report', { orgUnitIds: [outside] }, { session: supervisor })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ctx.app.dispatcher.call('coverage.setPolicy', { policy: { minVipForFullTime: 1 } }, { session: supervisor })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const manager: Session = { ...supervisor, userName: 'jingli', role: 'manager', orgUnitIds: null, managerId: 1 };
    expect(await ctx.app.dispatcher.call('coverage.report', {}, { session: manager })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
