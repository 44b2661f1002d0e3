import { z } from 'zod';
import type { EvaluationCard } from '../../evaluation/card.js';
import { schemeSchema } from '../../evaluation/scheme.js';
import type { Scheme } from '../../evaluation/scheme.js';
import type { LocalizedText } from '../../i18n/locale.js';
import { ALL_ROLES, STAFF_ROLES, op } from '../contract.js';
import type { ExportedFile } from './import.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const period = z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected 2026, 2026Q3 or 2026-10');
const runId = z.number().int().positive();

export interface SchemeVersionInfo {
  id: number;
  code: string;
  version: number;
  name: string;
  periodType: Scheme['periodType'];
  validFrom: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  scheme: Scheme;
}

export interface EvaluationRunInfo {
  id: number;
  schemeId: number;
  schemeCode: string;
  schemeVersion: number;
  schemeName: string;
  period: string;
  status: 'draft' | 'review' | 'locked';
  orgUnitId: number | null;
  managers: number;
  complete: number;
  computedBy: string;
  computedAt: string;
  lockedBy: string | null;
  lockedAt: string | null;
}

export interface EvaluationEntryInfo {
  managerId: number;
  itemKey: string;
  /** Points (qualitative) or a count (deductions), as entered. */
  value: number | null;
  comment: string | null;
}

export interface EvaluationSignoffInfo {
  action: string;
  managerId: number | null;
  note: string | null;
  by: string;
  at: string;
}

export interface EvaluationRunDetail {
  run: EvaluationRunInfo;
  scheme: Scheme;
  cards: EvaluationCard[];
  entries: EvaluationEntryInfo[];
  acknowledged: number[];
  trail: EvaluationSignoffInfo[];
}

export interface SchemeProblemInfo {
  item: string | null;
  message: LocalizedText;
}

export const evaluationOps = {
  'evaluation.schemes': op<SchemeVersionInfo[]>()({
    summary: 'Every version of every scorecard scheme (考核方案), newest first',
    input: z.object({}).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'evaluation.checkScheme': op<{ problems: SchemeProblemInfo[]; preview: EvaluationCard[] | null }>()({
    summary: "Check a scheme before saving (weights, methods, gates, indicators) and optionally preview it on a period's data; nothing is stored",
    input: z.object({ scheme: schemeSchema, period: period.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'evaluation.saveScheme': op<SchemeVersionInfo>()({
    summary: 'Save a scheme as a new version in force from a date; refused with every problem listed',
    input: z.object({ scheme: schemeSchema, validFrom: isoDate, note: z.string().trim().max(200).optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'evaluation.compute': op<EvaluationRunInfo>()({
    summary: 'Compute (or recompute) a period with the scheme version in force; a locked period is refused',
    input: z.object({ schemeCode: z.string().min(1).max(32), period }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'evaluation.runs': op<EvaluationRunInfo[]>()({
    summary: 'Evaluation runs, newest first (a client manager sees the runs that include them)',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'evaluation.run': op<EvaluationRunDetail>()({
    summary: "A run's scorecards with their traces, entries and sign-off trail (a client manager: only their own card)",
    input: z.object({ runId }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'evaluation.setEntry': op<{ saved: true }>()({
    summary: 'Enter a qualitative score or a deduction count (with a comment) for a manager in a draft run',
    input: z
      .object({
        runId,
        managerId: z.number().int().positive(),
        itemKey: z.string().min(1).max(32),
        value: z.number().finite().min(0).max(100_000).nullable(),
        comment: z.string().trim().max(500).optional(),
      })
      .strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'evaluation.review': op<{ status: 'review' }>()({
    summary: 'Send a complete draft to the managers for acknowledgement',
    input: z.object({ runId }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'evaluation.acknowledge': op<{ acknowledged: true }>()({
    summary: 'A client manager acknowledges their own sheet (确认)',
    input: z.object({ runId, note: z.string().trim().max(500).optional() }).strict(),
    roles: ['manager'],
    scope: 'own',
    mutates: true,
  }),
  'evaluation.lock': op<{ unacknowledged: number }>()({
    summary: 'Lock a run under acknowledgement: it never changes silently afterwards',
    input: z.object({ runId }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'evaluation.diff': op<{ changed: boolean; changes: Array<{ managerId: number; item: string | null; before: string | null; after: string | null }> }>()({
    summary: 'What computing a locked run again would change (after a re-import); nothing is stored',
    input: z.object({ runId }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'evaluation.reopen': op<{ status: 'draft' }>()({
    summary: 'Reopen a locked run with a written reason (audited)',
    input: z.object({ runId, reason: z.string().trim().min(4).max(500) }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'evaluation.sheets': op<ExportedFile>()({
    summary: 'Evaluation sheets (考核表) as A4 PDF: one manager, or all of the run in one file',
    input: z.object({ runId, managerId: z.number().int().positive().optional() }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
    exports: true,
  }),
  'evaluation.workbook': op<ExportedFile>()({
    summary: 'The branch summary workbook (.xlsx): one row per manager, a sheet per indicator, org-unit results',
    input: z.object({ runId }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    exports: true,
  }),
};
