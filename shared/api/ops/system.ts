import { z } from 'zod';
import { ALL_ROLES, op } from '../contract.js';
import type { Role } from '../contract.js';

export type RunMode = 'electron' | 'browser' | 'cli';

export interface AppInfo {
  appName: string;
  version: string;
  mode: RunMode;
  storeFile: string;
  schemaVersion: number;
  migrationCount: number;
  sqliteVersion: string;
  /** Who the caller is, so the UI can offer only what the role may do (the server still checks). */
  session: { userName: string; role: Role };
  /**
   * An encrypted workspace started without a usable key: nothing but this and `system.unlock` answers until the
   * passphrase is typed in the window (the store facts above are then unknown: schema 0, no SQLite version).
   */
  locked: boolean;
  /** While locked: what unlocks it — the workspace passphrase, or the recovery passphrase of its key envelope. */
  unlockWith?: 'passphrase' | 'recovery';
}

export interface UnlockResult {
  /** The workspace is open; the renderer boots again and continues to sign-in. */
  open: true;
}

export interface WorkspaceSummary {
  orgUnits: number;
  managers: number;
  clients: number;
  balanceSnapshots: number;
  holdings: number;
  transactions: number;
  contacts: number;
  /** Latest as-of date of any balance snapshot, ISO date, or null when nothing is loaded. */
  latestAsOf: string | null;
}

export const systemOps = {
  'system.info': op<AppInfo>()({
    summary: 'Application, run mode and store facts',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
    public: true,
  }),
  'system.unlock': op<UnlockResult>()({
    summary: 'Open an encrypted workspace that started locked, with its passphrase (or its recovery passphrase)',
    input: z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
    roles: ALL_ROLES,
    scope: 'any',
    public: true,
  }),
  'system.summary': op<WorkspaceSummary>()({
    summary: 'Counts of what the workspace holds, for the dashboard and empty states',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'org',
  }),
};
