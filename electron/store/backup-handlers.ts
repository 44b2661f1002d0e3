import type { DomainHandlers } from '../api/types.js';
import { backupStore, listBackups, readBackupPolicy, writeBackupPolicy } from './backup.js';

export const backupHandlers: DomainHandlers<'backup'> = {
  // On the app's own connection: VACUUM INTO only reads, so other readers and a job's writer carry on meanwhile.
  'backup.create': (_input, ctx) => backupStore(ctx.store, { reason: 'manual', clock: ctx.clock }),
  'backup.list': (_input, ctx) => listBackups(ctx.store),
  'backup.policy': (_input, ctx) => readBackupPolicy(ctx.store),
  'backup.setPolicy': (input, ctx) => writeBackupPolicy(ctx.store, input.policy),
};
