import { z } from 'zod';
import type { LocalizedText } from '../i18n/locale.js';
import type { ManagerStatus, ManagerType } from '../model/manager.js';

/**
 * 管户覆盖与政策检查: how well an outlet's mid/high-end (中高端 = 金卡 and above) clients are looked after by 专职
 * managers, and the branch policy checked against it. The rule from the source material is "an outlet with at least
 * 240 中高端 clients must have at least one 专职 client manager"; the threshold is a setting so a branch can follow
 * its own head office's number.
 */
export const COVERAGE_POLICY_KEY = 'assignment.policy';

export const coveragePolicySchema = z
  .object({
    /** An outlet with at least this many VIP clients needs at least one 专职 manager in post. */
    minVipForFullTime: z.number().int().min(1).max(1_000_000).default(240),
    /**
     * Optional: in those outlets, at least this share (%) of VIP clients should have a 专职 primary manager. The
     * source rule names no share, so it is off unless set; smaller outlets are never held to it (they may have no
     * 专职 manager at all).
     */
    minCoveragePct: z.number().min(0).max(100).optional(),
  })
  .strict();

export type CoveragePolicy = z.output<typeof coveragePolicySchema>;
export type CoveragePolicyInput = z.input<typeof coveragePolicySchema>;

export const DEFAULT_COVERAGE_POLICY: CoveragePolicy = { minVipForFullTime: 240 };

export const COVERAGE_FINDING_KINDS = ['needs_full_time', 'low_coverage', 'unassigned_vip', 'over_capacity'] as const;
export type CoverageFindingKind = (typeof COVERAGE_FINDING_KINDS)[number];

/** One policy finding; `error` breaks the branch rule, `warning` asks the supervisor to act. */
export interface CoverageFinding {
  kind: CoverageFindingKind;
  severity: 'error' | 'warning';
  orgUnitId: number;
  managerId: number | null;
  /** How many clients the finding is about (VIP clients, or clients over the cap). */
  clients: number;
  message: LocalizedText;
}

/** A manager in post (在岗 or 休假) on the report's date, with the load and the caps in force. */
export interface ManagerLoad {
  managerId: number;
  staffNo: string;
  name: string;
  orgUnitId: number;
  type: ManagerType;
  status: ManagerStatus;
  clients: number;
  vipClients: number;
  maxClients: number;
  maxVipClients: number;
}

export interface OutletCoverage {
  orgUnitId: number;
  code: string;
  name: string;
  parentId: number | null;
  clients: number;
  vipClients: number;
  /** VIP clients whose primary manager is a 专职 manager in post. */
  vipFullTime: number;
  /** vipFullTime / vipClients in basis points (10000 = 100%); null without VIP clients. */
  vipFullTimeBp: number | null;
  /** VIP clients with a 兼职 primary manager in post. */
  vipPartTime: number;
  /** VIP clients with no primary manager on the date. */
  vipUnassigned: number;
  /** VIP clients whose primary manager is no longer in post (调离, 离职, or no roster period on the date). */
  vipFormerManager: number;
  fullTimeManagers: number;
  partTimeManagers: number;
  /** Managers of this outlet over their client or VIP cap. */
  overCapacity: ManagerLoad[];
  findings: CoverageFinding[];
}

export interface CoverageTotals {
  outlets: number;
  clients: number;
  vipClients: number;
  vipFullTime: number;
  vipFullTimeBp: number | null;
  vipUnassigned: number;
  vipFormerManager: number;
  fullTimeManagers: number;
  partTimeManagers: number;
  managersOverCapacity: number;
  /** Outlets breaking the 专职 rule. */
  outletsNeedingFullTime: number;
  findings: number;
}

export interface CoverageReport {
  /** The date assignments and the roster are read on. */
  asOf: string;
  /** The date the tiers were scored as of (the last recompute); null when nothing is scored yet. */
  scoredAsOf: string | null;
  policy: CoveragePolicy;
  outlets: OutletCoverage[];
  totals: CoverageTotals;
}

/** Basis points of a part, rounded half up; null for an empty whole. */
export function basisPoints(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 10_000) / whole);
}

export function parseCoveragePolicy(input: unknown): CoveragePolicy {
  return coveragePolicySchema.parse(input);
}
