import type { ClientTier, ProductType } from '../model/client.js';

/**
 * Tasks (任务派发): what a supervisor hands out to client managers and follows up. The stored status is one of four;
 * 逾期 (overdue) is derived on every read — an open task (or client item) whose due time has passed — so it can never
 * disagree with the clock.
 */
export const TASK_KINDS = ['manual', 'generated', 'request', 'campaign'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/** Kinds a person creates by hand; `generated` tasks come only from a generator run. */
export const MANUAL_TASK_KINDS = ['manual', 'request', 'campaign'] as const;
export type ManualTaskKind = (typeof MANUAL_TASK_KINDS)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** 待办 / 进行中 / 已完成 / 已取消, as stored. */
export const TASK_STATUSES = ['todo', 'doing', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['todo', 'doing'];

/** What the list filters and counts by: the stored statuses, `open` (todo + doing) and the derived `overdue`. */
export const TASK_STATUS_FILTERS = ['open', 'overdue', 'todo', 'doing', 'done', 'cancelled'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

export const TASK_GENERATORS = ['maturity', 'vip_uncontacted', 'aum_drop'] as const;
export type TaskGenerator = (typeof TASK_GENERATORS)[number];

export interface TaskAssignee {
  managerId: number;
  staffNo: string;
  name: string;
  /** Set when the task came to this manager in a handover (移交). */
  handedFrom: number | null;
}

/** A row of the task list. Times are ISO: a date (due by the end of that day) or a UTC date-time. */
export interface TaskRow {
  id: number;
  title: string;
  kind: TaskKind;
  priority: TaskPriority;
  status: TaskStatus;
  /** Open and past due (derived, never stored). */
  overdue: boolean;
  dueAt: string | null;
  orgUnitId: number | null;
  orgUnitName: string | null;
  /** Empty: the outlet's list, for the supervisor to hand out (未分配). */
  assignees: TaskAssignee[];
  clients: number;
  clientsDone: number;
  /** Open client items whose own due time (else the task's) has passed, on an open task. */
  clientsOverdue: number;
  generator: TaskGenerator | null;
  createdBy: string;
  createdAt: string;
  doneAt: string | null;
}

/** Why a generated list names a client (task_client.detail), one shape per generator. */
export interface MaturityHolding {
  accountNo: string;
  productType: ProductType;
  productName: string | null;
  maturityDate: string;
  amountFen: number;
}
export type TaskItemDetail =
  | { kind: 'maturity'; maturityDate: string; amountFen: number; holdings: MaturityHolding[] }
  | { kind: 'vip_uncontacted'; tier: ClientTier; aumFen: number; periodStart: string; lastContactAt: string | null }
  | { kind: 'aum_drop'; asOf: string; prevAsOf: string; aumFen: number; prevAumFen: number; dropBp: number };

/** One linked client of a task, ticked off on its own. */
export interface TaskClientItem {
  clientId: number;
  clientNo: string;
  name: string;
  tier: ClientTier | null;
  detail: TaskItemDetail | null;
  /** The item's own deadline (e.g. the maturity date); null: the task's. */
  dueAt: string | null;
  overdue: boolean;
  doneAt: string | null;
  /** The work-log entry (联系记录) that ticked it off, when a contact did. */
  contactId: number | null;
  note: string | null;
}

export interface TaskDetail extends TaskRow {
  description: string | null;
  outcome: string | null;
  items: TaskClientItem[];
  /** Linked clients beyond the ones returned (a very long supervisor's list). */
  itemsOmitted: number;
  generation: { id: number; generator: TaskGenerator; asOf: string; params: Record<string, unknown> } | null;
  /** Whether the caller may edit the fields (title, due, assignees, clients) and cancel, not only progress it. */
  canEdit: boolean;
}

export type TaskStatusCounts = Record<TaskStatusFilter, number>;

export interface TaskList {
  rows: TaskRow[];
  /** Rows matching every filter. */
  total: number;
  /** Per status, under every filter except the status one: the header's chips. */
  counts: TaskStatusCounts;
  /** The instant overdue was judged at. */
  at: string;
}

/** Overdue figures for a manager, an outlet or the whole scope. */
export interface OverdueFigures {
  openTasks: number;
  overdueTasks: number;
  openItems: number;
  overdueItems: number;
}
export interface ManagerOverdue extends OverdueFigures {
  managerId: number;
  staffNo: string;
  name: string;
}
export interface OutletOverdue extends OverdueFigures {
  orgUnitId: number | null;
  name: string | null;
  /** Of which on the outlet's unassigned list. */
  unassignedTasks: number;
}
export interface OverdueReport {
  at: string;
  total: OverdueFigures;
  byManager: ManagerOverdue[];
  byOutlet: OutletOverdue[];
}

/** One list a generator run makes (or would make): one manager's clients, or an outlet's clients with no manager. */
export interface GenerationGroup {
  managerId: number | null;
  managerName: string | null;
  orgUnitId: number | null;
  orgUnitName: string | null;
  clients: number;
  /** The task made, or null in a preview. */
  taskId: number | null;
}

export interface GenerationResult {
  generator: TaskGenerator;
  preview: boolean;
  generationId: number | null;
  /** The day the list was drawn up: primary managers are read on it. */
  asOf: string;
  /** Every parameter as used, defaults filled in. */
  params: Record<string, unknown>;
  dueAt: string;
  /** Clients on the new lists. */
  clients: number;
  /** Clients left out because an open item of the same generator already names them (idempotent re-runs). */
  skipped: number;
  groups: GenerationGroup[];
}
