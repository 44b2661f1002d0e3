import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeChangesAt } from '../../electron/import/balance-change.js';
import { openStore } from '../../electron/store/store.js';
import type { Store } from '../../electron/store/store.js';
import { stockCreditSet } from '../../electron/targets/credit-set.js';
import { creditedActuals, creditedActualsMany, creditedActualsPerRow, periodWindow } from '../../electron/targets/credit.js';
import { BUILTIN_SOURCES } from '../../shared/targets/indicator-source.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The set-based credit (electron/targets/credit-set.ts, one SQL statement per window) must give exactly the figures
 * of the row-by-row rules (`creditedActualsPerRow`), on a store with every case those rules know: clients moved
 * mid-period, shared 60/40 with a secondary, held by nobody for a while, opened inside the window, present only
 * at the baseline, with daily averages, tier upgrades, new clients and sales. Built from a fixed pseudo-random
 * sequence, so every run checks the same store; then a balance too large for 64-bit sums falls back row by row.
 */
const tmp = makeTempDir('targets-credit-set');
let store: Store;
const SOURCES = Object.entries(BUILTIN_SOURCES);

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

beforeAll(() => {
  store = openStore(path.join(tmp.dir, 'w.db'));
  const db = store.db;
  db.exec(`
INSERT INTO org_unit (id, code, name, level, parent_id) VALUES (1, 'B', '分行', 'tier2', NULL), (2, 'A1', '甲网点', 'outlet', 1);
INSERT INTO import_batch (id, kind, file_name, sha256, size_bytes, format, status, created_by, started_at, finished_at) VALUES (1, 'balances', 'f', 'h', 1, 'csv', 'committed', 'u', 't', 't');
INSERT INTO assignment_change (id, kind, created_by, created_at) VALUES (1, 'manual', 'u', 't');`);
  const rnd = lcg(20261031);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const managers = 12;
  for (let m = 1; m <= managers; m++) {
    db.prepare('INSERT INTO manager (id, staff_no, name) VALUES (?, ?, ?)').run(m, `M${m}`, `经理${m}`);
    db.prepare("INSERT INTO manager_period (manager_id, valid_from, org_unit_id, grade, type, status) VALUES (?, '2020-01-01', 2, 'standard', 'full_time', 'active')").run(m);
  }
  const client = db.prepare("INSERT INTO client (id, client_no, name, open_date, org_unit_id) VALUES (?, ?, ?, ?, 2)");
  const assign = db.prepare("INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, ?, ?, ?, ?, 1)");
  const snap = db.prepare('INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id) VALUES (?, ?, ?, ?, ?, 1)');
  const holding = db.prepare('INSERT INTO product_holding (account_no, client_id, product_type, amount_fen, open_date) VALUES (?, ?, ?, ?, ?)');
  const dates = ['2025-12-31', '2026-06-30', '2026-09-30', '2026-10-31', '2026-11-30'];
  const inWindow = ['2026-07-15', '2026-10-01', '2026-10-09', '2026-10-16', '2026-10-31', '2026-11-20'];
  for (let c = 1; c <= 1500; c++) {
    const opened = rnd() < 0.08 ? pick(inWindow) : '2015-03-03';
    client.run(c, `C${c}`, `客户${c}`, opened);
    const m = 1 + Math.floor(rnd() * managers);
    const other = (m % managers) + 1;
    const kind = rnd();
    if (kind < 0.6) assign.run(c, m, 'primary', 10_000, '2020-01-01', null);
    else if (kind < 0.75) {
      const day = pick(inWindow);
      assign.run(c, m, 'primary', 10_000, '2020-01-01', day);
      assign.run(c, other, 'primary', 10_000, day, null);
    } else if (kind < 0.87) {
      assign.run(c, m, 'primary', 6_000, '2020-01-01', null);
      assign.run(c, other, 'secondary', 4_000, '2020-01-01', null);
    } else if (kind < 0.95) assign.run(c, m, 'primary', 10_000, pick(inWindow), null);
    // else: held by nobody at all.
    for (const d of dates) {
      if (d < opened || rnd() < 0.1) continue;
      for (const p of ['deposit_demand', 'deposit_time', 'wealth'] as const) {
        if (p !== 'deposit_demand' && rnd() < 0.5) continue;
        const v = Math.floor(rnd() * 2_000_000_000) - (rnd() < 0.05 ? 500_000_000 : 0);
        snap.run(c, d, p, v, rnd() < 0.1 ? null : Math.floor(v * 0.9));
      }
    }
    if (rnd() < 0.3) holding.run(`H${c}`, c, pick(['wealth', 'fund', 'insurance', 'credit_card', 'loan']), Math.floor(rnd() * 90_000_000), pick([...inWindow, '2026-01-05']));
  }
  for (const d of dates) recomputeChangesAt(store, d);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

const sorted = (m: Map<number, bigint>): Array<[number, string]> => [...m].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, v.toString()]);

describe('set-based credit equals the row-by-row rules', () => {
  for (const [period, asOf] of [
    ['2026-10', '2026-10-31'],
    ['2026Q4', '2026-11-30'],
    ['2026Q3', '2026-10-31'],
    ['2026', '2026-10-15'],
  ] as const) {
    it(`every built-in indicator over ${period} (data to ${asOf})`, () => {
      const w = periodWindow(store, period, asOf);
      expect(w.snapshot).not.toBeNull();
      const many = creditedActualsMany(store, SOURCES.map(([, s]) => s), w);
      SOURCES.forEach(([code, source], i) => {
        const rowByRow = creditedActualsPerRow(store, source, w);
        // October has every kind of event; the other windows at least their balances.
        if (period === '2026-10' || !['NEW_CLIENT', 'WEALTH_SALES', 'FUND_SALES', 'INS_PREMIUM', 'CARD_NEW', 'LOAN_NEW'].includes(code)) expect(rowByRow.size, code).toBeGreaterThan(0);
        expect(sorted(many[i] ?? new Map<number, bigint>()), code).toEqual(sorted(rowByRow));
        expect(sorted(creditedActuals(store, source, w)), code).toEqual(sorted(rowByRow));
      });
    });
  }

  it('falls back to BigInt row by row when a product would leave 64 bits, with the same figures', () => {
    store.db.prepare("INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id) VALUES (7, '2026-10-31', 'loan', 4000000000000000000, NULL, 1)").run();
    const depAll = { type: 'balance_growth' as const, products: ['loan' as const] };
    const w = periodWindow(store, '2026-10', '2026-10-31');
    const win = { ...w, snapshot: w.snapshot ?? '' };
    expect(stockCreditSet(store, [depAll], win)).toBeNull();
    const credited = creditedActuals(store, depAll, w);
    expect(sorted(credited)).toEqual(sorted(creditedActualsPerRow(store, depAll, w)));
    expect([...credited.values()].some((v) => v > 1_000_000_000_000_000_000n)).toBe(true);
  });
});
