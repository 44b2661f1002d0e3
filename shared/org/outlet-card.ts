import type { ClientTier } from '../model/client.js';
import type { ManagerGrade, ManagerStatus, ManagerType } from '../model/manager.js';
import type { OrgUnit } from '../model/org.js';

/** Deposits and assets of an org unit's clients at one snapshot date; money in integer fen. */
export interface UnitBalances {
  asOf: string;
  demandFen: number;
  timeFen: number;
  /** 定期占比 in permille of all deposits; null without deposits. */
  timeSharePermille: number | null;
  avgDemandFen: number;
  avgTimeFen: number;
  aumFen: number;
  loanFen: number;
  /** Clients with any balance row that day. */
  clients: number;
}

export interface CardManager {
  id: number;
  staffNo: string;
  name: string;
  grade: ManagerGrade;
  type: ManagerType;
  status: ManagerStatus;
  /** Clients this manager looks after (primary) on the card's date. */
  clients: number;
  maxClients: number | null;
}

export interface CardTarget {
  code: string;
  name: string;
  unit: string;
  measure: 'amount' | 'count';
  /** The published head-office figure for the year, summed over the unit's outlets; null when none was set. */
  targetValue: number | null;
  /** Year to date from the imported data; null when the indicator has no source or the year no snapshot. */
  actualValue: number | null;
  completionPermille: number | null;
  /** The baseline snapshot before the year was missing, so growth figures are estimates. */
  estimate: boolean;
}

/** 网点资源卡: what an outlet (or any org unit, over its outlets) holds, who works there and how its year goes. */
export interface OutletCard {
  unit: OrgUnit;
  parentName: string | null;
  /** The snapshot date the figures are from (the last one on or before the date asked); null without snapshots. */
  asOf: string | null;
  current: UnitBalances | null;
  clientCount: number;
  unassignedCount: number;
  /** From the client book; empty until scores are computed. */
  tiers: Array<{ tier: ClientTier; clients: number }>;
  /** 中高端客户: 金卡 and above. */
  midHighClients: number;
  scoredAsOf: string | null;
  managers: CardManager[];
  targets: { year: number; timeElapsedPermille: number; rows: CardTarget[] };
  /** Month by month over the imported snapshots, oldest first. */
  history: UnitBalances[];
}
