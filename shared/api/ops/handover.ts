import { z } from 'zod';
import { handoverRequestSchema } from '../../assignment/handover.js';
import type { HandoverPlan } from '../../assignment/handover.js';
import { STAFF_ROLES, op } from '../contract.js';
import type { ExportedFile } from './import.js';

export interface HandoverInfo {
  changeId: number;
  managerId: number;
  managerName: string;
  from: string;
  clients: number;
  tasks: number;
  createdBy: string;
  createdAt: string;
  undone: boolean;
}

export const handoverOps = {
  'handover.plan': op<HandoverPlan>()({
    summary: "Plan a handover (移交): the leaving manager's clients spread over the receivers, open tasks following them; nothing changes",
    input: handoverRequestSchema,
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'handover.apply': op<{ changeId: number | null; changed: number; tasksMoved: number; plan: HandoverPlan }>()({
    summary: 'Plan the handover again on the current data and apply it from its date as one undoable change',
    input: handoverRequestSchema,
    roles: STAFF_ROLES,
    scope: 'org',
    mutates: true,
  }),
  'handover.list': op<HandoverInfo[]>()({
    summary: 'Applied handovers, newest first',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    roles: STAFF_ROLES,
    scope: 'org',
  }),
  'handover.sheet': op<ExportedFile>()({
    summary: 'The printable handover sheet (移交清单, A4 PDF): of an applied handover, or a draft of a planned one',
    input: z.union([z.object({ changeId: z.number().int().positive() }).strict(), z.object({ draft: handoverRequestSchema }).strict()]),
    roles: STAFF_ROLES,
    scope: 'org',
    exports: true,
  }),
};
