import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/platform/clock.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { openStore } from '../../electron/store/store.js';
import { makeTempDir } from '../helpers/temp.js';

const tmp = makeTempDir('worklog-migration');
afterAll(() => tmp.cleanup());

describe('migration 0120 worklog', () => {
  it('keeps existing (imported) contacts, adds who-entered columns empty for them, and the two indexes', () => {
    const at = MIGRATIONS.findIndex((m) => m.id === 120);
    expect(at).toBeGreaterThan(0);
    const file = path.join(tmp.dir, 'ws.db');
    const before = openStore(file, { migrations: MIGRATIONS.slice(0, at) });
    const db = before.db;
    db.prepare("INSERT INTO org_unit (id, code, name, level) VALUES (1, '01', '网点', 'outlet')").run();
    db.prepare("INSERT INTO manager (id, staff_no, name) VALUES (1, 'M1', '王一')").run();
    db.prepare("INSERT INTO client (id, client_no, name, org_unit_id) VALUES (1, 'C1', '张三', 1)").run();
    db.prepare("INSERT INTO contact (client_id, manager_id, contact_at, channel, purpose, ext_ref) VALUES (1, 1, '2026-10-01 09:00:00', 'phone', '节日问候', 'R1')").run();
    before.close();

    const after = openStore(file, { migrations: MIGRATIONS.slice(0, at + 1), backupDir: path.join(tmp.dir, 'backups'), clock: fixedClock('2026-11-20T00:00:00Z') });
    try {
      expect(after.db.prepare('SELECT ext_ref, purpose, created_by, created_at FROM contact').all()).toEqual([{ ext_ref: 'R1', purpose: '节日问候', created_by: null, created_at: null }]);
      const indexes = after.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'contact' ORDER BY name").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['contact_by_time', 'contact_by_follow_up']));
      expect(after.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      after.close();
    }
  });
});
