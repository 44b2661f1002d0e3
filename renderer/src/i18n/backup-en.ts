import type { backupZh } from './backup-zh.js';

/** The backup card's messages (spread into the English dictionary); the same keys as backupZh. */
export const backupEn = {
  'backup.title': 'Backups',
  'backup.intro':
    'Backups are kept in the backups folder next to the workspace file; an encrypted workspace has encrypted backups. One is taken before every import, before an upgrade and on a schedule. To restore one, close the app and run branch-workbench restore --from BACKUP-FILE.',
  'backup.folder': 'Backup folder: {dir}',
  'backup.now': 'Back up now',
  'backup.running': 'Backing up…',
  'backup.done': 'Backup written: {name} ({size}, {seconds} s)',
  'backup.failed': 'The backup failed',
  'backup.loadFailed': 'The list of backups could not be read',
  'backup.empty': 'No backups yet.',
  'backup.col.time': 'Time',
  'backup.col.reason': 'Kind',
  'backup.col.size': 'Size',
  'backup.col.name': 'File',
  'backup.reason.manual': 'Manual',
  'backup.reason.scheduled': 'Scheduled',
  'backup.reason.import': 'Before import',
  'backup.reason.migration': 'Before upgrade',
  'backup.reason.restore': 'Before restore',
  'backup.policy.title': 'Keeping and schedule',
  'backup.policy.keepHint': 'How many of the newest backups of each kind to keep; 0 keeps all.',
  'backup.policy.keep': 'Keep "{reason}" backups',
  'backup.policy.hours': 'Hours between scheduled backups (0 = off)',
  'backup.policy.save': 'Save',
  'backup.policy.saved': 'Saved',
  'backup.policy.saveFailed': 'The backup settings could not be saved',
  'backup.policy.invalid': 'Enter a whole number from 0 to {max}',
} as const satisfies Record<keyof typeof backupZh, string>;
