import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecomputeReport } from '../../shared/book/types.js';
import { localAdminSession } from '../../electron/api/types.js';
import { readLastRun } from '../../electron/book/config-store.js';
import { recomputeScores } from '../../electron/book/recompute.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { openStore } from '../../electron/store/store.js';
import type { Session } from '../../electron/api/types.js';
import { makeTestApp } from '../helpers/app.js';
import { buildBookStore } from '../helpers/book-store.js';
import { expectOk, importFile } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The client book end to end on a real SQLite file: import (pipeline) → book.recompute (job worker) → stored
 * rows, clients.get, book.segments, book.config. Expected figures are computed by hand below, independently of
 * the code (the formulas as docs/book.md states them, with the default configuration).
 */
let t: ReturnType<typeof makeTestApp>;
const admin = localAdminSession('zh-CN');
const supervisor: Session = { ...admin, userName: 'sup', role: 'supervisor' };

interface Stored {
  tier: string;
  contribution: number;
  loyalty: number;
  stage: string;
  segment: string;
  contribution_aum: number | null;
  contribution_avg: number | null;
  contribution_loan: number | null;
  contribution_income: number | null;
  loyalty_tenure: number | null;
  loyalty_products: number | null;
  loyalty_stability: number | null;
  loyalty_activity: number | null;
  product_types: number;
  stability_pm: number | null;
  txn_count: number;
  tenure_months: number | null;
}

const stored = (clientNo: string): Stored =>
  t.app.services.store.db.prepare('SELECT s.* FROM client_score s JOIN client c ON c.id = s.client_id WHERE c.client_no = ?').get(clientNo) as Stored;

let report: RecomputeReport;
beforeAll(async () => {
  t = makeTestApp('book-recompute');
  await buildBookStore(t.app, t.dir);
  report = expectOk(await t.app.dispatcher.invoke('book.recompute', {}, { session: admin }));
}, 60_000);
afterAll(() => t.cleanup());

describe('book.recompute on a hand-made book', () => {
  it('scores every client as of the latest snapshot and counts tiers and stages', () => {
    expect(report).toMatchObject({ asOf: '2026-10-31', clients: 6, absentEverywhere: ['income'] });
    // B 30,000, C 0, D 0 元 → 普通; E 200,000 and F 150,000 → 金卡 (≥ 50,000); A 540,000 → 白金 (≥ 500,000).
    expect(report.byTier).toEqual({ standard: 3, gold: 2, platinum: 1, diamond: 0, private: 0 });
    expect(report.byStage).toEqual({ prospect: 1, lost: 1, new: 1, declining: 1, growing: 1, mature: 1 });
  });

  it('A: platinum, contribution 65.8 and loyalty 79.4, every component as computed by hand', () => {
    // Contribution (weights 40/30/20, income absent → Σw = 90):
    //   AUM 40,000 + 500,000 = 540,000 元 = 54,000,000 fen: 70 + (54M − 50M) × 20 / 150M = 70.533 → 70.5 (705)
    //   daily average 50,000 + 500,000 = 550,000 元: 70 + 5M × 20 / 150M = 70.667 → 70.7 (707)
    //   loan 300,000 元 = 30M fen: 40 + (30M − 10M) × 40 / 90M = 48.889 → 48.9 (489)
    //   total = (40×705 + 30×707 + 20×489) / 90 = 59190 / 90 = 657.67 → 658 → 65.8
    // Loyalty (weights 30/30/20/20, all present):
    //   tenure 2020-01-15 → 2026-10-31 = 81 months: 80 + 21 × 20 / 60 = 87.0 (870)
    //   products: 活期, 定期, 贷款 (balances) + 理财, 信用卡 (open holdings; the closed fund does not count) = 5 → 90 (900)
    //   stability: 600k ×4, 660k, 540k: mean 600k, σ = √(2 × 60k² / 6) = 34,641 → CV 0.057735 → 942‰ → 60 + 142 × 40 / 200 = 88.4 (884)
    //   activity: 24 transactions in (2025-10-31, 2026-10-31] over 12 months = 2/month: 30 + 1 × 40 / 3 = 43.3 (433)
    //   total = (30×870 + 30×900 + 20×884 + 20×433) / 100 = 79440 / 100 = 794.4 → 794 → 79.4
    expect(stored('A')).toMatchObject({
      tier: 'platinum',
      contribution: 658,
      contribution_aum: 705,
      contribution_avg: 707,
      contribution_loan: 489,
      contribution_income: null,
      loyalty: 794,
      loyalty_tenure: 870,
      loyalty_products: 900,
      loyalty_stability: 884,
      loyalty_activity: 433,
      product_types: 5,
      stability_pm: 942,
      txn_count: 24,
      tenure_months: 81,
      // Levels (3-snapshot means): recent (600 + 660 + 540) / 3 = 600k, peak 620k: 600 × 100 ≥ 620 × 80, and the
      // growth base is the first snapshot (none is 6 months old): 600 × 100 ≤ 600 × 120 → mature.
      stage: 'mature',
      segment: 'platinum.hc_hl',
    });
  });

  it('B: new client without daily averages — the average component is absent and the weights renormalise', () => {
    // Contribution: AUM 30,000 元: 3M × 40 / 5M = 24.0 (240); loan 0 → 0; Σw = 40 + 20: (40×240) / 60 = 160 → 16.0
    // Loyalty: tenure 2026-08-10 → 10-31 = 2 months: 2 × 30 / 12 = 5.0 (50); 1 product → 20 (200);
    //   stability over 10k, 20k, 30k: CV = √(2/3 × 10k²) / 20k = 0.408248 → 592‰ → (592 − 500) × 60 / 300 = 18.4 (184);
    //   no transactions → 0. Total (30×50 + 30×200 + 20×184 + 0) / 100 = 11180 / 100 = 111.8 → 112 → 11.2
    expect(stored('B')).toMatchObject({
      tier: 'standard',
      contribution: 160,
      contribution_avg: null,
      loyalty: 112,
      loyalty_stability: 184,
      stability_pm: 592,
      tenure_months: 2,
      stage: 'new',
      segment: 'standard.lc_ll',
    });
  });

  it('C lost, D prospect (a loan is not an asset; no open date → tenure absent), E declining, F growing', () => {
    // C: AUM now 0 < 100 元 after a peak of 20,000 ≥ 1,000 元.
    expect(stored('C')).toMatchObject({ stage: 'lost', tier: 'standard' });
    // D: contribution (40×0 + 20×200) / 60 = 66.7 → 67 → 6.7 (loan 50,000 元: 5M × 40 / 10M = 20.0);
    //    loyalty: tenure and stability absent, (30×200 + 20×0) / 50 = 120 → 12.0.
    expect(stored('D')).toMatchObject({ stage: 'prospect', contribution: 67, loyalty: 120, loyalty_tenure: null, loyalty_stability: null, tenure_months: null });
    // E: recent level 200k vs peak level 300k: 200 × 100 < 300 × 80.
    expect(stored('E')).toMatchObject({ stage: 'declining', tier: 'gold' });
    // F: recent (110 + 130 + 150) / 3 = 130k vs base (first snapshot) 100k: 130 × 100 > 100 × 120.
    expect(stored('F')).toMatchObject({ stage: 'growing', tier: 'gold' });
  });

  it('clients.get explains A with exactly the stored numbers, and masks identity for an administrator only', async () => {
    const a = expectOk(await t.app.dispatcher.invoke('clients.get', { clientNo: 'A' }, { session: admin }));
    const s = stored('A');
    const score = a.score;
    if (score === null) throw new Error('A has no score');
    expect(score.tier).toMatchObject({ tier: s.tier, valueFen: 54_000_000, thresholdFen: 50_000_000 });
    expect(score.contribution.totalTenths).toBe(s.contribution);
    expect(score.contribution.total).toBe(65.8);
    expect(score.contribution.components.map((c) => c.pointsTenths)).toEqual([s.contribution_aum, s.contribution_avg, s.contribution_loan, s.contribution_income]);
    expect(score.contribution.components.map((c) => [c.key, c.value, c.weight, c.share, c.contribution])).toEqual([
      ['aum', 54_000_000, 40, 44.4, 31.3], // 40 × 705 / 90 = 313.3 → 31.3
      ['avgAum', 55_000_000, 30, 33.3, 23.6], // 30 × 707 / 90 = 235.7 → 23.6
      ['loan', 30_000_000, 20, 22.2, 10.9], // 20 × 489 / 90 = 108.7 → 10.9
      ['income', null, 10, 0, 0],
    ]);
    expect(score.contribution.absent).toEqual(['income']);
    expect(score.loyalty.totalTenths).toBe(s.loyalty);
    expect(score.loyalty.components.map((c) => c.pointsTenths)).toEqual([s.loyalty_tenure, s.loyalty_products, s.loyalty_stability, s.loyalty_activity]);
    expect(score.loyalty.components[3]?.value).toBe(2);
    expect(score.stage).toMatchObject({ stage: s.stage, inputs: { recentFen: 60_000_000, peakFen: 62_000_000, baseFen: 60_000_000 } });
    expect(score.stage.rules).toHaveLength(6);
    expect(score.segment).toMatchObject({ code: s.segment, label: { zh: '白金·高贡献高忠诚' } });
    expect(score.segment.strategy).toContain('专属客户经理');
    expect(a.balances.map((b) => [b.asOf, b.aumFen])).toEqual([
      ['2026-05-31', 60_000_000],
      ['2026-06-30', 60_000_000],
      ['2026-07-31', 60_000_000],
      ['2026-08-31', 60_000_000],
      ['2026-09-30', 66_000_000],
      ['2026-10-31', 54_000_000],
    ]);
    expect(a.balances[5]).toMatchObject({ loanFen: 30_000_000, avgAumFen: 55_000_000 });
    expect(a.holdings.map((h) => h.accountNo).sort()).toEqual(['H1', 'H2', 'H3']);
    expect(a.managers).toMatchObject([{ staffNo: 'M1', role: 'primary', validTo: null }]);
    expect(a).toMatchObject({ identityMasked: true, idNo: '3201**********1241', phone: '138****5678' });
    const full = expectOk(await t.app.dispatcher.invoke('clients.get', { id: a.id }, { session: supervisor }));
    expect(full).toMatchObject({ identityMasked: false, idNo: '320106198001011241', phone: '13812345678' });
    // A client manager opens only the clients they look after today, and sees them in full.
    const managerId = (no: string): number => t.app.services.store.db.prepare('SELECT id FROM manager WHERE staff_no = ?').pluck().get(no) as number;
    const m1 = await t.app.dispatcher.invoke('clients.get', { clientNo: 'A' }, { session: { ...admin, role: 'manager', managerId: managerId('M1') } });
    expect(m1.ok && m1.value.identityMasked).toBe(false);
    const m2 = await t.app.dispatcher.invoke('clients.get', { clientNo: 'A' }, { session: { ...admin, role: 'manager', managerId: managerId('M2') } });
    expect(m2.ok ? null : m2.error.code).toBe('FORBIDDEN');
    const missing = await t.app.dispatcher.invoke('clients.get', { clientNo: 'nobody' }, { session: admin });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('clients.list shows the stored tier', async () => {
    const page = expectOk(await t.app.dispatcher.invoke('clients.list', { search: 'A' }, { session: admin }));
    expect(page.rows.find((r) => r.clientNo === 'A')?.tier).toBe('platinum');
  });

  it('book.segments counts clients, AUM and primary-manager coverage per segment; strategies can be edited and reset', async () => {
    const seg = expectOk(await t.app.dispatcher.invoke('book.segments', {}, { session: admin }));
    expect(seg.asOf).toBe('2026-10-31');
    expect(seg.segments).toHaveLength(20);
    const byCode = new Map(seg.segments.map((s) => [s.segment, s]));
    expect(byCode.get('platinum.hc_hl')).toMatchObject({ clients: 1, aumFen: 54_000_000, assigned: 1, coverageBp: 10_000, managers: [{ staffNo: 'M1', clients: 1 }] });
    // Gold: E (M2) and F (unassigned), both 金卡·低贡献低忠诚:
    //   E contribution (40 × 500 + 20 × 0) / 60 = 333.3 → 33.3 (AUM 200,000 元: 40 + 15M × 30 / 45M = 50.0; no averages);
    //     loyalty: tenure 100 months → 93.3, 1 product → 20, stability σ/mean = 50/250 → 800‰ → 60, no transactions:
    //     (30 × 933 + 30 × 200 + 20 × 600) / 100 = 459.9 → 46.0
    //   F contribution (40 × 467) / 60 = 311.3 → 31.1; loyalty: tenure 93 months → 91.0, stability 835‰ → 67.0:
    //     (30 × 910 + 30 × 200 + 20 × 670) / 100 = 467 → 46.7
    //   AUM 200,000 + 150,000 元; coverage 1 of 2 = 5000 bp.
    expect(byCode.get('gold.lc_ll')).toMatchObject({ clients: 2, aumFen: 35_000_000, assigned: 1, coverageBp: 5000, managers: [{ staffNo: 'M2', clients: 1 }] });
    expect(stored('E')).toMatchObject({ contribution: 333, loyalty: 460, stability_pm: 800, tenure_months: 100 });
    expect(stored('F')).toMatchObject({ contribution: 311, loyalty: 467, stability_pm: 835, tenure_months: 93 });
    const standard = seg.segments.filter((s) => s.tier === 'standard');
    expect(standard.reduce((n, s) => n + s.clients, 0)).toBe(3);
    expect(seg.segments.reduce((n, s) => n + s.aumFen, 0)).toBe(54_000_000 + 3_000_000 + 20_000_000 + 15_000_000);
    const set = expectOk(await t.app.dispatcher.invoke('book.setStrategy', { segment: 'platinum.hc_hl', text: '每月上门一次' }, { session: supervisor }));
    expect(set).toEqual({ segment: 'platinum.hc_hl', text: '每月上门一次', isDefault: false });
    const after = expectOk(await t.app.dispatcher.invoke('book.segments', {}, { session: admin }));
    expect(after.segments.find((s) => s.segment === 'platinum.hc_hl')?.strategy).toMatchObject({ text: '每月上门一次', isDefault: false, updatedBy: 'sup' });
    const a = expectOk(await t.app.dispatcher.invoke('clients.get', { clientNo: 'A' }, { session: admin }));
    expect(a.score?.segment.strategy).toBe('每月上门一次');
    const reset = expectOk(await t.app.dispatcher.invoke('book.setStrategy', { segment: 'platinum.hc_hl', text: null }, { session: supervisor }));
    expect(reset.isDefault).toBe(true);
    const denied = await t.app.dispatcher.invoke('book.setStrategy', { segment: 'platinum.hc_hl', text: 'x' }, { session: { ...admin, role: 'manager' } });
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
  });

  it('book.config reports the last run and turns stale when the configuration or the imported data change', async () => {
    const fresh = expectOk(await t.app.dispatcher.invoke('book.config', {}, { session: admin }));
    expect(fresh.lastRun).toMatchObject({ asOf: '2026-10-31', clients: 6, windowFrom: '2026-05-31', growthBaseAsOf: '2026-05-31' });
    expect(fresh.stale).toEqual({ never: false, config: false, data: false });
    const config = { ...fresh.config, quadrantCut: 60 };
    const changed = expectOk(await t.app.dispatcher.invoke('book.setConfig', { config }, { session: admin }));
    expect(changed.stale.config).toBe(true);
    const bad = await t.app.dispatcher.invoke('book.setConfig', { config: { ...config, quadrantCut: 101 } }, { session: admin });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    // Stored scores are still explained with the configuration they were computed with.
    const a = expectOk(await t.app.dispatcher.invoke('clients.get', { clientNo: 'A' }, { session: admin }));
    expect(a.score?.quadrant).toBe('hc_hl');
    const file = path.join(t.dir, 'nov.csv');
    fs.writeFileSync(file, '客户号,数据日期,产品类型,时点余额\r\nA,2026-11-30,活期,1.00\r\n');
    expectOk(await importFile(t.app, file, 'balances'));
    const later = expectOk(await t.app.dispatcher.invoke('book.config', {}, { session: admin }));
    expect(later).toMatchObject({ latestSnapshotAsOf: '2026-11-30', stale: { data: true } });
    // Recomputing as of October again (a date between snapshots resolves to the one before) clears both flags.
    const again = expectOk(await t.app.dispatcher.invoke('book.recompute', { asOf: '2026-11-15' }, { session: admin }));
    expect(again.asOf).toBe('2026-10-31');
    expect((expectOk(await t.app.dispatcher.invoke('book.config', {}, { session: admin }))).stale).toEqual({ never: false, config: false, data: false });
    const none = await t.app.dispatcher.invoke('book.recompute', { asOf: '2020-01-01' }, { session: admin });
    expect(none.ok ? null : none.error.code).toBe('NOT_FOUND');
  });
});

describe('recomputeScores in one transaction', () => {
  it('a cancel between chunks rolls the whole run back: the previous scores and last run stay', () => {
    const tmp = makeTempDir('book-cancel');
    const store = openStore(path.join(tmp.dir, 'w.db'), { clock: fixedClock('2026-11-22T09:00:00Z') });
    try {
      const db = store.db;
      db.exec(`
        INSERT INTO import_batch (id, kind, file_name, sha256, size_bytes, format, status, created_by, started_at, finished_at)
          VALUES (1, 'balances', 'f', 'h', 1, 'csv', 'committed', 'u', 't', 't');
        -- Ids far apart: three chunks of 20,000 ids, so the run checks for a cancel after the first one.
        INSERT INTO client (id, client_no, name, open_date) VALUES (1, 'X1', '甲', '2020-01-01'), (45000, 'X2', '乙', '2020-01-01');
        INSERT INTO balance_snapshot VALUES (1, '2026-10-31', 'deposit_demand', 10000000, NULL, 1), (45000, '2026-10-31', 'deposit_demand', 100, NULL, 1);`);
      const opts = { clock: fixedClock('2026-11-22T09:00:00Z'), userName: 'u', signal: { aborted: false } };
      const first = recomputeScores(store, opts);
      expect(first).toMatchObject({ clients: 2, byTier: { gold: 1, standard: 1 } });
      db.exec("UPDATE balance_snapshot SET balance_fen = 100 WHERE client_id = 1");
      let chunks = 0;
      const cancelling = { ...opts, clock: fixedClock('2026-11-23T09:00:00Z'), signal: { get aborted() { return chunks > 0; } }, progress: () => void chunks++ };
      expect(() => recomputeScores(store, cancelling)).toThrow(/cancelled/i);
      expect(chunks).toBe(1);
      expect(db.prepare("SELECT tier FROM client_score WHERE client_id = 1").pluck().get()).toBe('gold');
      expect(db.prepare('SELECT count(*) FROM client_score').pluck().get()).toBe(2);
      expect(readLastRun(store)?.computedAt).toBe(first.computedAt);
      // The indexes dropped for the rewrite came back with the rollback.
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'client_score' AND sql IS NOT NULL").pluck().get()).toBe(3);
    } finally {
      store.close();
      tmp.cleanup();
    }
  });
});
