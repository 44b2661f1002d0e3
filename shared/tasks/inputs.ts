import { z } from 'zod';
import { CLIENT_TIERS, PRODUCT_TYPES } from '../model/client.js';
import { CONTACT_PERIOD_MONTHS } from './standards.js';
import { MANUAL_TASK_KINDS, TASK_GENERATORS, TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES, TASK_STATUS_FILTERS } from './model.js';

/** The input schemas of the `tasks.*` operations; every object is strict so a misspelt field is refused. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
const id = z.number().int().positive();
const title = z.string().trim().min(1).max(200);
const text = z.string().trim().max(4000);
const clientNos = z.array(z.string().trim().min(1).max(40)).max(2000);

export const taskListInput = z
  .object({
    status: z.enum(TASK_STATUS_FILTERS).optional(),
    managerId: id.optional(),
    /** Only the outlets' lists nobody was given (no assignee). */
    unassigned: z.boolean().optional(),
    /** An org unit of any level, subtree included. */
    orgUnitId: id.optional(),
    kind: z.enum(TASK_KINDS).optional(),
    generator: z.enum(TASK_GENERATORS).optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    dueFrom: isoDate.optional(),
    dueTo: isoDate.optional(),
    /** Tasks naming this client. */
    clientId: id.optional(),
    search: z.string().trim().max(100).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const taskCreateInput = z
  .object({
    title,
    description: text.optional(),
    kind: z.enum(MANUAL_TASK_KINDS).default('manual'),
    priority: z.enum(TASK_PRIORITIES).default('normal'),
    /** Due by the end of this day. Requests take theirs from the service standard and must leave it out. */
    dueAt: isoDate.optional(),
    managerIds: z.array(id).max(200).default([]),
    /** The outlet the task belongs to; with `wholeOutlet`, every manager in post there (在岗) that day is an assignee. */
    orgUnitId: id.optional(),
    wholeOutlet: z.boolean().default(false),
    /** Linked clients by client number (客户号). */
    clientNos: clientNos.default([]),
  })
  .strict();

export const taskUpdateInput = z
  .object({
    id,
    title: title.optional(),
    description: text.nullable().optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    dueAt: isoDate.nullable().optional(),
    managerIds: z.array(id).max(200).optional(),
    /** null: the first assignee's outlet. */
    orgUnitId: id.nullable().optional(),
    wholeOutlet: z.boolean().optional(),
    /** The whole set of linked clients: those left out are unlinked, those kept keep their ticks. */
    clientNos: clientNos.optional(),
  })
  .strict();

export const taskSetStatusInput = z
  .object({
    id,
    status: z.enum(TASK_STATUSES),
    /** The outcome note (结果说明), kept with the task. */
    outcome: text.nullable().optional(),
  })
  .strict();

export const taskTickInput = z
  .object({
    taskId: id,
    clientId: id,
    done: z.boolean(),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();

const generateCommon = {
  /** Count per manager without storing anything. */
  preview: z.boolean().default(false),
  /** The day the list is drawn up (default today): primary managers are read on it; for maturities the window starts on it. */
  asOf: isoDate.optional(),
  /** Only clients of this org unit (subtree included); default: every unit the caller runs. */
  orgUnitId: id.optional(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
};

export const taskGenerateInput = z.discriminatedUnion('generator', [
  z
    .object({
      generator: z.literal('maturity'),
      ...generateCommon,
      /** Holdings maturing on asOf … asOf + days − 1. */
      days: z.number().int().min(1).max(366).default(30),
      productTypes: z.array(z.enum(PRODUCT_TYPES)).min(1).max(PRODUCT_TYPES.length).default(['deposit_time', 'wealth']),
      /** A client is listed when their maturing amount in the window reaches this (fen). */
      minAmountFen: z.number().int().min(0).default(0),
    })
    .strict(),
  z
    .object({
      generator: z.literal('vip_uncontacted'),
      ...generateCommon,
      /** Default: the service standard's key-client tier and period. */
      minTier: z.enum(CLIENT_TIERS).exclude(['standard']).optional(),
      everyMonths: z.literal(CONTACT_PERIOD_MONTHS).optional(),
    })
    .strict(),
  z
    .object({
      generator: z.literal('aum_drop'),
      ...generateCommon,
      /** Snapshot dates compared; default the latest on or before asOf, and the one before it. */
      snapshot: isoDate.optional(),
      compareTo: isoDate.optional(),
      /** Listed when AUM fell by more than this percentage. */
      dropPct: z.number().int().min(1).max(100).default(30),
      /** Only clients who had at least this much before (fen; default 5万元), so small balances do not flood the list. */
      minPrevAumFen: z.number().int().min(0).default(5_000_000),
      dueInDays: z.number().int().min(1).max(366).default(14),
    })
    .strict(),
]);

export type TaskListInput = z.output<typeof taskListInput>;
export type TaskCreateInput = z.output<typeof taskCreateInput>;
export type TaskUpdateInput = z.output<typeof taskUpdateInput>;
export type TaskSetStatusInput = z.output<typeof taskSetStatusInput>;
export type TaskTickInput = z.output<typeof taskTickInput>;
export type TaskGenerateInput = z.output<typeof taskGenerateInput>;
export type TaskGenerateRequest = z.input<typeof taskGenerateInput>;
