import type { AuditOutcome } from '../../shared/api/ops/audit.js';
import type { Session } from '../api/types.js';
import type { AuditEntry } from './audit.js';

/** One API call as the dispatcher sees it, to be recorded. */
export interface AuditedCall {
  session: Pick<Session, 'userName' | 'role'>;
  /** The operation name, or an event such as `auth.loginFailed`. */
  operation: string;
  outcome: AuditOutcome;
  at: Date;
  /** The validated input; secrets and bulk are trimmed before it is stored (see redactForAudit). */
  input?: unknown;
  error?: { code: string; message: string };
  entity?: string | null;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Key names whose values never go into the log: a password in the audit trail would outlive its change. */
const SECRET_KEY = /pass(word|phrase)|secret|token|base64|bytes/i;
const MAX_TEXT = 1000;
const MAX_ITEMS = 100;

/**
 * A copy of a call's input fit for the log: secrets replaced, long text and long lists cut (an uploaded file or
 * a 10,000-row mapping would otherwise make every entry huge), with the cut said in place.
 */
export function redactForAudit(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…(+${value.length - MAX_TEXT})` : value;
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (depth > 8) return '[…]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((v: unknown) => redactForAudit(v, depth + 1));
    return value.length > MAX_ITEMS ? [...kept, `…(+${value.length - MAX_ITEMS})`] : kept;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactForAudit(v, depth + 1);
  return out;
}

/** The audit entry for one call: who, when, what, with the (redacted) input and any error as the detail. */
export function auditEntryForCall(call: AuditedCall): AuditEntry {
  const detail: Record<string, unknown> = {};
  if (call.input !== undefined) detail['input'] = redactForAudit(call.input);
  if (call.error !== undefined) detail['error'] = { code: call.error.code, message: call.error.message };
  return {
    at: call.at,
    username: call.session.userName,
    role: call.session.role,
    action: call.operation,
    outcome: call.outcome,
    entity: call.entity ?? null,
    entityId: call.entityId ?? null,
    detail: Object.keys(detail).length === 0 ? undefined : detail,
    before: call.before,
    after: call.after,
  };
}
