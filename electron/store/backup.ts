import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_POLICY_KEY, DEFAULT_BACKUP_POLICY, backupPolicySchema } from '../../shared/model/backup.js';
import type { BackupFile, BackupInfo, BackupList, BackupPolicy, BackupReason } from '../../shared/model/backup.js';
import type { Clock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import { checkBackupCopy } from './backup-check.js';
import {
  PARTIAL_SUFFIX,
  defaultBackupDir,
  fsyncDir,
  fsyncFile,
  listBackupFiles,
  newBackupPath,
  removeBackup,
  removeStaleLeftovers,
  sha256OfFile,
  storeNameOf,
  writeChecksum,
} from './backup-files.js';
import { readSetting, writeSetting } from './settings.js';
import type { Database } from './sqlite.js';
import { passphraseOf } from './store.js';
import type { Store } from './store.js';

const log = createLogger('backup');

export interface BackupOptions {
  /** Default `<store folder>/backups`. */
  dir?: string | undefined;
  reason: BackupReason;
  clock: Clock;
}

/** A stored policy over the defaults; a field that no longer validates falls back to its default. */
export function backupPolicyFrom(stored: unknown): BackupPolicy {
  if (stored === null || typeof stored !== 'object') return DEFAULT_BACKUP_POLICY;
  const keep = (stored as { keep?: unknown }).keep;
  const merged = { ...DEFAULT_BACKUP_POLICY, ...stored, keep: { ...DEFAULT_BACKUP_POLICY.keep, ...(typeof keep === 'object' ? keep : {}) } };
  const parsed = backupPolicySchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_BACKUP_POLICY;
}

export function readBackupPolicy(store: Store): BackupPolicy {
  return backupPolicyFrom(readSetting<unknown>(store, BACKUP_POLICY_KEY, null));
}

export function writeBackupPolicy(store: Store, policy: BackupPolicy): BackupPolicy {
  store.transaction(() => writeSetting(store, BACKUP_POLICY_KEY, backupPolicySchema.parse(policy)));
  return readBackupPolicy(store);
}

/** Whether the workspace holds anything worth a backup (an empty one is skipped before its first import). */
export function storeHoldsData(store: Store): boolean {
  const row = store.db
    .prepare(
      'SELECT EXISTS (SELECT 1 FROM import_batch) OR EXISTS (SELECT 1 FROM client) OR EXISTS (SELECT 1 FROM org_unit) OR EXISTS (SELECT 1 FROM manager) AS any',
    )
    .get() as { any: number };
  return row.any === 1;
}

/**
 * Writes a verified copy (`quick_check`, backup-check.ts) of an open database into `dir`. VACUUM INTO rather than SQLite's online backup API:
 * the backup API refuses an encrypted source ("backup is not supported with incompatible source and target
 * databases"), while VACUUM INTO reads one consistent snapshot on this connection (WAL included, other writers
 * carry on) and writes pages through the same cipher, so the copy is encrypted with the same key and no plaintext
 * ever reaches the disk. The copy goes to a `.partial` name and is renamed only once flushed and checked, so a
 * crash never leaves a half-written file that looks like a backup.
 */
export function writeBackupCopy(
  db: Database,
  opts: { storeFile: string; dir: string; reason: BackupReason; at: Date; passphrase: string | undefined },
): BackupFile & { sha256: string } {
  fs.mkdirSync(opts.dir, { recursive: true });
  const file = newBackupPath(opts.dir, storeNameOf(opts.storeFile), opts.reason, opts.at);
  const partial = file + PARTIAL_SUFFIX;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    checkBackupCopy(partial, opts.passphrase, 'quick');
    const sha256 = sha256OfFile(partial);
    // The checksum first: a backup that exists always has one (an orphan checksum is harmless).
    writeChecksum(file, sha256);
    fs.renameSync(partial, file);
    fsyncDir(opts.dir);
    return { file, name: path.basename(file), bytes: fs.statSync(file).size, reason: opts.reason, at: opts.at.toISOString(), sha256 };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** Keeps the newest `keep` backups of one reason (0 keeps all) and clears crash leftovers; returns the files removed. */
export function rotateBackups(dir: string, storeName: string, reason: BackupReason, keep: number): string[] {
  if (keep <= 0) return removeStaleLeftovers(dir, storeName);
  const old = listBackupFiles(dir, storeName)
    .filter((b) => b.reason === reason)
    .slice(keep);
  for (const b of old) removeBackup(b.file);
  return [...old.map((b) => b.file), ...removeStaleLeftovers(dir, storeName)];
}

/** Takes a backup of an open store: verified, checksummed, then older ones of the same reason rotated out. */
export function backupStore(store: Store, opts: BackupOptions): BackupInfo {
  const started = performance.now();
  const dir = opts.dir ?? defaultBackupDir(store.file);
  const made = writeBackupCopy(store.db, { storeFile: store.file, dir, reason: opts.reason, at: opts.clock.now(), passphrase: passphraseOf(store) });
  const removed = rotateBackups(dir, storeNameOf(store.file), opts.reason, readBackupPolicy(store).keep[opts.reason]);
  const elapsedMs = Math.round(performance.now() - started);
  log.info('backup written', { file: made.file, reason: opts.reason, bytes: made.bytes, elapsedMs, removed: removed.length });
  return { ...made, removed, elapsedMs };
}

/** Every backup of this store in its default folder (or `dir`), newest first. */
export function listBackups(store: Store, dir?: string): BackupList {
  const folder = dir ?? defaultBackupDir(store.file);
  return { dir: folder, backups: listBackupFiles(folder, storeNameOf(store.file)) };
}
