import { z } from 'zod';
import { contactAddSchema, contactListSchema, contactUpdateSchema, coverageSchema, dueSchema, planSaveSchema } from '../../worklog/schemas.js';
import type { ContactAdded, ContactEntry, ContactPage, ContactPlanCoverage, ContactPlanList, DueReport } from '../../worklog/types.js';
import { ALL_ROLES, STAFF_ROLES, op } from '../contract.js';
import type { ExportedFile } from './import.js';

/**
 * 工作日志 (contacts) and 联系计划 (contact plans). Client managers reach their own contacts and clients only;
 * supervisors their team's (the managers working in their units on the day); administrators everything.
 */
export const worklogOps = {
  'contacts.list': op<ContactPage>()({
    summary: 'A page of work-log entries, newest first, narrowed by manager, client, unit, channel, dates or follow-ups due',
    input: contactListSchema,
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'contacts.add': op<ContactAdded>()({
    summary: 'Log a contact with a client (a client manager: their own, with a client they looked after that day)',
    input: contactAddSchema,
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'contacts.update': op<ContactEntry>()({
    summary: 'Correct a logged contact (time, channel, notes, follow-up date); imported entries are corrected by re-importing',
    input: contactUpdateSchema,
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'contacts.delete': op<{ deleted: number }>()({
    summary: 'Delete a logged contact (not an imported one)',
    input: z.object({ id: z.number().int().positive() }).strict(),
    roles: ALL_ROLES,
    scope: 'own',
    mutates: true,
  }),
  'contacts.template': op<ExportedFile>()({
    summary: 'An empty work-log workbook with the headers the worklog import recognises, and a sheet of instructions',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
  }),
  'contactPlans.list': op<ContactPlanList>()({
    summary: 'The contact plans (per segment or tier, every N days) and how many clients each governs',
    input: z.object({}).strict(),
    roles: ALL_ROLES,
    scope: 'any',
  }),
  'contactPlans.save': op<ContactPlanList>()({
    summary: 'Create or change a contact plan (a segment plan overrides its tier’s plan)',
    input: planSaveSchema,
    roles: STAFF_ROLES,
    scope: 'any',
    mutates: true,
  }),
  'contactPlans.delete': op<ContactPlanList>()({
    summary: 'Remove a contact plan (its clients fall back to their tier’s plan, or to none)',
    input: z.object({ id: z.number().int().positive() }).strict(),
    roles: STAFF_ROLES,
    scope: 'any',
    mutates: true,
  }),
  'contactPlans.due': op<DueReport>()({
    summary: 'Clients under a plan that are overdue or due soon on a day, with counts per manager',
    input: dueSchema,
    roles: ALL_ROLES,
    scope: 'own',
  }),
  'contactPlans.coverage': op<ContactPlanCoverage>()({
    summary: '联系计划覆盖率 for a period: clients held on its last day that were never overdue during it, per manager and unit',
    input: coverageSchema,
    roles: ALL_ROLES,
    scope: 'own',
  }),
};
