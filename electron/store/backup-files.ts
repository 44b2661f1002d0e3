import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_REASONS } from '../../shared/model/backup.js';
import type { BackupFile, BackupReason } from '../../shared/model/backup.js';

/**
 * Names and files of backups. A backup is `<store>-<reason>-<UTC stamp>[-n].db` (colons and dots of the ISO time
 * become dashes: Windows forbids colons in names), with `<name>.sha256` next to it. Everything about a backup
 * that lists and rotation need is in its name, so nothing has to be read from inside an encrypted copy.
 */

export const PARTIAL_SUFFIX = '.partial';
export const CHECKSUM_SUFFIX = '.sha256';

const STAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z`;
const NAME = new RegExp(`^(.*)-(${BACKUP_REASONS.join('|')})-(${STAMP})(?:-(\\d+))?\\.db$`);
/** Pre-migration copies written by openStore: `<store>-v<from version>-<stamp>.db`. */
const MIGRATION_NAME = new RegExp(`^(.*)-v\\d+-(${STAMP})\\.db$`);

export function defaultBackupDir(storeFile: string): string {
  return path.join(path.dirname(path.resolve(storeFile)), 'backups');
}

export function storeNameOf(storeFile: string): string {
  return path.basename(storeFile, path.extname(storeFile));
}

function stampOf(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function isoOfStamp(stamp: string): string {
  const [date = '', time = ''] = stamp.split('T');
  const [h, m, s, ms] = time.replace(/Z$/, '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

interface ParsedName {
  storeName: string;
  reason: BackupReason;
  at: string;
  seq: number;
}

export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (m !== null) return { storeName: m[1] ?? '', reason: m[2] as BackupReason, at: isoOfStamp(m[3] ?? ''), seq: Number(m[4] ?? '1') };
  const legacy = MIGRATION_NAME.exec(name);
  if (legacy !== null) return { storeName: legacy[1] ?? '', reason: 'migration', at: isoOfStamp(legacy[2] ?? ''), seq: 1 };
  return null;
}

/**
 * A free name for a new backup. Two backups in the same millisecond (a fixed test clock, or a manual backup
 * racing the schedule) get `-2`, `-3` … rather than overwriting each other; always above the highest number in use,
 * so the newest sorts newest even after rotation removed a lower one.
 */
export function newBackupPath(dir: string, storeName: string, reason: BackupReason, at: Date): string {
  const base = `${storeName}-${reason}-${stampOf(at)}`;
  let seq = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const parsed = name.startsWith(base) ? parseBackupName(name.endsWith(PARTIAL_SUFFIX) ? name.slice(0, -PARTIAL_SUFFIX.length) : name) : null;
    if (parsed !== null && parsed.storeName === storeName && parsed.reason === reason && parsed.at === at.toISOString()) seq = Math.max(seq, parsed.seq);
  }
  return path.join(dir, `${base}${seq === 0 ? '' : `-${seq + 1}`}.db`);
}

/** The backups of one store in a folder, newest first (a `.partial` never counts: it is not a backup yet). */
export function listBackupFiles(dir: string, storeName: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const found: Array<BackupFile & { seq: number }> = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (parsed === null || parsed.storeName !== storeName) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) continue;
    found.push({ file, name, bytes: stat.size, reason: parsed.reason, at: parsed.at, seq: parsed.seq });
  }
  found.sort((a, b) => (a.at === b.at ? b.seq - a.seq : a.at < b.at ? 1 : -1));
  return found.map(({ seq: _seq, ...f }) => f);
}

/** Flushes a file to the disk; SQLite does not fsync what VACUUM INTO writes. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync, and NTFS journals renames itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function sha256OfFile(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** `sha256sum` format, so the checksum can be checked by hand too. */
export function writeChecksum(backupFile: string, sha256: string): void {
  const file = backupFile + CHECKSUM_SUFFIX;
  fs.writeFileSync(file, `${sha256}  ${path.basename(backupFile)}\n`);
  fsyncFile(file);
}

/** The recorded checksum of a backup, or null when it has none (copied without it, or an old pre-migration copy). */
export function readChecksum(backupFile: string): string | null {
  const file = backupFile + CHECKSUM_SUFFIX;
  if (!fs.existsSync(file)) return null;
  const m = /^([0-9a-f]{64})\b/.exec(fs.readFileSync(file, 'utf8'));
  return m?.[1] ?? null;
}

/** A backup, its checksum, and the WAL of a raw pre-restore copy (see backup-restore.ts). */
export function removeBackup(file: string): void {
  for (const f of [file, file + CHECKSUM_SUFFIX, `${file}-wal`]) fs.rmSync(f, { force: true });
}

/** Leftovers of a backup interrupted by a crash or power cut: old enough that no backup can still be writing them. */
const STALE_MS = 24 * 3600 * 1000;

/** Removes such leftovers of one store: `.partial` copies, and checksums whose backup never got its final name. */
export function removeStaleLeftovers(dir: string, storeName: string, nowMs: number = Date.now()): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const isPartial = name.endsWith(PARTIAL_SUFFIX);
    const isChecksum = name.endsWith(CHECKSUM_SUFFIX);
    if (!isPartial && !isChecksum) continue;
    const backupName = name.slice(0, -(isPartial ? PARTIAL_SUFFIX : CHECKSUM_SUFFIX).length);
    if (parseBackupName(backupName)?.storeName !== storeName) continue;
    if (isChecksum && fs.existsSync(path.join(dir, backupName))) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat === undefined || nowMs - stat.mtimeMs < STALE_MS) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}
