import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../platform/app-error.js';
import type { Clock } from '../platform/clock.js';
import { systemClock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/types.js';
import { Sqlite, sqliteCode } from './sqlite.js';
import type { Database } from './sqlite.js';

const log = createLogger('store');

/** Marks a SQLite file as ours ('BWK1'), so we never migrate somebody else's database. */
export const APPLICATION_ID = 0x42574b31;

export interface Store {
  readonly db: Database;
  readonly file: string;
  readonly schemaVersion: number;
  /** Runs `fn` in one synchronous transaction; any throw rolls everything back. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenStoreOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  clock?: Clock;
  /** Where pre-migration backups go; default `<store folder>/backups`. */
  backupDir?: string;
  /** The migration list; tests pass a prefix to build an older schema. */
  migrations?: readonly Migration[];
  /**
   * The workspace passphrase. A new store is created encrypted with it; an existing one must have been encrypted
   * with it. SQLCipher-compatible (AES-256, PBKDF2-HMAC-SHA512 key derivation with a per-file salt), WAL included.
   */
  passphrase?: string | undefined;
}

/** SQLCipher 4 format, so other SQLCipher tools can open the file with the passphrase. */
export function applyKey(db: Database, passphrase: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.key(Buffer.from(passphrase, 'utf8'));
}

function keyRefused(file: string, encrypted: boolean): AppError {
  return new AppError(
    'STORE_KEY',
    encrypted
      ? { zh: `工作区 ${file} 已加密：口令不正确，或没有提供口令（BW_PASSPHRASE）。`, en: `Workspace ${file} is encrypted: the passphrase is wrong or was not given (BW_PASSPHRASE).` }
      : { zh: `工作区 ${file} 未加密，却提供了口令。`, en: `Workspace ${file} is not encrypted, but a passphrase was given.` },
    { file },
  );
}

/** A plain SQLite file starts with this header; an encrypted one does not. */
function isPlainSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
}

/** An existing, non-empty workspace file without the plain SQLite header: encrypted (or not a database at all). */
export function looksEncrypted(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).size > 0 && !isPlainSqlite(file);
}

function pragmaNumber(db: Database, name: string): number {
  return db.pragma(name, { simple: true }) as number;
}

function hasUserTables(db: Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as {
    n: number;
  };
  return row.n > 0;
}

function backupBeforeMigration(db: Database, file: string, fromVersion: number, opts: OpenStoreOptions): string {
  const dir = opts.backupDir ?? path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = (opts.clock ?? systemClock).now().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, path.extname(file))}-v${fromVersion}-${stamp}.db`);
  // VACUUM INTO writes a consistent, compacted copy from inside this connection, WAL included.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

function applyMigrations(db: Database, migrations: readonly Migration[], from: number): void {
  const run = db.transaction(() => {
    for (const m of migrations.slice(from)) {
      log.info('applying migration', { id: m.id, name: m.name });
      m.up(db);
    }
    db.pragma(`user_version = ${migrations.length}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  });
  run.immediate();
}

/**
 * Opens (and if needed creates and migrates) a workspace store.
 * WAL, foreign keys on, synchronous FULL; refuses a store newer than this app and files that are not ours.
 */
export function openStore(file: string, opts: OpenStoreOptions = {}): Store {
  const migrations = opts.migrations ?? MIGRATIONS;
  const exists = fs.existsSync(file);
  if (!exists && opts.create === false) {
    throw new AppError('NOT_FOUND', { zh: `找不到工作区文件：${file}`, en: `Workspace file not found: ${file}` });
  }
  if (!exists) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  const encrypted = exists && fs.statSync(file).size > 0 && !isPlainSqlite(file);
  let db: Database;
  try {
    db = new Sqlite(file);
    if (opts.passphrase !== undefined && opts.passphrase !== '') {
      if (exists && !encrypted && fs.statSync(file).size > 0) {
        db.close();
        throw keyRefused(file, false);
      }
      applyKey(db, opts.passphrase);
    }
    // Temporary tables and sorts stay in memory: nothing decrypted is ever spilled to a temp file.
    db.pragma('temp_store = MEMORY');
    // Every page read from disk is decrypted and its HMAC checked; a larger page cache (64 MB instead of 8) keeps
    // the pages a recompute or a long list reads again from being decrypted again.
    if (opts.passphrase !== undefined && opts.passphrase !== '') db.pragma('cache_size = -65536');
    db.pragma('journal_mode = WAL');
  } catch (e) {
    if (e instanceof AppError) throw e;
    // An encrypted store, like any SQLite file, is a whole number of pages (at least 512 bytes each); anything
    // else is some other file, whatever passphrase is given.
    if (sqliteCode(e) === 'SQLITE_NOTADB' && encrypted && fs.statSync(file).size % 512 === 0) throw keyRefused(file, true);
    throw new AppError(
      'STORE_UNREADABLE',
      { zh: `无法打开工作区文件 ${file}：${String(e)}`, en: `Cannot open workspace file ${file}: ${String(e)}` },
      { file },
    );
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');

    const version = pragmaNumber(db, 'user_version');
    const appId = pragmaNumber(db, 'application_id');
    if (version > migrations.length) {
      throw new AppError(
        'STORE_TOO_NEW',
        {
          zh: `工作区版本 ${version} 高于本程序支持的 ${migrations.length}，请升级网点管户工作台。`,
          en: `Workspace schema version ${version} is newer than this app supports (${migrations.length}); please upgrade.`,
        },
        { file, version, supported: migrations.length },
      );
    }
    if (appId !== APPLICATION_ID && (version > 0 || hasUserTables(db))) {
      throw new AppError(
        'STORE_UNREADABLE',
        { zh: `${file} 不是网点管户工作台的工作区文件。`, en: `${file} is not a Branch Workbench workspace.` },
        { file },
      );
    }
    if (version < migrations.length) {
      if (version > 0) {
        const backup = backupBeforeMigration(db, file, version, opts);
        log.info('backed up store before migration', { backup });
      }
      applyMigrations(db, migrations, version);
    }
  } catch (e) {
    db.close();
    throw e;
  }

  const opened = db;
  const store: Store = {
    db: opened,
    file,
    schemaVersion: pragmaNumber(opened, 'user_version'),
    transaction: <T>(fn: () => T): T => opened.transaction(fn).immediate(),
    close: () => {
      if (opened.open) opened.close();
    },
  };
  if (opts.passphrase !== undefined && opts.passphrase !== '') PASSPHRASES.set(store, opts.passphrase);
  return store;
}

/** Passphrases of open stores, kept off the Store object so nothing logs or serialises them by accident. */
const PASSPHRASES = new WeakMap<Store, string>();

/** What another connection to the same store needs (a job's worker thread). */
export function passphraseOf(store: Store): string | undefined {
  return PASSPHRASES.get(store);
}

/** Whether the store file is encrypted. */
export function isEncrypted(store: Store): boolean {
  return PASSPHRASES.has(store);
}

/**
 * Re-encrypts the store under a new passphrase (or encrypts a plain one). SQLite3 Multiple Ciphers cannot rekey
 * in WAL mode, so the journal goes to DELETE for the rekey and back to WAL after; other connections must be closed.
 */
export function rekeyStore(store: Store, passphrase: string): void {
  const db = store.db;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    if (!PASSPHRASES.has(store)) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
    }
    db.rekey(Buffer.from(passphrase, 'utf8'));
  } finally {
    db.pragma('journal_mode = WAL');
  }
  PASSPHRASES.set(store, passphrase);
}
