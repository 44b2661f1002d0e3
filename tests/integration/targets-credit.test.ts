import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeChangesAt } from '../../electron/import/balance-change.js';
import { recomputeOrgBalancesAt } from '../../electron/org/org-balance.js';
import { openStore } from '../../electron/store/store.js';
import type { Store } from '../../electron/store/store.js';
import { creditedActuals, periodWindow } from '../../electron/targets/credit.js';
import { targetProgress } from '../../electron/targets/progress.js';
import { BUILTIN_SOURCES } from '../../shared/targets/indicator-source.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The rule that credits actuals to managers, on a store small enough to work by hand (docs/targets.md, "Progress").
 * Q2 2026 is 1 April – 30 June: 91 days; growth is measured from the 31 March snapshot to the 30 June one.
 *
 * - c1 (outlet A) grows 9,100 fen; M1 holds it until 15 May (45 days), M2 from 16 May (46 days): a client moved
 *   mid-period credits M1 9,100 × 45/91 = 4,500 and M2 9,100 × 46/91 = 4,600.
 * - c2 (outlet A) opens on 1 May with 6,100 fen: its window is 1 May – 30 June (61 days), all held by M2 as primary
 *   (credit share 60%) and M1 as secondary (40%): M2 3,660, M1 2,440.
 * - c3 (outlet B) grows 910 fen; nobody holds it in April, M3 from 1 May (61 of 91 days): M3 610, 300 credited to
 *   nobody.
 * - Sales (理财销售, events): c1 buys 50,000 fen on 20 May (M2 holds it then) and c2 10,000 on 2 May (M2 60%, M1 40%).
 */
const tmp = makeTempDir('targets-credit');
let store: Store;

beforeAll(() => {
  store = openStore(path.join(tmp.dir, 'w.db'));
  const db = store.db;
  db.exec(`
INSERT INTO org_unit (id, code, name, level, parent_id) VALUES (1, 'B', '分行', 'tier2', NULL), (2, 'A1', '甲网点', 'outlet', 1), (3, 'B1', '乙网点', 'outlet', 1);
INSERT INTO import_batch (id, kind, file_name, sha256, size_bytes, format, status, created_by, started_at, finished_at) VALUES (1, 'balances', 'f', 'h', 1, 'csv', 'committed', 'u', 't', 't');
INSERT INTO manager (id, staff_no, name) VALUES (1, 'M1', '甲'), (2, 'M2', '乙'), (3, 'M3', '丙');
INSERT INTO manager_period (manager_id, valid_from, org_unit_id, grade, type, status) VALUES
  (1, '2020-01-01', 2, 'standard', 'full_time', 'active'), (2, '2020-01-01', 2, 'senior', 'full_time', 'active'), (3, '2020-01-01', 3, 'trainee', 'part_time', 'active');
INSERT INTO client (id, client_no, name, open_date, org_unit_id) VALUES (1, 'c1', '客一', '2020-05-05', 2), (2, 'c2', '客二', '2026-05-01', 2), (3, 'c3', '客三', '2019-01-01', 3);
INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id) VALUES
  (1, '2026-03-31', 'deposit_demand', 100000, 90000, 1), (1, '2026-06-30', 'deposit_demand', 100100, 95000, 1), (1, '2026-06-30', 'deposit_time', 9000, 9000, 1),
  (2, '2026-06-30', 'deposit_time', 6100, 3000, 1),
  (3, '2026-03-31', 'deposit_demand', 5000, 5000, 1), (3, '2026-06-30', 'deposit_demand', 5910, 5500, 1);
INSERT INTO product_holding (account_no, client_id, product_type, amount_fen, open_date) VALUES
  ('W1', 1, 'wealth', 50000, '2026-05-20'), ('W2', 2, 'wealth', 10000, '2026-05-02'), ('W3', 3, 'wealth', 7000, '2026-03-30');
INSERT INTO assignment_change (id, kind, created_by, created_at) VALUES (1, 'manual', 'u', 't');
INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES
  (1, 1, 'primary', 10000, '2025-01-01', '2026-05-16', 1), (1, 2, 'primary', 10000, '2026-05-16', NULL, 1),
  (2, 2, 'primary', 6000, '2026-05-01', NULL, 1), (2, 1, 'secondary', 4000, '2026-05-01', NULL, 1),
  (3, 3, 'primary', 10000, '2026-05-01', NULL, 1);
`);
  for (const d of ['2026-03-31', '2026-06-30']) {
    recomputeChangesAt(store, d);
    recomputeOrgBalancesAt(store, d);
  }
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

const depNet = BUILTIN_SOURCES['DEP_NET'];
const wealth = BUILTIN_SOURCES['WEALTH_SALES'];

describe('actuals credited to managers', () => {
  it('reads a quarter from the snapshot before it to its last one', () => {
    expect(periodWindow(store, '2026Q2', '2026-11-30')).toEqual({ year: 2026, from: '2026-04-01', to: '2026-06-30', snapshot: '2026-06-30', baseline: '2026-03-31', estimate: false });
    // Up to an as-of date inside the quarter, with no snapshot yet: nothing to read.
    expect(periodWindow(store, '2026Q2', '2026-06-29').snapshot).toBeNull();
  });

  it('shares balance growth by the days each manager held the client, from its open date when later', () => {
    if (depNet === undefined) throw new Error('no DEP_NET');
    const credited = creditedActuals(store, depNet, periodWindow(store, '2026Q2', '2026-10-31'));
    expect(Object.fromEntries(credited)).toEqual({ 1: 4_500n + 2_440n, 2: 4_600n + 3_660n, 3: 610n });
  });

  it('credits a sale to the managers holding the client that day, by their shares', () => {
    if (wealth === undefined) throw new Error('no WEALTH_SALES');
    const credited = creditedActuals(store, wealth, periodWindow(store, '2026Q2', '2026-10-31'));
    expect(Object.fromEntries(credited)).toEqual({ 1: 4_000n, 2: 50_000n + 6_000n });
  });

  it('reports outlets by their clients and managers by credit, with time elapsed to the data date', () => {
    const indicatorId = store.db.prepare("SELECT id FROM indicator WHERE code = 'DEP_NET'").pluck().get() as number;
    const p = targetProgress(store, { year: 2026, indicatorId, period: '2026Q2', orgUnitId: 1, asOf: '2026-10-31' });
    const actual = Object.fromEntries(p.rows.map((r) => [r.key, r.actual]));
    // Outlet A: 9,100 + 6,100; B: 910; the branch both. Managers as above (M3's uncredited April stays uncredited).
    expect(actual).toEqual({ 'u:1': 16_110, 'u:2': 15_200, 'm:1': 6_940, 'm:2': 8_260, 'u:3': 910, 'm:3': 610 });
    expect(p.rows.every((r) => r.target === null && r.completionBp === null)).toBe(true);
    expect(p.elapsedBp).toBe(10_000);
    // July has no snapshot: as far as the data goes, none of it has elapsed and there is no actual to show.
    const july = targetProgress(store, { year: 2026, indicatorId, period: '2026-07', orgUnitId: 1, asOf: '2026-10-31' });
    expect(july.dataAsOf).toBeNull();
    expect(july.elapsedBp).toBe(0);
    // The year to 30 June: 181 of 365 days.
    const year = targetProgress(store, { year: 2026, indicatorId, period: '2026', orgUnitId: 1, asOf: '2026-10-31' });
    expect(year.elapsedBp).toBe(Math.round((181 * 10_000) / 365));
    expect(year.baseline).toBe('2026-03-31');
    expect(year.estimate).toBe(true);
  });
});
