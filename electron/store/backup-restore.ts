import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_POLICY_KEY } from '../../shared/model/backup.js';
import { AppError } from '../platform/app-error.js';
import type { Clock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import { backupPolicyFrom, rotateBackups, writeBackupCopy } from './backup.js';
import { checkBackupCopy } from './backup-check.js';
import { PARTIAL_SUFFIX, defaultBackupDir, fsyncDir, fsyncFile, newBackupPath, readChecksum, sha256OfFile, storeNameOf, writeChecksum } from './backup-files.js';
import { Sqlite, sqliteCode } from './sqlite.js';
import type { Database } from './sqlite.js';
import { applyKey } from './store.js';

const log = createLogger('restore');

export interface RestoreOptions {
  /** The passphrase of the backup (and, normally, of the workspace it replaces). */
  passphrase?: string | undefined;
  clock: Clock;
  /** Where the pre-restore copy of the target goes; default `<target folder>/backups`. */
  backupDir?: string | undefined;
}

export interface RestoreReport {
  from: string;
  target: string;
  /** Schema version of the restored file; an older one is migrated the next time the workspace opens. */
  userVersion: number;
  sha256: string;
  /** Whether the backup's checksum file was there and matched (an encrypted copy is also proven by its page HMACs). */
  checksum: 'matched' | 'absent';
  /** The copy of the workspace as it was before the restore, or null when there was no workspace. */
  safetyBackup: string | null;
  elapsedMs: number;
}

function inUse(target: string): AppError {
  return new AppError(
    'STORE_LOCKED',
    {
      zh: `工作区 ${target} 正在被使用（工作台或浏览器模式仍打开着它）。请先关闭程序再恢复。`,
      en: `Workspace ${target} is in use (the app or browser mode still has it open). Close it before restoring.`,
    },
    { file: target },
  );
}

function openTarget(target: string, passphrase: string | undefined): Database | null {
  const db = new Sqlite(target, { fileMustExist: true });
  try {
    if (passphrase !== undefined && passphrase !== '') applyKey(db, passphrase);
    // Fail at once rather than wait: any other connection means the file is open somewhere.
    db.pragma('busy_timeout = 0');
    // Leaving WAL needs every other connection closed, so this is the in-use check; it also folds the WAL into
    // the file. SQLite's locks are honoured by every process, unlike a lock file left behind by a crash.
    const mode = db.pragma('journal_mode = DELETE', { simple: true }) as string;
    if (mode !== 'delete') throw inUse(target);
    return db;
  } catch (e) {
    db.close();
    const code = sqliteCode(e);
    if (e instanceof AppError || code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw e instanceof AppError ? e : inUse(target);
    log.warn('workspace cannot be opened for a pre-restore backup; copying its files as they are', { target, error: String(e) });
    return null;
  }
}

function keepRestoreCopies(db: Database | null): number {
  try {
    const row = db?.prepare('SELECT value FROM setting WHERE key = ?').get(BACKUP_POLICY_KEY) as { value: string } | undefined;
    return backupPolicyFrom(row === undefined ? null : JSON.parse(row.value)).keep.restore;
  } catch {
    return backupPolicyFrom(null).keep.restore;
  }
}

/**
 * A workspace that cannot be opened (another passphrase, or damaged: often why one restores) is still kept,
 * byte for byte with its WAL: an encrypted file stays encrypted, so this writes no plaintext either.
 */
function rawCopy(target: string, dir: string, at: Date): string {
  if (fs.existsSync(`${target}-shm`)) {
    throw new AppError(
      'STORE_LOCKED',
      {
        zh: `无法用当前口令打开工作区 ${target}，且它可能仍在使用中（存在 -shm 文件）。请先关闭程序；若程序并未运行，请检查口令（BW_PASSPHRASE）。`,
        en: `Workspace ${target} cannot be opened with this passphrase and may still be in use (a -shm file exists). Close the app; if it is not running, check the passphrase (BW_PASSPHRASE).`,
      },
      { file: target },
    );
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = newBackupPath(dir, storeNameOf(target), 'restore', at);
  if (fs.existsSync(`${target}-wal`)) {
    fs.copyFileSync(`${target}-wal`, `${file}-wal`);
    fsyncFile(`${file}-wal`);
  }
  fs.copyFileSync(target, file + PARTIAL_SUFFIX);
  fsyncFile(file + PARTIAL_SUFFIX);
  writeChecksum(file, sha256OfFile(file + PARTIAL_SUFFIX));
  fs.renameSync(file + PARTIAL_SUFFIX, file);
  fsyncDir(dir);
  return file;
}

function safetyBackup(target: string, opts: RestoreOptions): string {
  const dir = opts.backupDir ?? defaultBackupDir(target);
  const at = opts.clock.now();
  const db = openTarget(target, opts.passphrase);
  const keep = keepRestoreCopies(db);
  let file: string | null = null;
  try {
    if (db !== null) file = writeBackupCopy(db, { storeFile: target, dir, reason: 'restore', at, passphrase: opts.passphrase }).file;
  } catch (e) {
    // A damaged workspace may not survive VACUUM INTO or the copy's check: keep its bytes instead.
    log.warn('pre-restore backup failed; copying the workspace files as they are', { target, error: String(e) });
  } finally {
    db?.close();
  }
  file ??= rawCopy(target, dir, at);
  rotateBackups(dir, storeNameOf(target), 'restore', keep);
  return file;
}

/**
 * Replaces a workspace file with a backup. The backup is proven first (checksum when it has one, then opened with
 * the passphrase: ours, not newer than this app, integrity_check ok); the current workspace is backed up
 * (reason 'restore'); then the backup is copied beside the target, flushed, and renamed over it, so the target is
 * at every moment either the old workspace or the whole backup. The target must not be open: the app cannot
 * have its file swapped underneath it, which is why restore is a CLI command and not an API operation.
 */
export function restoreBackup(backupFile: string, targetFile: string, opts: RestoreOptions): RestoreReport {
  const started = performance.now();
  const from = path.resolve(backupFile);
  const target = path.resolve(targetFile);
  if (!fs.existsSync(from)) throw new AppError('NOT_FOUND', { zh: `找不到备份文件：${from}`, en: `Backup file not found: ${from}` }, { file: from });
  if (from === target) {
    throw new AppError('INVALID_INPUT', { zh: '备份文件与要恢复的工作区是同一个文件。', en: 'The backup and the workspace to restore are the same file.' }, { file: from });
  }
  const sha256 = sha256OfFile(from);
  const recorded = readChecksum(from);
  if (recorded !== null && recorded !== sha256) {
    throw new AppError(
      'STORE_UNREADABLE',
      {
        zh: `备份文件 ${path.basename(from)} 与其校验值（.sha256）不符：文件已损坏或被修改，未做任何更改。`,
        en: `Backup file ${path.basename(from)} does not match its checksum (.sha256): it is damaged or was changed; nothing was changed.`,
      },
      { file: from, expected: recorded, actual: sha256 },
    );
  }
  const { userVersion } = checkBackupCopy(from, opts.passphrase);
  const safety = fs.existsSync(target) ? safetyBackup(target, opts) : null;

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = target + PARTIAL_SUFFIX;
  try {
    fs.copyFileSync(from, partial);
    fsyncFile(partial);
    if (sha256OfFile(partial) !== sha256) throw new Error('the copy of the backup differs from the backup');
    // A WAL or journal left beside the target belongs to the old file and would be replayed into the new one.
    for (const leftover of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(leftover, { force: true });
    fs.renameSync(partial, target);
    fsyncDir(path.dirname(target));
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  const elapsedMs = Math.round(performance.now() - started);
  log.info('workspace restored', { from, target, safetyBackup: safety, elapsedMs });
  return { from, target, userVersion, sha256, checksum: recorded === null ? 'absent' : 'matched', safetyBackup: safety, elapsedMs };
}
