import { z } from 'zod';
import { SEGMENT_CODES } from '../book/labels.js';
import type { SegmentCode } from '../book/labels.js';
import { CLIENT_TIERS } from '../model/client.js';
import { DEFAULT_DUE_WITHIN_DAYS } from './rules.js';
import { CONTACT_CHANNELS } from './types.js';

/** A calendar date that exists (2026-02-30 does not), as YYYY-MM-DD. */
export const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'no such date');

/**
 * A contact's local date and time: `YYYY-MM-DD HH:MM[:SS]` or the `T` form a datetime field gives; stored as
 * `YYYY-MM-DD HH:MM:SS`, the form the work-log import writes, so both sort together.
 */
export const contactTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected YYYY-MM-DD HH:MM')
  .refine((s) => realDate.safeParse(s.slice(0, 10)).success, 'no such date')
  .transform((s) => `${s.slice(0, 10)} ${s.slice(11, 16)}:${s.length > 16 ? s.slice(17, 19) : '00'}`);

/** Free text of a log line: trimmed, blank means none. */
const note = z
  .string()
  .trim()
  .max(200)
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const contactFields = {
  contactAt: contactTime,
  channel: z.enum(CONTACT_CHANNELS),
  purpose: note,
  outcome: note,
  nextStep: note,
  followUpOn: realDate.nullable().optional(),
};

export const contactAddSchema = z
  .object({
    /** The client by id, or by client number (客户号) as typed. */
    clientId: z.number().int().positive().optional(),
    clientNo: z.string().trim().min(1).max(64).optional(),
    /** Whose contact it is; a client manager's own by default (and only theirs). */
    managerId: z.number().int().positive().optional(),
    ...contactFields,
  })
  .strict()
  .refine((v) => (v.clientId === undefined) !== (v.clientNo === undefined), { message: 'give clientId or clientNo', path: ['clientNo'] });

export const contactUpdateSchema = z
  .object({
    id: z.number().int().positive(),
    contactAt: contactTime.optional(),
    channel: z.enum(CONTACT_CHANNELS).optional(),
    purpose: note,
    outcome: note,
    nextStep: note,
    followUpOn: realDate.nullable().optional(),
  })
  .strict();

export const contactListSchema = z
  .object({
    managerId: z.number().int().positive().optional(),
    clientId: z.number().int().positive().optional(),
    clientNo: z.string().trim().min(1).max(64).optional(),
    /** An org unit and everything below it: contacts by the managers who worked there on the day. */
    orgUnitId: z.number().int().positive().optional(),
    channel: z.enum(CONTACT_CHANNELS).optional(),
    /** Inclusive dates of the contact. */
    from: realDate.optional(),
    to: realDate.optional(),
    /** Only entries whose follow-up date is within the due window and that are still the client's latest contact. */
    followUpDue: z.boolean().optional(),
    before: z.object({ at: z.string().max(19), id: z.number().int().positive() }).strict().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const planSaveSchema = z
  .object({
    /** Absent: a new plan. */
    id: z.number().int().positive().optional(),
    tier: z.enum(CLIENT_TIERS).optional(),
    segment: z.enum(SEGMENT_CODES as [SegmentCode, ...SegmentCode[]]).optional(),
    everyDays: z.number().int().min(1).max(366),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((v) => (v.tier === undefined) !== (v.segment === undefined), { message: 'a plan is for a tier or for a segment', path: ['tier'] });

export const dueSchema = z
  .object({
    /** One manager's list; a client manager always gets their own. */
    managerId: z.number().int().positive().optional(),
    /** Managers working in these units (subtrees included) on the day; default: everyone in reach. */
    orgUnitIds: z.array(z.number().int().positive()).min(1).max(1_000).optional(),
    /** The day; default today. */
    asOf: realDate.optional(),
    withinDays: z.number().int().min(0).max(90).default(DEFAULT_DUE_WITHIN_DAYS),
    limit: z.number().int().min(0).max(5_000).default(300),
  })
  .strict();

export const coverageSchema = z
  .object({
    from: realDate,
    to: realDate,
    managerIds: z.array(z.number().int().positive()).min(1).max(1_000).optional(),
    orgUnitIds: z.array(z.number().int().positive()).min(1).max(1_000).optional(),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['from'] })
  .refine((v) => v.managerIds === undefined || v.orgUnitIds === undefined, { message: 'give managerIds or orgUnitIds, not both', path: ['orgUnitIds'] });
