import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/platform/clock.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { openStore } from '../../electron/store/store.js';
import { makeTempDir } from '../helpers/temp.js';

const tmp = makeTempDir('consolidation-migration');
afterAll(() => tmp.cleanup());

describe('migration 0140 consolidation', () => {
  it('adds the consolidation tables to a workspace with an evaluation run, which it leaves as it was', () => {
    const at = MIGRATIONS.findIndex((m) => m.id === 140);
    expect(MIGRATIONS[at - 1]?.id).toBe(130);
    const file = path.join(tmp.dir, 'ws.db');
    const before = openStore(file, { migrations: MIGRATIONS.slice(0, at) });
    const db = before.db;
    db.prepare("INSERT INTO org_unit (id, code, name, level) VALUES (1, 'S', '鼓楼支行', 'sub')").run();
    db.prepare("INSERT INTO scheme (id, code, version, name, period_type, body, valid_from, created_by, created_at) VALUES (1, 'X', 1, '考核', 'month', '{}', '2026-01-01', 'u', 't')").run();
    db.prepare("INSERT INTO evaluation_run (id, scheme_id, period, period_from, period_to, status, org_unit_id, inputs_sha256, computed_by, computed_at) VALUES (1, 1, '2026-10', '2026-10-01', '2026-10-31', 'locked', 1, 'h', 'u', 't')").run();
    before.close();

    const after = openStore(file, { migrations: MIGRATIONS.slice(0, at + 1), backupDir: path.join(tmp.dir, 'backups'), clock: fixedClock('2026-11-20T00:00:00Z') });
    try {
      expect(after.db.prepare('SELECT id, status, org_unit_id FROM evaluation_run').all()).toEqual([{ id: 1, status: 'locked', org_unit_id: 1 }]);
      const tables = after.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'consolidation_%' ORDER BY name").pluck().all();
      expect(tables).toEqual(['consolidation_item', 'consolidation_manager', 'consolidation_package', 'consolidation_unit']);
      const insert = after.db.prepare(
        `INSERT INTO consolidation_package (manifest_sha256, file_name, format_version, bank_code, bank_name, unit_code, unit_name, unit_level, period, scheme_code, scheme_version,
           scheme_name, run_id, run_status, generated_at, generated_by, generated_role, signed, imported_by, imported_at) VALUES (?, 'p.zip', 1, 'B', '银行', 'S', '支行', 'sub', '2026-10', 'X', 1, '考核', 1, 'locked', 't', 'u', 'admin', 0, 'u', 't')`,
      );
      insert.run('a'.repeat(64));
      // The same manifest twice is one package.
      expect(() => insert.run('a'.repeat(64))).toThrow(/UNIQUE/);
      after.db.prepare("INSERT INTO consolidation_manager (package_id, staff_no, name, outlet_code, outlet_name, grade, type, total) VALUES (1, 'M1', '王一', 'O1', '网点', '客户经理', '专职', 8550)").run();
      expect(after.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      after.close();
    }
  });
});
