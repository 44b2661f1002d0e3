import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/platform/clock.js';
import { m0050ClientBook } from '../../electron/store/migrations/0050-client-book.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { openStore } from '../../electron/store/store.js';
import { makeTempDir } from '../helpers/temp.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('store-client-book');
});
afterEach(() => tmp.cleanup());

const at = MIGRATIONS.indexOf(m0050ClientBook);

/** A valid score row for client 1, with `over` replacing columns. */
function scoreRow(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    client_id: 1, as_of: '2026-10-31', aum_fen: 100, avg_aum_fen: null, loan_fen: 0, income_fen: null, tenure_months: 12, product_types: 1,
    stability_pm: null, txn_count: 0, activity_months: 12, ever_peak_fen: 100, peak_fen: 100, recent_fen: 100, base_fen: 100, tier: 'standard',
    contribution: 0, contribution_aum: 0, contribution_avg: null, contribution_loan: 0, contribution_income: null, loyalty: 250,
    loyalty_tenure: 300, loyalty_products: 200, loyalty_stability: null, loyalty_activity: 0, stage: 'mature', segment: 'standard.lc_ll', ...over,
  };
}

describe('migration 0050 client-book', () => {
  it('upgrades a seeded store from the version before it, keeping the data, with the tables and indexes the list filters use', () => {
    expect(at).toBeGreaterThan(0);
    const file = path.join(tmp.dir, 'w.db');
    const before = openStore(file, { migrations: MIGRATIONS.slice(0, at) });
    before.db.prepare("INSERT INTO client(id, client_no, name) VALUES (1, 'C1', '张三')").run();
    before.db.prepare("INSERT INTO setting(key, value) VALUES ('preferences', '{\"locale\":\"en\"}')").run();
    expect(before.db.prepare("SELECT name FROM sqlite_schema WHERE name = 'client_score'").get()).toBeUndefined();
    before.close();

    const backups = path.join(tmp.dir, 'backups');
    const after = openStore(file, { migrations: MIGRATIONS.slice(0, at + 1), backupDir: backups, clock: fixedClock('2026-11-01T08:00:00Z') });
    try {
      expect(after.schemaVersion).toBe(at + 1);
      expect(fs.readdirSync(backups)).toHaveLength(1);
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(after.db.prepare('SELECT client_no FROM client').pluck().all()).toEqual(['C1']);
      const indexes = after.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'client_score' AND sql IS NOT NULL ORDER BY name").pluck().all();
      expect(indexes).toEqual(['client_score_by_segment', 'client_score_by_stage', 'client_score_by_tier']);

      const row = scoreRow();
      const insert = (r: Record<string, unknown>): unknown =>
        after.db.prepare(`INSERT INTO client_score (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r).map((k) => `@${k}`).join(', ')})`).run(r);
      expect(() => insert(scoreRow({ tier: 'bronze' }))).toThrow(/CHECK/);
      expect(() => insert(scoreRow({ stage: 'asleep' }))).toThrow(/CHECK/);
      expect(() => insert(scoreRow({ contribution: 1001 }))).toThrow(/CHECK/);
      expect(() => insert(scoreRow({ aum_fen: 12.5 }))).toThrow(/datatype|INTEGER/i);
      expect(() => insert(scoreRow({ client_id: 99 }))).toThrow(/FOREIGN KEY/);
      insert(row);
      expect(after.db.prepare('SELECT tier, contribution, loyalty FROM client_score').get()).toEqual({ tier: 'standard', contribution: 0, loyalty: 250 });
      const plan = after.db.prepare("EXPLAIN QUERY PLAN SELECT client_id FROM client_score WHERE tier = 'gold' AND client_id > 0 ORDER BY client_id").all() as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('client_score_by_tier');

      after.db.prepare("INSERT INTO segment_strategy VALUES ('gold.hc_hl', '每月联系', 'u', 't')").run();
      expect(() => after.db.prepare("INSERT INTO segment_strategy VALUES ('gold.hc_hl', 'again', 'u', 't')").run()).toThrow(/UNIQUE|PRIMARY/);
      after.db.prepare("INSERT INTO saved_view(name, owner, filters, created_at) VALUES ('金卡未分配', 'u', '{\"tier\":\"gold\"}', 't')").run();
      expect(() => after.db.prepare("INSERT INTO saved_view(name, owner, filters, created_at) VALUES ('金卡未分配', 'u', '{}', 't')").run()).toThrow(/UNIQUE/);
    } finally {
      after.close();
    }
  });
});
