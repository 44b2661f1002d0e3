import type { Role } from '../api/contract.js';
import type { ImportKind } from '../import/kinds.js';
import type { ClientTier } from '../model/client.js';
import type { IndicatorView } from '../targets/decomposition.js';

/**
 * 工作台 (dashboard): what `dashboard.overview` answers — every figure the supervisor's first screen shows, each
 * taken from the service that owns it (targets, evaluation, coverage, work log, tasks, imports) for the caller's
 * scope. Amounts are integer fen, counts whole numbers, shares basis points (10000 = 100 %).
 */

/** A unit the caller may pick (their units and everything below; every unit for an administrator). */
export interface DashboardUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
}

/** Whether an indicator keeps pace with the time elapsed (see docs/dashboard.md); `none` without a target or actual. */
export type Pace = 'ahead' | 'behind' | 'none';

export interface IndicatorCompletion {
  indicator: IndicatorView;
  /** In the indicator's storage unit (fen or units); null when no plan sets one for the period. */
  target: number | null;
  actual: number | null;
  /** actual ÷ target in basis points, as on the targets page; null unless the target is positive. */
  completionBp: number | null;
  /** What the time elapsed calls for: target × elapsed for a flow indicator, the target itself for a level (日均). */
  paceTarget: number | null;
  pace: Pace;
}

export interface TargetsSection {
  year: number;
  period: string;
  from: string;
  to: string;
  /** The snapshot the actuals are read at; null when the period has none. */
  dataAsOf: string | null;
  baseline: string | null;
  estimate: boolean;
  /** Days of the period up to the data's date ÷ days of the period, in basis points. */
  elapsedBp: number;
  /** `unit`: the unit picked; `manager`: a client manager's own credited figures. */
  whose: 'unit' | 'manager';
  rows: IndicatorCompletion[];
}

export type RankGroup = 'top' | 'bottom' | 'own';

export interface RankedRow {
  /** Competition ranking (1, 2, 2, 4) among everyone ranked. */
  rank: number;
  /** 0-based place in the full ordered list, so a reader sees where rows were left out. */
  position: number;
  id: number;
  code: string;
  name: string;
  /** A manager's outlet (null for outlet rows). */
  unitName: string | null;
  /** `points`: hundredths of a point; `bp`: completion in basis points. */
  value: number;
  groups: RankGroup[];
}

export interface Ranking {
  /** How many were ranked (the rows shown are the top, the bottom and the caller's own). */
  of: number;
  rows: RankedRow[];
}

export interface RankingRun {
  id: number;
  schemeCode: string;
  schemeName: string;
  schemeVersion: number;
  period: string;
  status: 'draft' | 'review' | 'locked';
}

export interface RankingSection {
  /** `evaluation`: totals of the latest evaluation run of the period; `targets`: completion of one indicator. */
  source: 'evaluation' | 'targets' | 'none';
  run: RankingRun | null;
  indicator: Pick<IndicatorView, 'id' | 'code' | 'name' | 'direction'> | null;
  measure: 'points' | 'bp';
  managers: Ranking | null;
  outlets: Ranking | null;
}

export interface ContactPlanFigures {
  from: string;
  to: string;
  underPlan: number;
  covered: number;
  rateBp: number | null;
}

/** 中高端客户 (金卡 and above) coverage; null figures where the caller's role has none (a client manager). */
export interface MidHighSection {
  tiers: ClientTier[];
  /** The day assignments and tiers are read on. */
  asOf: string | null;
  scoredAsOf: string | null;
  clients: number | null;
  assigned: number | null;
  assignedBp: number | null;
  fullTime: number | null;
  fullTimeBp: number | null;
  /** 中高端 clients with no primary manager (the coverage page's 未分配). */
  unassigned: number | null;
  contactPlan: ContactPlanFigures | null;
}

export interface OverdueManager {
  managerId: number;
  staffNo: string;
  name: string;
  /** Tasks: overdue tasks; contacts: overdue clients under a plan. */
  overdue: number;
  /** Tasks: overdue client items; contacts: clients under a plan. */
  other: number;
}

export interface OverdueSection {
  /** The instant tasks are judged at and the day contacts are. */
  at: string;
  today: string;
  tasks: { open: number; overdue: number; openItems: number; overdueItems: number };
  contacts: { underPlan: number; overdue: number; never: number; dueSoon: number };
  topTasks: OverdueManager[];
  topContacts: OverdueManager[];
}

export interface ImportStatus {
  kind: ImportKind;
  /** The latest committed batch of the kind; null when never imported. */
  batchId: number | null;
  fileName: string | null;
  finishedAt: string | null;
  /** That batch's as-of date, as the file or the user gave it. */
  batchAsOf: string | null;
  /** The latest date the kind's data reaches (balances: the latest snapshot; others: the latest batch as-of). */
  dataAsOf: string | null;
}

export interface StaleKind {
  kind: ImportKind;
  dataAsOf: string | null;
}

export interface Staleness {
  today: string;
  /** The month end the checked kinds must reach (docs/dashboard.md). */
  requiredAsOf: string;
  graceDays: number;
  kinds: ImportKind[];
  stale: boolean;
  staleKinds: StaleKind[];
}

export interface DashboardOverview {
  role: Role;
  year: number;
  period: string;
  /** Years the period picker offers (target plans and the data's year), newest first. */
  years: number[];
  /** The unit the figures are for; null for a client manager (their own figures) or a workspace without units. */
  orgUnitId: number | null;
  units: DashboardUnit[];
  /** The latest balance snapshot (the data's date). */
  dataAsOf: string | null;
  targets: TargetsSection | null;
  ranking: RankingSection;
  midHigh: MidHighSection;
  overdue: OverdueSection;
  imports: ImportStatus[];
  staleness: Staleness;
}
