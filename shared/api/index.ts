import type { z } from 'zod';
import type { OpSpec } from './contract.js';
import { isListedOpName } from './op-names.js';
import type { ListedOpName } from './op-names.js';
import { auditOps } from './ops/audit.js';
import { assignmentOps } from './ops/assignment.js';
import { authOps } from './ops/auth.js';
import { backupOps } from './ops/backup.js';
import { bookOps } from './ops/book.js';
import { clientsOps } from './ops/clients.js';
import { coverageOps } from './ops/coverage.js';
import { dashboardOps } from './ops/dashboard.js';
import { demoOps } from './ops/demo.js';
import { evaluationOps } from './ops/evaluation.js';
import { handoverOps } from './ops/handover.js';
import { importOps } from './ops/import.js';
import { orgOps } from './ops/org.js';
import { packageOps } from './ops/package.js';
import { preferencesOps } from './ops/preferences.js';
import { systemOps } from './ops/system.js';
import { targetsOps } from './ops/targets.js';
import { reportsOps } from './ops/reports.js';
import { tasksOps } from './ops/tasks.js';
import { templatesOps } from './ops/templates.js';
import { worklogOps } from './ops/worklog.js';

/** The whole API: every operation the renderer may ask of the main process. */
export const api = {
  ...systemOps,
  ...authOps,
  ...preferencesOps,
  ...demoOps,
  ...importOps,
  ...orgOps,
  ...clientsOps,
  ...bookOps,
  ...assignmentOps,
  ...coverageOps,
  ...handoverOps,
  ...evaluationOps,
  ...packageOps,
  ...backupOps,
  ...auditOps,
  ...worklogOps,
  ...tasksOps,
  ...targetsOps,
  ...dashboardOps,
  ...reportsOps,
  ...templatesOps,
} as const;

export type Api = typeof api;
export type OpName = keyof Api;
/** What a caller sends (defaults not yet applied). */
export type OpInput<K extends OpName> = z.input<Api[K]['input']>;
/** What a handler receives (validated, defaults applied). */
export type OpParsed<K extends OpName> = z.output<Api[K]['input']>;
export type OpOutput<K extends OpName> = Api[K] extends OpSpec<z.ZodType, infer O> ? O : never;

// Compile-time proof that the preload's name list (op-names.ts) and the contract hold the same names.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesAgree: Same<OpName, ListedOpName> = true;
void namesAgree;

export function isOpName(name: unknown): name is OpName {
  return isListedOpName(name);
}

export type { ApiError, ApiResult, ErrorCode } from './errors.js';
export type { Progress, Role, Scope } from './contract.js';
