import { z } from 'zod';
import type { LocalizedText } from '../i18n/locale.js';
import type { ClientTier } from '../model/client.js';
import type { AssignmentWarning } from './rules.js';

/**
 * Handover (移交): a manager who leaves or moves hands every client they hold and every open task to one or several
 * colleagues from an effective date. The clients are spread by the rule engine (balanced by count and AUM among the
 * receivers); a task linked to clients follows its clients, any other task goes to the first receiver.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const handoverRequestSchema = z
  .object({
    managerId: z.number().int().positive(),
    /** First day the receivers hold the clients. */
    from: isoDate,
    receiverIds: z.array(z.number().int().positive()).min(1).max(100),
    /** Receivers on leave (休假) only when asked; 调离/离职 never. */
    includeOnLeave: z.boolean().default(false),
    /** Branch policy: 白金 and above only to 专职 receivers. */
    vipFullTimeOnly: z.boolean().default(true),
    tolerancePct: z.number().min(0).max(100).default(10),
    reason: z.string().trim().max(200).optional(),
  })
  .strict();
export type HandoverRequestInput = z.input<typeof handoverRequestSchema>;
export type HandoverRequest = z.output<typeof handoverRequestSchema>;

export interface HandoverPerson {
  managerId: number;
  code: string;
  name: string;
  orgUnitName: string | null;
}

export interface HandoverReceiver extends HandoverPerson {
  clientsBefore: number;
  clientsAfter: number;
  aumFenBefore: number;
  aumFenAfter: number;
  vipBefore: number;
  vipAfter: number;
  /** Clients and open tasks this receiver takes over. */
  clientsReceived: number;
  tasksReceived: number;
}

export interface HandoverClient {
  clientId: number;
  clientNo: string;
  name: string;
  tier: ClientTier;
  aumFen: number;
  /** Last contact by anyone (ISO date-time), or null when never contacted. */
  lastContactAt: string | null;
  /** null when nobody acceptable can take the client (it stays with the leaving manager; see warnings). */
  toManagerId: number | null;
}

export interface HandoverTask {
  taskId: number;
  title: string;
  dueAt: string | null;
  status: 'todo' | 'doing';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  /** Linked clients still open on the task. */
  openClients: number;
  toManagerId: number;
}

export interface HandoverPlan {
  from: string;
  leaving: HandoverPerson;
  receivers: HandoverReceiver[];
  clients: HandoverClient[];
  tasks: HandoverTask[];
  totals: { clients: number; aumFen: number; vip: number; tasks: number; unplaced: number };
  warnings: AssignmentWarning[];
  /** Every client has a receiver and every receiver ends within tolerance and capacity. */
  feasible: boolean;
  reason: LocalizedText | null;
}

/** What the printed 移交清单 needs beyond the plan: whose branch it is, who signs, when it was made. */
export interface HandoverSheet {
  plan: HandoverPlan;
  bankName: string;
  branchName: string;
  outletName: string | null;
  supervisorName: string | null;
  /** null before the handover is applied (a draft sheet says so). */
  changeId: number | null;
  generatedAt: string;
  generatedBy: string;
}
