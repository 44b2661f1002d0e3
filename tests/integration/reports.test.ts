import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { readBookConfig, writeBookConfig } from '../../electron/book/config-store.js';
import { saveScheme } from '../../electron/evaluation/schemes.js';
import { buildReport } from '../../electron/reports/registry.js';
import type { ReportId, ReportParams, ReportTable } from '../../shared/reports/report.js';
import { makeTestApp } from '../helpers/app.js';
import { EVAL_SCHEME } from '../helpers/evaluation-store.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';
import type { ReportsBook } from './reports-fixture.js';
import { IDS, REPORTS_NOW, buildReportsBook, supervisorOf } from './reports-fixture.js';

/**
 * The six standard reports on a small branch (reports-fixture.ts), each figure worked out by hand in the comments or
 * read back with an independent SQL query; and who may report on what.
 */
const files = makeTempDir('reports');
let t: ReturnType<typeof makeTestApp>;
let app: App;
let book: ReportsBook;
const now = new Date(REPORTS_NOW);
const id = (k: string): number => book.ids[k] ?? 0;
const report = (rid: ReportId, params: ReportParams, session: Session = adminSession): ReportTable => buildReport(app.services.store, session, rid, params, now);
const cells = (r: ReportTable): Record<string, Record<string, unknown>> => Object.fromEntries(r.rows.map((row) => [row.key, row.cells]));
const YUAN = 100;

beforeAll(async () => {
  t = makeTestApp('reports');
  app = t.app;
  book = await buildReportsBook(app, files.dir);
}, 120_000);
afterAll(() => {
  t.cleanup();
  files.cleanup();
});

describe('client movement (客户变动), October', () => {
  it('counts new, lost, upgraded and downgraded clients and their assets per outlet, totals exact', () => {
    const r = report('clientMovement', { period: '2026-10' });
    // O1: A, B, C had assets on 30 Sep (100k + 200k + 800k); B lost (200k); A 金卡→白金 up; C 白金→金卡 down;
    //     A, C hold 600k + 300k on 31 Oct; net −200k.
    // O2: E had 40k; D opened 12 Oct with 60k (new); E stays 普通; 31 Oct: D + E = 105k; net +65k.
    // O3: F 3M → 7M (钻石→私行, up); G opened in September (not new in October), 10k both days; net +4M.
    expect(cells(r)).toEqual({
      O1: { code: 'O1', name: '一号网点', startClients: 3, startAum: 1_100_000 * YUAN, newClients: 0, newAum: 0, lostClients: 1, lostAum: 200_000 * YUAN, upgraded: 1, downgraded: 1, endClients: 2, endAum: 900_000 * YUAN, netAum: -200_000 * YUAN },
      O2: { code: 'O2', name: '二号网点', startClients: 1, startAum: 40_000 * YUAN, newClients: 1, newAum: 60_000 * YUAN, lostClients: 0, lostAum: 0, upgraded: 0, downgraded: 0, endClients: 2, endAum: 105_000 * YUAN, netAum: 65_000 * YUAN },
      O3: { code: 'O3', name: '三号网点', startClients: 2, startAum: 3_010_000 * YUAN, newClients: 0, newAum: 0, lostClients: 0, lostAum: 0, upgraded: 1, downgraded: 0, endClients: 2, endAum: 7_010_000 * YUAN, netAum: 4_000_000 * YUAN },
    });
    expect(r.totals).toEqual({
      code: '合计',
      name: null,
      startClients: 6,
      startAum: 4_150_000 * YUAN,
      newClients: 1,
      newAum: 60_000 * YUAN,
      lostClients: 1,
      lostAum: 200_000 * YUAN,
      upgraded: 2,
      downgraded: 1,
      endClients: 6,
      endAum: 8_015_000 * YUAN,
      netAum: 3_865_000 * YUAN,
    });
    expect(r.basis.zh).toContain('期初 2026-09-30');
    expect(r.scopeLabel).toBe('南京分行 · 2026-10');
    // The clients behind the counts, by outlet then kind; the administrator sees ID and phone masked.
    const detail = r.detail?.rows.map((row) => [row.key, row.cells['kind'], row.cells['tierStart'], row.cells['tierEnd'], row.cells['idNo'], row.cells['phone']]);
    expect(detail).toEqual([
      ['B', '流失', '金卡', '普通', `3201**********${IDS.B.slice(-4)}`, '138****0002'],
      ['A', '升级', '金卡', '白金', `3201**********${IDS.A.slice(-4)}`, '138****0001'],
      ['C', '降级', '白金', '金卡', `3201**********${IDS.C.slice(-4)}`, '138****0003'],
      ['D', '新增', '普通', '金卡', `3201**********${IDS.D.slice(-4)}`, '138****0004'],
      ['F', '升级', '钻石', '私行', `3201**********${IDS.F.slice(-4)}`, '138****0006'],
    ]);
    // A on 31 Oct is held by M2 (moved on 16 Oct).
    expect(r.detail?.rows.find((row) => row.key === 'A')?.cells['manager']).toBe('M2 李二');
  });

  it('with tiers on daily averages: G (average 60,000 in October) is upgraded; the point AUM stands in elsewhere', () => {
    const store = app.services.store;
    const config = readBookConfig(store);
    const before = report('clientMovement', { period: '2026-10' });
    writeBookConfig(store, { ...config, tiers: { ...config.tiers, basis: 'avg_aum' } });
    try {
      const r = report('clientMovement', { period: '2026-10' });
      expect(r.basis.zh).toContain('月日均');
      // Only O3 changes: G 普通 (10,000 point on 30 Sep, no average then) → 金卡 (average 60,000 on 31 Oct).
      expect(r.rows.filter((row) => row.key !== 'O3')).toEqual(before.rows.filter((row) => row.key !== 'O3'));
      expect(cells(r)['O3']).toEqual({ ...cells(before)['O3'], upgraded: 2 });
      expect(r.detail?.rows.map((row) => [row.key, row.cells['kind'], row.cells['tierStart'], row.cells['tierEnd']])).toContainEqual(['G', '升级', '普通', '金卡']);
      expect(r.detail?.rows).toHaveLength((before.detail?.rows.length ?? 0) + 1);
    } finally {
      writeBookConfig(store, config);
    }
  });

  it('shows a supervisor their own units only, with full ID numbers', () => {
    const r = report('clientMovement', { period: '2026-10' }, supervisorOf(book.units.S1));
    expect(r.rows.map((row) => row.key)).toEqual(['O1', 'O2']);
    expect(r.scopeLabel).toBe('城东支行 · 2026-10');
    expect(r.totals?.['netAum']).toBe(-135_000 * YUAN);
    expect(r.detail?.rows.find((row) => row.key === 'A')?.cells['idNo']).toBe(IDS.A);
  });
});

describe('assignment changes (管户变更), October', () => {
  it('counts primary moves effective in the period by kind and manager; a change of shares is no move', () => {
    const r = report('assignmentChanges', { period: '2026-10' });
    // A: M1 → M2 on 16 Oct (manual): M1 out 1, M2 in 1. C: team from 5 Oct closes and reopens M2's primary span —
    // same manager, no move. D: the import assigned it to M3 from 12 Oct (in, import). E: unassigned from 20 Oct
    // (M3 out, manual). M4: nothing.
    const zero = { inManual: 0, inRules: 0, inHandover: 0, inImport: 0, inTotal: 0, outTotal: 0, net: 0 };
    expect(cells(r)).toEqual({
      M1: { staffNo: 'M1', name: '王一', outlet: '一号网点', ...zero, outTotal: 1, net: -1 },
      M2: { staffNo: 'M2', name: '李二', outlet: '一号网点', ...zero, inManual: 1, inTotal: 1, net: 1 },
      M3: { staffNo: 'M3', name: '张三', outlet: '二号网点', ...zero, inImport: 1, inTotal: 1, outTotal: 1, net: 0 },
      M4: { staffNo: 'M4', name: '赵四', outlet: '三号网点', ...zero },
    });
    expect(r.totals).toEqual({ staffNo: '合计', name: null, outlet: null, inManual: 1, inRules: 0, inHandover: 0, inImport: 1, inTotal: 2, outTotal: 2, net: 0 });
    // September had none of these; the imported spans of 2025 are not in it either.
    expect(report('assignmentChanges', { period: '2026-09' }).totals?.['inTotal']).toBe(1); // G, assigned by the import from 15 Sep
  });

  it('agrees with an independent count of the assignment history', () => {
    // Spans of primary managers that start in October where the client's primary the day before was someone else
    // (or nobody), counted the simple way: one lookup per span.
    const db = app.services.store.db;
    const starts = db.prepare("SELECT client_id, manager_id, valid_from FROM assignment WHERE role = 'primary' AND valid_from BETWEEN '2026-10-01' AND '2026-10-31'").all() as Array<{
      client_id: number;
      manager_id: number;
      valid_from: string;
    }>;
    const before = db.prepare("SELECT manager_id FROM assignment WHERE role = 'primary' AND client_id = ? AND valid_from < ? AND valid_to = ?").pluck();
    const moves = starts.filter((s) => before.get(s.client_id, s.valid_from, s.valid_from) !== s.manager_id);
    expect(report('assignmentChanges', { period: '2026-10' }).totals?.['inTotal']).toBe(moves.length);
  });
});

describe('contact-plan coverage (联系计划覆盖率), October', () => {
  it('gives each manager the share of planned clients never overdue, and recomputes the total rate', () => {
    const r = report('contactCoverage', { period: '2026-10' });
    // Plans: 白金 and 钻石 every 90 days, 私行 30, 金卡 182 (scored as of 31 Oct). On 31 Oct:
    // M2 holds A (白金, contacted 20 Sep: within 90 days all month → covered) and C (金卡, never contacted → not);
    // M3 holds D (金卡; first contact 15 Oct, after the period began → not covered); M4 holds F (私行; 25 Sep and
    // 20 Oct, gaps ≤ 30 days → covered); M1 holds no planned client.
    expect(Object.fromEntries(r.rows.map((row) => [row.key, [row.cells['underPlan'], row.cells['covered'], row.cells['rate']]]))).toEqual({
      M1: [0, 0, null],
      M2: [2, 1, 5000],
      M3: [1, 0, 0],
      M4: [1, 1, 10000],
    });
    expect(r.totals).toMatchObject({ underPlan: 4, covered: 2, uncovered: 2, rate: 5000 });
  });
});

describe('target completion (任务完成情况), 2026Q4', () => {
  it('lists the unit, its outlets and managers with target, credited actual, completion and time elapsed', () => {
    const r = report('targetCompletion', { period: '2026Q4' });
    // 存款净增 over 30 Sep → 31 Oct, by the clients' outlet: O1 600k − 100k − 200k + 300k − 800k = −200,000 元;
    // O2 60k + 5k = 65,000; O3 4,000,000; 南京分行 3,865,000 元. Targets (Q4, 万元): 20, 13, 500, together 533.
    // Managers, credited by days held over the 31 days (fen):
    //   A +50,000,000: M1 15/31, M2 16/31. B −20,000,000: M1. C −50,000,000: M2 4 days at 100% and 27 at 70%,
    //   M3 27 at 30%. D +6,000,000 (opened 12 Oct, 20 days, all M3). E +500,000: M3 19/31 (then nobody).
    //   F +400,000,000: M4.
    //   M1 = 24,193,548.39 − 20,000,000 = 4,193,548; M2 = 25,806,451.61 − 36,935,483.87 = −11,129,032;
    //   M3 = −13,064,516.13 + 6,000,000 + 306,451.61 = −6,758,064.52 → −6,758,065; M4 = 400,000,000.
    // Time elapsed: 31 of Q4's 92 days = 33.70%.
    const rows = Object.fromEntries(r.rows.map((row) => [row.key, [row.cells['target'], row.cells['actual'], row.cells['completion']]]));
    expect(rows).toEqual({
      'DEP_NET:U:B': [533_000_000, 386_500_000, 7251],
      'DEP_NET:O:O1': [20_000_000, -20_000_000, -10000],
      'DEP_NET:M:M1': [null, 4_193_548, null],
      'DEP_NET:M:M2': [null, -11_129_032, null],
      'DEP_NET:O:O2': [13_000_000, 6_500_000, 5000],
      'DEP_NET:M:M3': [null, -6_758_065, null],
      'DEP_NET:O:O3': [500_000_000, 400_000_000, 8000],
      'DEP_NET:M:M4': [null, 400_000_000, null],
    });
    expect(new Set(r.rows.map((row) => row.cells['elapsed']))).toEqual(new Set([3370]));
    expect(r.totals).toBeNull();
  });

  it('ranks outlets by their completion when no evaluation exists, and says so', () => {
    const r = report('outletRanking', { period: '2026Q4' });
    expect(r.rows.map((row) => [row.key, row.cells['rank'], row.cells['completion']])).toEqual([
      ['O3', 1, 8000],
      ['O2', 2, 5000],
      ['O1', 3, -10000],
    ]);
    expect(r.basis.zh).toContain('无该期考核');
    // Managers have no targets of their own (head office sets outlets only): listed, unranked.
    const m = report('managerRanking', { period: '2026Q4' });
    expect(m.rows.map((row) => [row.key, row.cells['rank'], row.cells['completion']])).toEqual([
      ['M1', null, null],
      ['M2', null, null],
      ['M3', null, null],
      ['M4', null, null],
    ]);
  });
});

describe('rankings from an evaluation run', () => {
  it('ranks by the stored run of the period, naming it and its status; outlets by their mean total', async () => {
    const store = app.services.store;
    saveScheme(store, EVAL_SCHEME, '2026-01-01', 'sup', REPORTS_NOW);
    const run = expectOk(await app.dispatcher.invoke('evaluation.compute', { schemeCode: 'CM-M', period: '2026-10' }, { session: adminSession }));
    for (const [staff, points] of [['M1', 30], ['M2', 38.5], ['M3', 35], ['M4', 20]] as const) {
      expectOk(await app.dispatcher.invoke('evaluation.setEntry', { runId: run.id, managerId: id(staff), itemKey: 'service', value: points }, { session: adminSession }));
    }
    expectOk(await app.dispatcher.invoke('evaluation.compute', { schemeCode: 'CM-M', period: '2026-10' }, { session: adminSession }));
    const r = report('managerRanking', { period: '2026-10' });
    expect(r.basis.zh).toBe(`考核 #${run.id}（客户经理月度考核 CM-M 第 1 版，草稿）`);
    // Independent: the stored totals, highest first.
    const stored = store.db
      .prepare('SELECT m.staff_no AS k, e.total FROM evaluation_score e JOIN manager m ON m.id = e.manager_id WHERE e.run_id = ? ORDER BY e.total DESC, m.staff_no')
      .all(run.id) as Array<{ k: string; total: number }>;
    expect(r.rows.map((row) => [row.key, row.cells['total']])).toEqual(stored.map((s) => [s.k, s.total]));
    expect(r.rows.map((row) => row.cells['rank'])).toEqual([1, 2, 3, 4]);
    const sum = stored.reduce((a, s) => a + s.total, 0);
    expect(r.totals?.['total']).toBe(Math.round(sum / 4)); // whole hundredths; the sum of four is within 2^53
    const o = report('outletRanking', { period: '2026-10' });
    const mean = (ks: string[]): number => {
      const xs = stored.filter((s) => ks.includes(s.k)).map((s) => s.total);
      return Math.round(xs.reduce((a, x) => a + x, 0) / xs.length);
    };
    expect(Object.fromEntries(o.rows.map((row) => [row.key, row.cells['average']]))).toEqual({ O1: mean(['M1', 'M2']), O2: mean(['M3']), O3: mean(['M4']) });
  });

  it('a supervisor does not rank by the branch-wide run, only by one of their own units', async () => {
    const zg = supervisorOf(book.units.S1);
    expect(report('managerRanking', { period: '2026-10' }, zg).basis.zh).toContain('无该期考核');
    const own = expectOk(await app.dispatcher.invoke('evaluation.compute', { schemeCode: 'CM-M', period: '2026-10' }, { session: zg }));
    const r = report('managerRanking', { period: '2026-10' }, zg);
    expect(r.basis.zh).toContain(`考核 #${own.id}`);
    expect(r.rows.map((row) => row.key).sort()).toEqual(['M1', 'M2', 'M3']);
  });
});

describe('scope', () => {
  it('refuses a supervisor another sub-branch and its outlets, and client managers altogether', async () => {
    const zg = supervisorOf(book.units.S1);
    for (const rid of ['managerRanking', 'outletRanking', 'targetCompletion', 'clientMovement', 'assignmentChanges', 'contactCoverage'] as const) {
      for (const unit of [book.units.S2, book.units.O3, book.units.B]) {
        expect(await app.dispatcher.invoke('reports.view', { id: rid, period: '2026-10', orgUnitId: unit }, { session: zg }), `${rid} ${unit}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expectOk(await app.dispatcher.invoke('reports.view', { id: rid, period: '2026-10', orgUnitId: book.units.O1 }, { session: zg }));
    }
    const manager: Session = { userName: 'jl', role: 'manager', orgUnitIds: null, managerId: id('M1'), locale: 'zh-CN', authenticated: true };
    expect(await app.dispatcher.invoke('reports.view', { id: 'clientMovement', period: '2026-10' }, { session: manager })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(() => report('clientMovement', { period: '2026-10' }, manager)).toThrow(/Client managers/);
  });

  it('a report of one outlet covers that outlet only', () => {
    const r = report('contactCoverage', { period: '2026-10', orgUnitId: book.units.O1 });
    expect(r.rows.map((row) => row.key)).toEqual(['M1', 'M2']);
    expect(r.scopeLabel).toBe('一号网点 · 2026-10');
  });
});

describe('rankings by target completion once managers have targets (runs last: it publishes a decomposition)', () => {
  it('ranks managers by credited actual ÷ their own target from the published decomposition', async () => {
    const db = app.services.store.db;
    const depNet = db.prepare("SELECT id FROM indicator WHERE code = 'DEP_NET'").pluck().get() as number;
    const params = { year: 2026, indicatorId: depNet, orgUnitId: book.units.B, outletMethod: 'head_office', managerMethod: 'equal' } as const;
    const draft = expectOk(await app.dispatcher.invoke('targets.saveDecomposition', params, { session: adminSession }));
    expectOk(await app.dispatcher.invoke('targets.publish', { planId: draft.plan.id }, { session: adminSession }));
    // Each manager's Q4 target straight from the stored plan; the actuals are the hand-computed credits above.
    const target = (staff: string): bigint =>
      BigInt(db.prepare("SELECT value FROM target WHERE plan_id = ? AND period = '2026Q4' AND manager_id = ?").pluck().get(draft.plan.id, id(staff)) as number);
    const actual: Record<string, bigint> = { M1: 4_193_548n, M2: -11_129_032n, M3: -6_758_065n, M4: 400_000_000n };
    // Basis points rounded half away from zero: (2·|a|·10000 + t) ÷ (2t), with the sign of a.
    const bp = (a: bigint, t: bigint): number => {
      const q = (2n * (a < 0n ? -a : a) * 10_000n + t) / (2n * t);
      return Number(a < 0n ? -q : q);
    };
    const expected = ['M1', 'M2', 'M3', 'M4'].map((k) => [k, bp(actual[k] ?? 0n, target(k))] as const).sort((a, b) => b[1] - a[1]);
    const r = report('managerRanking', { period: '2026Q4' });
    expect(r.basis.zh).toContain('无该期考核');
    expect(r.rows.map((row) => [row.key, row.cells['completion']])).toEqual(expected);
    expect(r.rows.map((row) => row.cells['rank'])).toEqual([1, 2, 3, 4]);
    expect(r.rows.every((row) => row.cells['c_DEP_NET'] === row.cells['completion'] && row.cells['indicators'] === 1)).toBe(true);
  });
});
