import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../electron/platform/app-error.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import type { Migration } from '../../electron/store/migrations/types.js';
import { Sqlite } from '../../electron/store/sqlite.js';
import { APPLICATION_ID, openStore } from '../../electron/store/store.js';
import { makeTempDir } from '../helpers/temp.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('store');
});
afterEach(() => tmp.cleanup());

function expectAppError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(isAppError(e)).toBe(true);
    if (isAppError(e)) expect(e.code).toBe(code);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('openStore', () => {
  it('creates a store at the latest schema with WAL, foreign keys and synchronous FULL', () => {
    const file = path.join(tmp.dir, 'w.db');
    const store = openStore(file);
    try {
      expect(store.schemaVersion).toBe(MIGRATIONS.length);
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  });

  it('enforces foreign keys', () => {
    const store = openStore(path.join(tmp.dir, 'fk.db'));
    try {
      expect(() =>
        store.db.prepare("INSERT INTO org_unit(code, name, level, parent_id) VALUES ('X', 'x', 'outlet', 999)").run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      store.close();
    }
  });

  it('refuses a store written by a newer version of the app', () => {
    const file = path.join(tmp.dir, 'new.db');
    openStore(file).close();
    const raw = new Sqlite(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    expectAppError(() => openStore(file), 'STORE_TOO_NEW');
  });

  it('refuses a SQLite file that is not a workspace', () => {
    const file = path.join(tmp.dir, 'foreign.db');
    const raw = new Sqlite(file);
    raw.exec('CREATE TABLE something(x)');
    raw.close();
    expectAppError(() => openStore(file), 'STORE_UNREADABLE');
  });

  it('refuses to create a missing file when asked not to', () => {
    expectAppError(() => openStore(path.join(tmp.dir, 'missing.db'), { create: false }), 'NOT_FOUND');
  });

  it('rolls back a failing migration entirely and leaves the version unchanged', () => {
    const file = path.join(tmp.dir, 'fail.db');
    openStore(file).close();
    const broken: Migration = {
      id: 9990,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done(x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => openStore(file, { migrations: [...MIGRATIONS, broken] })).toThrow('boom');
    const store = openStore(file);
    try {
      expect(store.schemaVersion).toBe(MIGRATIONS.length);
      const t = store.db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get();
      expect(t).toBeUndefined();
    } finally {
      store.close();
    }
  });
});

describe('migrations', () => {
  it('are numbered in strictly increasing order, each name matching its file', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const files = fs.readdirSync('electron/store/migrations').filter((f) => /^\d{4}-/.test(f));
    expect(files.sort()).toEqual(MIGRATIONS.map((m) => `${String(m.id).padStart(4, '0')}-${m.name}.ts`));
  });

  it('each migration upgrades a seeded store built at the previous version, after taking a backup', () => {
    for (let n = 1; n <= MIGRATIONS.length; n++) {
      const file = path.join(tmp.dir, `step-${n}.db`);
      const backups = path.join(tmp.dir, `backups-${n}`);
      const before = openStore(file, { migrations: MIGRATIONS.slice(0, n - 1) });
      const hadTables = n > 1;
      if (hadTables) {
        before.db.prepare("INSERT INTO setting(key, value) VALUES ('seed', '\"kept\"')").run();
      }
      before.close();
      const after = openStore(file, { migrations: MIGRATIONS.slice(0, n), backupDir: backups, clock: fixedClock('2026-11-01T08:00:00Z') });
      try {
        expect(after.schemaVersion).toBe(n);
        expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(after.db.pragma('foreign_key_check')).toEqual([]);
        if (hadTables) {
          const seed = after.db.prepare("SELECT value FROM setting WHERE key = 'seed'").get() as { value: string };
          expect(JSON.parse(seed.value)).toBe('kept');
          const copies = fs.readdirSync(backups);
          expect(copies).toHaveLength(1);
          const copy = new Sqlite(path.join(backups, copies[0] ?? ''), { readonly: true });
          expect(copy.pragma('user_version', { simple: true })).toBe(n - 1);
          copy.close();
        }
      } finally {
        after.close();
      }
    }
  });

  it('core schema holds money as integers and rejects a bad assignment interval', () => {
    const store = openStore(path.join(tmp.dir, 'core.db'));
    try {
      const db = store.db;
      db.prepare("INSERT INTO org_unit(id, code, name, level) VALUES (1, '001', '网点', 'outlet')").run();
      db.prepare("INSERT INTO client(id, client_no, name, org_unit_id) VALUES (1, 'C1', '张三', 1)").run();
      db.prepare(
        "INSERT INTO import_batch(id, kind, file_name, sha256, size_bytes, format, status, created_by, started_at, finished_at) VALUES (1, 'balances', 'f', 'h', 1, 'csv', 'committed', 'u', 't', 't')",
      ).run();
      expect(() =>
        db.prepare("INSERT INTO balance_snapshot VALUES (1, '2026-10-31', 'deposit_demand', 12.5, NULL, 1)").run(),
      ).toThrow(/datatype|INTEGER/i);
      db.prepare("INSERT INTO balance_snapshot VALUES (1, '2026-10-31', 'deposit_demand', 123456789012, NULL, 1)").run();
      const row = db.prepare('SELECT balance_fen FROM balance_snapshot').get() as { balance_fen: number };
      expect(row.balance_fen).toBe(123456789012);
      db.prepare("INSERT INTO manager(id, staff_no, name) VALUES (1, 'M1', '李四')").run();
      db.prepare("INSERT INTO assignment_change(id, kind, created_by, created_at) VALUES (1, 'manual', 'u', 't')").run();
      expect(() =>
        db
          .prepare(
            "INSERT INTO assignment(client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (1, 1, 'primary', 10000, '2026-05-01', '2026-04-01', 1)",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      store.close();
    }
  });
});
