import { z } from 'zod';
import { backupPolicySchema } from '../../model/backup.js';
import type { BackupInfo, BackupList, BackupPolicy } from '../../model/backup.js';
import { ADMIN_ONLY, op } from '../contract.js';

/**
 * Backups of the open workspace. Restore is deliberately not here: the app cannot have the file it holds open
 * replaced underneath it, so restoring is `branch-workbench restore` with the app closed.
 */
export const backupOps = {
  'backup.create': op<BackupInfo>()({
    summary: 'Back up the workspace now (an encrypted workspace gives an encrypted backup); a few seconds on a large book',
    input: z.object({}).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    long: false,
    // A whole copy of the workspace leaves the store (even if it stays encrypted): audited like an export.
    exports: true,
  }),
  'backup.list': op<BackupList>()({
    summary: 'The backups of this workspace in its backup folder, newest first',
    input: z.object({}).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
  }),
  'backup.policy': op<BackupPolicy>()({
    summary: 'How many backups of each kind are kept, and the hours between scheduled backups',
    input: z.object({}).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
  }),
  'backup.setPolicy': op<BackupPolicy>()({
    summary: 'Change the backup policy (keep counts per kind, 0 = keep all; schedule hours, 0 = off)',
    input: z.object({ policy: backupPolicySchema }).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    mutates: true,
  }),
};
