import path from 'node:path';
import { MIGRATIONS } from '../store/migrations/index.js';
import { systemClock } from '../platform/clock.js';
import { backupStore, listBackups } from '../store/backup.js';
import { restoreBackup } from '../store/backup-restore.js';
import { openStore } from '../store/store.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * `branch-workbench backup [--out DIR] [--list]`: an online backup (the app may stay open: the copy is one
 * consistent snapshot), or the list of backups. The workspace's backup policy rotates manual backups in DIR too.
 */
export function runBackupCommand(common: CommonFlags, flags: Flags, out: Output): void {
  const dir = flags['out'];
  if (dir !== undefined && typeof dir !== 'string') throw new UsageError('--out takes a folder');
  const store = openStore(storeFileOf(common), { create: false, passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const outDir = dir === undefined ? undefined : path.resolve(dir);
    if (flags['list'] === true) {
      const list = listBackups(store, outDir);
      const lines = list.backups.map((b) => `  ${b.at}  ${b.reason.padEnd(9)}  ${mb(b.bytes).padStart(9)}  ${b.name}`);
      out.result(list, [`备份 Backups in ${list.dir}: ${list.backups.length}`, ...lines].join('\n'));
      return;
    }
    const info = backupStore(store, { dir: outDir, reason: 'manual', clock: systemClock });
    out.result(
      info,
      [
        `备份已完成 Backup written in ${(info.elapsedMs / 1000).toFixed(1)} s: ${info.file}`,
        `  ${mb(info.bytes)}, sha256 ${info.sha256}`,
        ...(info.removed.length > 0 ? [`  轮换删除 Rotated out: ${info.removed.map((f) => path.basename(f)).join(', ')}`] : []),
      ].join('\n'),
    );
  } finally {
    store.close();
  }
}

/**
 * `branch-workbench restore --from BACKUP`: replaces the workspace with a checked backup, after backing up the
 * current one. Refused while the workspace is open anywhere (the app, browser mode, another command).
 */
export function runRestoreCommand(common: CommonFlags, flags: Flags, out: Output): void {
  const from = flags['from'];
  if (typeof from !== 'string' || from === '') throw new UsageError('restore needs --from BACKUP');
  const report = restoreBackup(path.resolve(from), storeFileOf(common), { passphrase: passphraseFromEnv(storeFileOf(common)), clock: systemClock });
  const older = report.userVersion < MIGRATIONS.length;
  out.result(
    report,
    [
      `已恢复 Restored ${report.target}`,
      `  来自 from ${report.from} (sha256 ${report.sha256}${report.checksum === 'matched' ? ', 校验值一致 checksum matched' : ''})`,
      report.safetyBackup === null ? '  原工作区不存在 There was no workspace to keep' : `  恢复前的工作区已另存 The workspace as it was is kept in ${report.safetyBackup}`,
      ...(older ? [`  备份版本 ${report.userVersion} 较旧，下次打开时将自动升级 Schema ${report.userVersion} will be migrated on next open`] : []),
    ].join('\n'),
  );
}
