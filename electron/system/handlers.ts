import type { DomainHandlers } from '../api/types.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { workspaceSummary } from './summary.js';

export const systemHandlers: DomainHandlers<'system'> = {
  'system.info': (_input, ctx) => ({
    appName: 'Branch Workbench',
    version: ctx.version,
    mode: ctx.mode,
    storeFile: ctx.store.file,
    schemaVersion: ctx.store.schemaVersion,
    migrationCount: MIGRATIONS.length,
    sqliteVersion: (ctx.store.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    session: { userName: ctx.session.userName, role: ctx.session.role },
    locked: false,
  }),
  // The workspace is already open (the locked state is answered by electron/app-gate.ts before any handler).
  'system.unlock': () => ({ open: true }),
  'system.summary': (_input, ctx) => workspaceSummary(ctx.store),
};
