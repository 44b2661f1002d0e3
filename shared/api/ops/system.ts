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
  'system.summary': op<WorkspaceSummary>()({
    summary: 'Counts of what the workspace holds, for the dashboard and empty states',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'org',
  }),
};
