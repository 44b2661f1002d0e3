import { z } from 'zod';
import { assignmentRulesSchema } from '../../assignment/rules.js';
import type { AssignmentPreview } from '../../assignment/rules.js';
import { STAFF_ROLES, op } from '../contract.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export interface AssignmentChangeInfo {
  id: number;
  kind: 'manual' | 'bulk' | 'rules' | 'handover' | 'import' | 'undo';
  reason: string | null;
  createdBy: string;
  createdAt: string;
  /** Spans the change created (clients moved to a manager). */
  spans: number;
  undoneBy: number | null;
  batchId: number | null;
}

export interface TeamMemberInfo {
  managerId: number;
  staffNo: string;
  name: string;
  role: 'primary' | 'secondary';
  /** Credit share in basis points (10000 = 100%). */
  shareBp: number;
  validFrom: string;
}

export const assignmentOps = {
  'assignment.team': op<{ day: string; members: TeamMemberInfo[] }>()({
    summary: "A client's team on a day: the primary manager and secondary managers with credit shares (分成比例)",
    input: z.object({ clientId: z.number().int().positive(), day: isoDate.optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'assignment.setTeam': op<{ changeId: number | null }>()({
    summary: "Set a client's primary and secondary managers with credit shares from a date (shares sum to 100%); one undoable change",
    input: z
      .object({
        clientId: z.number().int().positive(),
        from: isoDate,
        primaryId: z.number().int().positive(),
        secondaries: z.array(z.object({ managerId: z.number().int().positive(), shareBp: z.number().int().min(1).max(9999) }).strict()).max(5),
        reason: z.string().trim().max(200).optional(),
      })
      .strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'assignment.assign': op<{ changeId: number | null; changed: number; unchanged: number }>()({
    summary: 'Give clients (one or many) a primary manager from a date, or none; one recorded change that can be undone',
    input: z
      .object({
        clientIds: z.array(z.number().int().positive()).min(1).max(100_000),
        managerId: z.number().int().positive().nullable(),
        from: isoDate,
        reason: z.string().trim().max(200).optional(),
      })
      .strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'assignment.undo': op<{ undone: number }>()({
    summary: 'Undo one assignment change as a whole',
    input: z.object({ changeId: z.number().int().positive() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'assignment.preview': op<AssignmentPreview>()({
    summary: 'Plan a rule-based assignment and show it (per manager before/after, moves, warnings); nothing changes',
    input: z.object({ rules: assignmentRulesSchema }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'assignment.apply': op<{ changeId: number | null; changed: number; preview: AssignmentPreview }>()({
    summary: 'Plan the rules again on the current data and apply the moves from their date as one undoable change',
    input: z.object({ rules: assignmentRulesSchema, reason: z.string().trim().max(200).optional() }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'assignment.changes': op<AssignmentChangeInfo[]>()({
    summary: 'Recent assignment changes, newest first',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
};
