import { z } from 'zod';
import type { LocalizedText } from '../i18n/locale.js';
import type { CoveragePolicy } from './coverage.js';
import { CLIENT_TIERS, PRODUCT_TYPES } from '../model/client.js';
import type { ClientTier, ProductType } from '../model/client.js';
import { LIFECYCLE_STAGES } from '../book/labels.js';
import type { LifecycleStage } from '../book/labels.js';

/**
 * A rule set for 规则分配 (rule-based assignment): which clients take part, which managers may receive them, the
 * branch's hard constraints and the balancing objective. Written by the supervisor (UI or a JSON file for the CLI),
 * stored with the applied plan, so every field has a default that matches the branch policy in the issue.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ids = z.array(z.number().int().positive()).max(10_000);

// zod 4: `.prefault({})` parses the fallback, so nested defaults apply when a whole section is left out.
export const assignmentRulesSchema = z
  .object({
    asOf: isoDate,
    /** Org units (any level, subtrees included) whose clients and managers form the universe; absent = all. */
    scope: z.object({ orgUnitIds: ids.optional() }).strict().prefault({}),
    /** Which clients of the scope may be (re)assigned; the others stay with whoever holds them. */
    select: z
      .object({
        tiers: z.array(z.enum(CLIENT_TIERS)).optional(),
        segments: z.array(z.string().min(1).max(40)).optional(),
        stages: z.array(z.enum(LIFECYCLE_STAGES)).optional(),
        orgUnitIds: ids.optional(),
        /** A client is selected when it holds at least one of these (open holdings). */
        productTypes: z.array(z.enum(PRODUCT_TYPES)).optional(),
        onlyUnassigned: z.boolean().default(false),
        /** Only clients whose primary manager on `asOf` is one of these (a handover selects the leaving manager's). */
        managerIds: ids.optional(),
      })
      .strict()
      .prefault({}),
    eligible: z
      .object({
        /** 调离/离职 can never receive clients; 休假 only when the supervisor asks for it. */
        statuses: z.array(z.enum(['active', 'leave'])).min(1).default(['active']),
        /** Only these managers may receive clients (a handover's receiving colleagues); absent = every manager of the scope. */
        managerIds: ids.optional(),
        /** true: a client goes to managers of its own outlet; false: to any eligible manager of the scope. */
        sameOutletOnly: z.boolean().default(true),
        /** Branch policy: clients of `vipFullTimeMinTier` and above only to 专职 (full-time) managers. */
        vipFullTimeOnly: z.boolean().default(true),
        vipFullTimeMinTier: z.enum(CLIENT_TIERS).default('platinum'),
      })
      .strict()
      .prefault({}),
    objective: z
      .object({
        /** Client count and AUM per manager within ± this percentage of the pool's mean over eligible managers. */
        tolerancePct: z.number().min(0).max(100).default(10),
        /** Move as few clients as possible: those already with an acceptable manager stay unless balancing needs them. */
        keepExisting: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type AssignmentRulesInput = z.input<typeof assignmentRulesSchema>;
export type AssignmentRules = z.output<typeof assignmentRulesSchema>;

/** VIP (中高端) = 金卡 and above; VIP capacity (max_vip_clients) counts these. */
export const VIP_MIN_TIER: ClientTier = 'gold';

export function tierRank(tier: ClientTier): number {
  return CLIENT_TIERS.indexOf(tier);
}

/** One client as the engine sees it. AUM in integer fen; `productTypes` are the open holdings' types. */
export interface BookClient {
  id: number;
  orgUnitId: number | null;
  tier: ClientTier;
  segment: string | null;
  stage: LifecycleStage | null;
  aumFen: number;
  productTypes: readonly ProductType[];
  primaryManagerId: number | null;
}

/** One manager in force on the plan's date, with the capacity that applies (own or the grade/type default). */
export interface BookManager {
  id: number;
  orgUnitId: number;
  type: 'full_time' | 'part_time';
  status: 'active' | 'leave' | 'transferred' | 'departed';
  grade: string;
  maxClients: number;
  maxVipClients: number;
}

export interface BookOrgUnit {
  id: number;
  parentId: number | null;
}

/** The in-memory client book a plan is computed from (loaded once from the store). */
export interface AssignmentBook {
  clients: readonly BookClient[];
  managers: readonly BookManager[];
  orgUnits: readonly BookOrgUnit[];
  /** The branch's coverage policy (管户覆盖): when given, the preview also warns where the plan leaves it unmet. */
  coveragePolicy?: CoveragePolicy;
}

export interface ManagerPreview {
  managerId: number;
  /** The pool the manager balances in: its outlet, or null when the plan is branch-wide. */
  poolId: number | null;
  /** May receive clients under these rules. */
  eligible: boolean;
  clientsBefore: number;
  clientsAfter: number;
  aumFenBefore: number;
  aumFenAfter: number;
  vipBefore: number;
  vipAfter: number;
  capacity: { maxClients: number; maxVipClients: number };
  overCapacity: boolean;
  /** Eligible managers only: count and AUM after the plan lie within the pool's band. */
  withinTolerance: boolean;
}

export interface PoolPreview {
  poolId: number | null;
  managers: number;
  clients: number;
  aumFen: number;
  /** Inclusive bands around the pool mean (counts rounded outwards, AUM in fen rounded outwards). */
  clientsMin: number;
  clientsMax: number;
  aumFenMin: number;
  aumFenMax: number;
}

export interface AssignmentMove {
  clientId: number;
  fromManagerId: number | null;
  toManagerId: number;
}

export type UnplacedReason = 'no_outlet' | 'no_eligible_manager' | 'no_full_time_manager' | 'capacity';

export interface UnplacedClient {
  clientId: number;
  /** Who holds it now (kept, since nobody acceptable can take it). */
  managerId: number | null;
  reason: UnplacedReason;
}

export type WarningKind = UnplacedReason | 'over_capacity' | 'tolerance_unreached' | 'needs_full_time' | 'low_coverage';

export interface AssignmentWarning {
  kind: WarningKind;
  poolId: number | null;
  managerId: number | null;
  /** How many clients the warning is about (0 when not about clients). */
  clients: number;
  message: LocalizedText;
}

export interface AssignmentPreview {
  asOf: string;
  /** The clients that took part (scope ∩ select). */
  selected: number;
  managers: ManagerPreview[];
  pools: PoolPreview[];
  moves: AssignmentMove[];
  unplaced: UnplacedClient[];
  warnings: AssignmentWarning[];
  /** Every hard constraint holds, every selected client has an acceptable manager and every eligible manager is within tolerance. */
  feasible: boolean;
  reason: LocalizedText | null;
}

export function parseAssignmentRules(input: unknown): AssignmentRules {
  return assignmentRulesSchema.parse(input);
}
