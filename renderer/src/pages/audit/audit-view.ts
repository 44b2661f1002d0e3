import { ROLES } from '../../../../shared/api/contract.js';
import type { Role } from '../../../../shared/api/contract.js';
import type { OpInput } from '../../../../shared/api/index.js';
import type { AuditBreakReason, AuditEntryView, AuditFilters, AuditOutcome, AuditVerifyReport, JsonValue } from '../../../../shared/api/ops/audit.js';
import type { MessageKey, Translate } from '../../i18n/messages.js';

export const AUDIT_PAGE_SIZE = 50;

/** The filter fields as typed; empty means "any". */
export interface AuditFilterForm {
  username: string;
  action: string;
  outcome: AuditOutcome | '';
  from: string;
  to: string;
  text: string;
}

export const EMPTY_AUDIT_FORM: AuditFilterForm = { username: '', action: '', outcome: '', from: '', to: '', text: '' };

/** The filters the server takes: trimmed, empty fields left out (so they do not fail its date check). */
export function filtersOf(form: AuditFilterForm): AuditFilters {
  const out: AuditFilters = {};
  const username = form.username.trim();
  const action = form.action.trim();
  const text = form.text.trim();
  if (username !== '') out.username = username;
  if (action !== '') out.action = action;
  if (form.outcome !== '') out.outcome = form.outcome;
  if (form.from !== '') out.from = form.from;
  if (form.to !== '') out.to = form.to;
  if (text !== '') out.text = text;
  return out;
}

/** Where the viewer is: the applied filters and the `before` cursor of every page newer than this one. */
export interface AuditPaging {
  filters: AuditFilters;
  befores: readonly number[];
}

export function firstAuditPage(filters: AuditFilters): AuditPaging {
  return { filters, befores: [] };
}

export function auditPageNumber(paging: AuditPaging): number {
  return paging.befores.length + 1;
}

export function auditPageInput(paging: AuditPaging, limit = AUDIT_PAGE_SIZE): OpInput<'audit.list'> {
  const before = paging.befores[paging.befores.length - 1];
  return { filters: paging.filters, limit, ...(before === undefined ? {} : { before }) };
}

export function olderPage(paging: AuditPaging, nextCursor: number | null): AuditPaging {
  return nextCursor === null ? paging : { ...paging, befores: [...paging.befores, nextCursor] };
}

export function newerPage(paging: AuditPaging): AuditPaging {
  return paging.befores.length === 0 ? paging : { ...paging, befores: paging.befores.slice(0, -1) };
}

export const outcomeKey = (outcome: AuditOutcome): MessageKey => `audit.outcome.${outcome}`;

/** Roles are recorded as text; one the app no longer knows is shown as recorded. */
export function roleLabel(role: string, t: Translate): string {
  return (ROLES as readonly string[]).includes(role) ? t(`auth.role.${role as Role}`) : role;
}

const REASON_KEYS: Readonly<Record<AuditBreakReason, MessageKey>> = {
  'hash mismatch': 'audit.reason.hashMismatch',
  'chain break': 'audit.reason.chainBreak',
};

export function verifyText(report: AuditVerifyReport, t: Translate): string {
  if (report.firstBroken === undefined) return t('audit.verifyOk', { entries: report.entries });
  return t('audit.verifyBroken', { id: report.firstBroken.id, reason: t(REASON_KEYS[report.firstBroken.reason]) });
}

/** Local wall-clock time to the second, the same in both languages so entries line up. */
export function formatAuditTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function entityText(row: Pick<AuditEntryView, 'entity' | 'entityId'>): string {
  return [row.entity, row.entityId].filter((x): x is string => x !== null && x !== '').join(' ') || '—';
}

export function prettyJson(value: JsonValue | null): string {
  return JSON.stringify(value, null, 2);
}

/** Whether an entry has anything to expand. */
export function hasDetails(row: Pick<AuditEntryView, 'detail' | 'before' | 'after'>): boolean {
  return row.detail !== null || row.before !== null || row.after !== null;
}
