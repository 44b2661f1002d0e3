import { z } from 'zod';

/** Why a backup was taken; part of its file name, and each reason rotates on its own. */
export const BACKUP_REASONS = ['manual', 'scheduled', 'import', 'migration', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Stored as the setting `backup.policy`. */
export const BACKUP_POLICY_KEY = 'backup.policy';

/** How many backups of one reason to keep; 0 keeps every one (a "keep none" would delete the backup just made). */
const keepCount = z.number().int().min(0).max(1000);

export const backupPolicySchema = z
  .object({
    keep: z.object({ manual: keepCount, scheduled: keepCount, import: keepCount, migration: keepCount, restore: keepCount }).strict(),
    /** Hours between scheduled backups; 0 turns the schedule off. */
    scheduleHours: z.number().int().min(0).max(24 * 31),
  })
  .strict();
export type BackupPolicy = z.infer<typeof backupPolicySchema>;

/**
 * Migration and pre-restore backups are kept forever by default: they are rare, and each is the only copy of
 * the workspace as it was before something irreversible.
 */
export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  keep: { manual: 20, scheduled: 14, import: 10, migration: 0, restore: 0 },
  scheduleHours: 24,
};

/** One backup file as listed. `at` is when it was taken (ISO, from its name). */
export interface BackupFile {
  file: string;
  name: string;
  bytes: number;
  reason: BackupReason;
  at: string;
}

/** A backup just taken: its checksum (also written next to it as `<name>.sha256`) and how long it took. */
export interface BackupInfo extends BackupFile {
  sha256: string;
  elapsedMs: number;
  /** Older backups of the same reason removed by rotation. */
  removed: string[];
}

export interface BackupList {
  dir: string;
  backups: BackupFile[];
}
