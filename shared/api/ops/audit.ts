import { z } from 'zod';
import { ADMIN_ONLY, op } from '../contract.js';
import type { ExportedFile } from './import.js';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** A value that survives JSON: what detail, before and after hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One entry of the audit log as the viewer shows it. */
export interface AuditEntryView {
  id: number;
  /** ISO 8601 instant, UTC. */
  at: string;
  username: string;
  role: string;
  action: string;
  outcome: AuditOutcome;
  entity: string | null;
  entityId: string | null;
  detail: JsonValue | null;
  before: JsonValue | null;
  after: JsonValue | null;
  hash: string;
}

export interface AuditPage {
  rows: AuditEntryView[];
  /** Pass back as `before` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

export type AuditBreakReason = 'hash mismatch' | 'chain break';

export interface AuditVerifyReport {
  ok: boolean;
  /** Entries read. */
  entries: number;
  /** The last entry read (0 when the log is empty). */
  lastId: number;
  /** What the store records as the newest entry; null before the first one. */
  head: { id: number; hash: string } | null;
  /**
   * The first entry that fails: 'hash mismatch' when its content no longer gives its hash (edited), 'chain break'
   * when it does not follow the entry before it (an entry deleted or moved), or when the log no longer ends at the
   * recorded head (its tail deleted; the id is then the first missing entry).
   */
  firstBroken?: { id: number; reason: AuditBreakReason };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Filters of the viewer and of the export; dates are local calendar days, both ends included. */
export const auditFiltersSchema = z
  .object({
    username: optionalText(100),
    /** `clients` matches `clients.export`, `clients.saveView` …; `clients.export` matches only itself. */
    action: optionalText(100),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Found in the entity, its id or the detail. */
    text: optionalText(200),
  })
  .strict();

export type AuditFilters = z.input<typeof auditFiltersSchema>;

export const AUDIT_PAGE_MAX = 500;

export const auditOps = {
  'audit.list': op<AuditPage>()({
    summary: 'Audit log entries matching the filters, newest first, one keyset page at a time',
    input: z
      .object({
        filters: auditFiltersSchema.default({}),
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
      })
      .strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
  }),
  'audit.export': op<ExportedFile>()({
    summary: 'The filtered audit log as an .xlsx workbook, newest first',
    input: z.object({ filters: auditFiltersSchema.default({}) }).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
    // Exporting the log is itself recorded, like every export.
    exports: true,
  }),
  'audit.verify': op<AuditVerifyReport>()({
    summary: 'Recompute every hash of the audit chain and compare its end with the recorded head',
    input: z.object({}).strict(),
    roles: ADMIN_ONLY,
    scope: 'any',
  }),
};
