import type { SegmentCode } from '../book/labels.js';
import type { LocalizedText } from '../i18n/locale.js';
import type { ClientTier } from '../model/client.js';

/** 面谈 / 电话 / 微信 / 网点 / 上门: the channels the `contact` table accepts. */
export const CONTACT_CHANNELS = ['meeting', 'phone', 'wechat', 'branch', 'visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ContactChannel, LocalizedText> = {
  meeting: { zh: '面谈', en: 'Meeting' },
  phone: { zh: '电话', en: 'Phone' },
  wechat: { zh: '微信', en: 'WeChat' },
  branch: { zh: '网点', en: 'At the branch' },
  visit: { zh: '上门', en: 'Home visit' },
};

/** One work-log entry (联系记录) as listed. */
export interface ContactEntry {
  id: number;
  clientId: number;
  clientNo: string;
  clientName: string;
  managerId: number;
  managerName: string;
  staffNo: string;
  /** `YYYY-MM-DD HH:MM:SS`, local time. */
  contactAt: string;
  channel: ContactChannel;
  purpose: string | null;
  outcome: string | null;
  nextStep: string | null;
  followUpOn: string | null;
  /** Came in with an import batch: corrected by re-importing, not edited here. */
  imported: boolean;
  /** Who typed it in (null for imported entries). */
  createdBy: string | null;
}

export interface ContactPage {
  rows: ContactEntry[];
  /** Pass back as `before` for the next (older) page; null at the end. */
  nextCursor: { at: string; id: number } | null;
}

/** What `contacts.add` answers: the entry, and how many of the manager's open task items for the client it ticked off. */
export interface ContactAdded {
  contact: ContactEntry;
  tasksCompleted: number;
}

/** A contact plan (联系计划): clients of a segment, or else of a tier, are contacted at least every `everyDays`. */
export interface ContactPlan {
  id: number;
  tier: ClientTier | null;
  segment: SegmentCode | null;
  everyDays: number;
  active: boolean;
  /** Clients the plan governs today (a segment plan takes its clients away from the tier plan). */
  clients: number;
}

export interface ContactPlanList {
  plans: ContactPlan[];
  /** Scores' date: tiers and segments come from the last recompute. Null when never scored. */
  scoredAsOf: string | null;
}

/** Where a planned client stands on a day: overdue, due within the window, or on schedule. */
export type DueStatus = 'overdue' | 'due' | 'ok';

export interface DueClient {
  clientId: number;
  clientNo: string;
  clientName: string;
  tier: ClientTier;
  segment: SegmentCode;
  managerId: number;
  managerName: string;
  planId: number;
  everyDays: number;
  /** The last contact by anyone on or before the day; null when never contacted. */
  lastContactAt: string | null;
  lastContactBy: string | null;
  /** Last day on schedule (last contact + everyDays); null when never contacted. */
  dueOn: string | null;
  /** Days past `dueOn` (positive when overdue, 0 on the day, negative before); null when never contacted. */
  daysLate: number | null;
  status: Exclude<DueStatus, 'ok'>;
}

export interface DueCounts {
  /** Clients under a plan held (primary) on the day. */
  underPlan: number;
  overdue: number;
  /** Of the overdue: never contacted at all. */
  never: number;
  /** Due within the window (not yet overdue). */
  dueSoon: number;
}

export interface ManagerDue extends DueCounts {
  managerId: number;
  staffNo: string;
  name: string;
  orgUnitId: number | null;
}

export interface DueReport {
  asOf: string;
  withinDays: number;
  totals: DueCounts;
  /** Per manager in reach (one row for a client manager). */
  managers: ManagerDue[];
  /** Overdue first (never contacted, then most late), then due soon; at most `limit`. */
  clients: DueClient[];
  truncated: boolean;
}

export interface CoverageCounts {
  /** Clients under a plan whose primary manager on `to` is the manager (or in the unit). */
  underPlan: number;
  /** Of those: on no day of the period overdue. */
  covered: number;
  /** covered / underPlan in basis points; null when nobody is under a plan. */
  rateBp: number | null;
}

export interface ManagerPlanCoverage extends CoverageCounts {
  managerId: number;
  staffNo: string;
  name: string;
  /** The manager's unit on `to` (null without a roster period that day). */
  orgUnitId: number | null;
}

export interface UnitPlanCoverage extends CoverageCounts {
  orgUnitId: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
}

/** 联系计划覆盖率 for a period: per manager, rolled up per org unit (outlet, sub-branch … head), and in total. */
export interface ContactPlanCoverage {
  from: string;
  to: string;
  managers: ManagerPlanCoverage[];
  units: UnitPlanCoverage[];
  totals: CoverageCounts;
  scoredAsOf: string | null;
}
