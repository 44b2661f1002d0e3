import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdminSession } from '../../electron/api/types.js';
import type { Session } from '../../electron/api/types.js';
import type { Progress } from '../../shared/api/contract.js';
import { DEMO_PHASES } from '../../shared/api/ops/demo-phases.js';
import { makeTestApp } from '../helpers/app.js';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp('demo');
});
afterEach(() => t.cleanup());

const admin = localAdminSession();
const one = <T>(sql: string, ...params: unknown[]): T => t.app.services.store.db.prepare(sql).get(...params) as T;
const n = (sql: string, ...params: unknown[]): number => one<{ n: number }>(sql, ...params).n;
/** The extracts are written beside the workspace file, never to a shared temporary folder. */
const demoFolders = (): string[] => {
  const file = t.app.services.store.file;
  return fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${path.basename(file)}.demo-`));
};

describe('demo.build', () => {
  it('builds a small branch and reports counts that match the store', async () => {
    let during: string[] = [];
    const phases = new Set<string>();
    const r = await t.app.dispatcher.invoke('demo.build', { clients: 2_000, managers: 16 }, {
      session: admin,
      onProgress: (p: Progress) => {
        phases.add(p.phase);
        if (p.phase === 'import:clients') during = demoFolders();
      },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { counts, files, seed } = r.value;
    expect(seed).toBe(20261122);
    expect(counts).toEqual({
      orgUnits: n('SELECT count(*) n FROM org_unit'),
      managers: n('SELECT count(*) n FROM manager'),
      clients: n('SELECT count(*) n FROM client'),
      balanceSnapshots: n('SELECT count(*) n FROM balance_snapshot'),
      holdings: n('SELECT count(*) n FROM product_holding'),
      transactions: n('SELECT count(*) n FROM txn'),
      contacts: n('SELECT count(*) n FROM contact'),
    });
    expect(counts.orgUnits).toBe(13);
    expect(counts.managers).toBe(16);
    expect(counts.clients).toBe(2_000);
    expect(counts.balanceSnapshots).toBeGreaterThan(2_000 * 12);
    expect(counts.holdings).toBeGreaterThan(200);
    expect(counts.transactions).toBeGreaterThan(1_000);
    expect(counts.contacts).toBeGreaterThan(50);
    expect(files.length).toBe(21);
    expect(r.value.elapsedMs).toBeGreaterThan(0);
    expect([...phases]).toEqual(expect.arrayContaining(['extracts:clients', 'import:clients', 'import:balances']));
    for (const phase of phases) expect(DEMO_PHASES).toContain(phase);
    // The folder of extracts was there while importing and is gone now.
    expect(during).toHaveLength(1);
    expect(demoFolders()).toEqual([]);

    // Org tree: one tier-2 branch, three sub-branches, eight outlets; every client at an outlet.
    expect(n("SELECT count(*) n FROM org_unit WHERE level = 'outlet'")).toBe(8);
    expect(n("SELECT count(*) n FROM org_unit o JOIN org_unit p ON p.id = o.parent_id WHERE o.level = 'outlet' AND p.level = 'sub'")).toBe(8);
    expect(n("SELECT count(*) n FROM client c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.level = 'outlet'")).toBe(2_000);
    expect(n("SELECT count(*) n FROM client WHERE name_initials IS NULL OR name_initials NOT GLOB '[A-Z]*'")).toBe(0);

    // Every extract went through the import pipeline: every row has provenance, each batch counts what it inserted.
    expect(n('SELECT count(*) n FROM import_batch')).toBe(20);
    expect(n('SELECT count(DISTINCT kind) n FROM import_batch')).toBe(9);
    expect(n('SELECT sum(rejected) n FROM import_batch')).toBe(0);
    expect(n("SELECT count(*) n FROM import_batch WHERE status <> 'committed' OR length(sha256) <> 64 OR size_bytes <= 0 OR created_by <> 'local-admin'")).toBe(0);
    expect(n("SELECT sum(inserted) n FROM import_batch WHERE kind = 'balances'")).toBe(counts.balanceSnapshots);
    expect(n("SELECT count(*) n FROM balance_snapshot b JOIN import_batch i ON i.id = b.batch_id WHERE i.as_of <> b.as_of")).toBe(0);
    expect(n("SELECT count(*) n FROM client c JOIN import_batch i ON i.id = c.batch_id WHERE i.encoding = 'gb18030' AND i.kind = 'clients'")).toBe(2_000);

    // Roster history: effective-dated periods that never overlap, some of them closed.
    expect(n('SELECT count(*) n FROM manager_period')).toBeGreaterThan(8);
    expect(
      n(`SELECT count(*) n FROM manager_period a JOIN manager_period b ON a.manager_id = b.manager_id AND a.id < b.id
         WHERE a.valid_from < coalesce(b.valid_to, '9999') AND b.valid_from < coalesce(a.valid_to, '9999')`),
    ).toBe(0);

    // Assignments: one primary at a time, 100 % share, most clients covered, some VIPs left out.
    expect(n("SELECT count(*) n FROM assignment_change WHERE kind = 'import'")).toBe(2);
    // The mid-year transfer's handovers: the previous manager's span ends the day the successor's begins.
    const handovers = n("SELECT rows_read n FROM import_batch WHERE kind = 'assignments'");
    expect(handovers).toBeGreaterThan(10);
    expect(n("SELECT inserted + updated n FROM import_batch WHERE kind = 'assignments'")).toBe(handovers);
    expect(n("SELECT count(*) n FROM assignment a JOIN assignment b ON a.client_id = b.client_id AND a.valid_to = b.valid_from AND a.manager_id <> b.manager_id")).toBe(handovers);
    expect(n("SELECT count(*) n FROM assignment WHERE role <> 'primary' OR share_bp <> 10000")).toBe(0);
    expect(
      n(`SELECT count(*) n FROM assignment a JOIN assignment b ON a.client_id = b.client_id AND a.id < b.id
         WHERE a.valid_from < coalesce(b.valid_to, '9999') AND b.valid_from < coalesce(a.valid_to, '9999')`),
    ).toBe(0);
    const current = n("SELECT count(DISTINCT client_id) n FROM assignment WHERE valid_to IS NULL AND valid_from <= '2026-10-31'");
    expect(current / 2_000).toBeGreaterThan(0.75);
    expect(current / 2_000).toBeLessThan(0.97);
    expect(n("SELECT count(*) n FROM assignment a JOIN client c ON c.id = a.client_id WHERE a.valid_from < c.open_date")).toBe(0);

    // Balances: month-ends only, loans never negative, some clients new during the year.
    expect(n('SELECT count(DISTINCT as_of) n FROM balance_snapshot')).toBe(12);
    expect(n('SELECT count(*) n FROM balance_snapshot WHERE balance_fen < 0 OR avg_balance_fen < 0')).toBe(0);
    expect(n("SELECT count(*) n FROM client WHERE open_date >= '2025-11-01'")).toBeGreaterThan(50);

    // Work log entries are by the client's manager on that day.
    expect(
      n(`SELECT count(*) n FROM contact k WHERE NOT EXISTS (SELECT 1 FROM assignment a WHERE a.client_id = k.client_id
           AND a.manager_id = k.manager_id AND a.valid_from <= substr(k.contact_at, 1, 10) AND (a.valid_to IS NULL OR a.valid_to > substr(k.contact_at, 1, 10)))`),
    ).toBe(0);

    // Head-office targets: one published plan per indicator; eight outlets; quarters add up for flows.
    expect(n("SELECT count(*) n FROM target_plan WHERE year = 2026 AND status = 'published' AND origin = 'import'")).toBe(9);
    expect(n("SELECT count(*) n FROM target WHERE period = '2026'")).toBe(9 * 8);
    expect(
      n(`SELECT count(*) n FROM target y JOIN target_plan p ON p.id = y.plan_id JOIN indicator i ON i.id = p.indicator_id
         WHERE y.period = '2026' AND i.flow = 1
           AND y.value <> (SELECT sum(q.value) FROM target q WHERE q.plan_id = y.plan_id AND q.org_unit_id = y.org_unit_id AND q.period LIKE '2026Q_')`),
    ).toBe(0);
    expect(n("SELECT count(*) n FROM target t JOIN target_plan p ON p.id = t.plan_id JOIN indicator i ON i.id = p.indicator_id WHERE i.unit = '万元' AND (t.value < 0 OR t.value % 1000000 <> 0 OR (t.period = '2026' AND t.value = 0))")).toBe(0);

    // Some time deposits or wealth products mature within 30 days of the as-of date.
    expect(n("SELECT count(*) n FROM product_holding WHERE status = 'open' AND maturity_date BETWEEN '2026-11-01' AND '2026-11-30'")).toBeGreaterThan(0);
  });

  it('refuses a second build into a store that already holds clients', async () => {
    const first = await t.app.dispatcher.invoke('demo.build', { clients: 500, managers: 4 }, { session: admin });
    expect(first.ok).toBe(true);
    const second = await t.app.dispatcher.invoke('demo.build', { clients: 500, managers: 4 }, { session: admin });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.code).toBe('CONFLICT');
    expect(n('SELECT count(*) n FROM client')).toBe(500);
  });

  it('rolls everything back when cancelled from outside while the load runs, and keeps answering meanwhile', async () => {
    const controller = new AbortController();
    let sawLoad: () => void = () => undefined;
    const loading = new Promise<void>((resolve) => {
      sawLoad = resolve;
    });
    const running = t.app.dispatcher.invoke(
      'demo.build',
      { clients: 8_000, managers: 6 },
      { session: admin, signal: controller.signal, onProgress: (p) => p.phase === 'import:balances' && sawLoad() },
    );
    await loading;
    // The job holds its transaction in the worker: the main thread still answers other calls at once.
    const started = performance.now();
    const info = await t.app.dispatcher.invoke('system.info', {}, { session: admin });
    expect(info.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
    controller.abort();
    const r = await running;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CANCELLED');
    for (const table of ['import_batch', 'org_unit', 'manager', 'manager_period', 'client', 'balance_snapshot', 'assignment', 'assignment_change']) {
      expect(n(`SELECT count(*) n FROM ${table}`)).toBe(0);
    }
    expect(t.app.services.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('stops while writing the extracts when cancelled early', async () => {
    const controller = new AbortController();
    const r = await t.app.dispatcher.invoke('demo.build', { clients: 20_000, managers: 6 }, { session: admin, signal: controller.signal, onProgress: () => controller.abort() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CANCELLED');
    expect(n('SELECT count(*) n FROM client')).toBe(0);
  });

  it('is for administrators only', async () => {
    const supervisor: Session = { ...admin, role: 'supervisor' };
    const r = await t.app.dispatcher.invoke('demo.build', { clients: 100, managers: 4 }, { session: supervisor });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });
});
