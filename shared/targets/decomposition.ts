import { z } from 'zod';

/**
 * 任务分解 — what a decomposition of a year's target is made of: the methods per level, the seasonal profile, the
 * weights, and the grid it produces. Figures are integers in the indicator's storage unit (fen for amounts, whole
 * units for counts).
 */

/** How the branch figure is split over outlets. `head_office`: in the proportions head office gave the outlets. */
export const OUTLET_METHODS = ['equal', 'prior', 'aum', 'weights', 'head_office', 'manual'] as const;
export type OutletMethod = (typeof OUTLET_METHODS)[number];
/** How an outlet's figure is split over its managers. */
export const MANAGER_METHODS = ['equal', 'prior', 'aum', 'weights', 'manual'] as const;
export type ManagerMethod = (typeof MANAGER_METHODS)[number];

/** Year → quarters → months: equal, 开门红 (front-loaded), or the user's own weights. */
export const PROFILE_KINDS = ['equal', 'kaimenhong', 'custom'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

/** The 开门红 split banks use for a front-loaded year: Q1 40%, Q2 25%, Q3 20%, Q4 15%. */
export const KAIMENHONG_QUARTERS: readonly number[] = [40, 25, 20, 15];
export const EQUAL_QUARTERS: readonly number[] = [1, 1, 1, 1];
export const EQUAL_MONTHS: readonly number[] = Array.from({ length: 12 }, () => 1);

/** Weights in per mille; a manager's weight is grade × type. */
export const DEFAULT_GRADE_WEIGHTS: Readonly<Record<string, number>> = { trainee: 600, standard: 1000, senior: 1300 };
export const DEFAULT_TYPE_WEIGHTS: Readonly<Record<string, number>> = { full_time: 1000, part_time: 500 };

const weight = z.number().int().min(0).max(1_000_000_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** Integers that stay exact in JSON and JavaScript numbers: 10^15 fen is 100 亿万元 — more than any branch target. */
export const figure = z.number().int().min(-1_000_000_000_000_000).max(1_000_000_000_000_000);

export const profileSchema = z
  .object({
    kind: z.enum(PROFILE_KINDS),
    /** Custom quarter weights (any scale, e.g. percentages). */
    quarters: z.array(weight).length(4).optional(),
    /** Custom month weights; only their proportions within each quarter matter. */
    months: z.array(weight).length(12).optional(),
  })
  .strict();
export type ProfileInput = z.infer<typeof profileSchema>;

export interface SeasonalProfile {
  kind: ProfileKind;
  quarters: number[];
  months: number[];
}

/** The weights a profile stands for (custom weights left out fall back to equal). */
export function resolveProfile(p: ProfileInput): SeasonalProfile {
  const quarters = p.kind === 'kaimenhong' ? KAIMENHONG_QUARTERS : p.kind === 'custom' ? (p.quarters ?? EQUAL_QUARTERS) : EQUAL_QUARTERS;
  const months = p.kind === 'custom' ? (p.months ?? EQUAL_MONTHS) : EQUAL_MONTHS;
  return { kind: p.kind, quarters: [...quarters], months: [...months] };
}

export const decompositionParamsSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    indicatorId: z.number().int().positive(),
    /** The unit whose figure is decomposed (分行 or 支行); default: the caller's own (the highest that branches). */
    orgUnitId: z.number().int().positive().optional(),
    /** The figure to decompose; default: head office's published figure for the unit. */
    total: figure.optional(),
    outletMethod: z.enum(OUTLET_METHODS).default('equal'),
    managerMethod: z.enum(MANAGER_METHODS).default('equal'),
    profile: profileSchema.default({ kind: 'equal' }),
    /** Per mille by grade code and by type code, for the `weights` method. */
    gradeWeights: z.record(z.string().max(40), weight).optional(),
    typeWeights: z.record(z.string().max(40), weight).optional(),
    /** Managers in force on this day take part; default: the data's as-of date. */
    managersOn: isoDate.optional(),
  })
  .strict();
export type DecompositionParamsInput = z.input<typeof decompositionParamsSchema>;
export type DecompositionParams = z.output<typeof decompositionParamsSchema>;

/** One cell of the grid: an org unit's or a manager's figure for a period. */
export const cellRefSchema = z
  .object({
    period: z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected 2026, 2026Q1 or 2026-01'),
    orgUnitId: z.number().int().positive().optional(),
    managerId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((c) => (c.orgUnitId === undefined) !== (c.managerId === undefined), 'give orgUnitId or managerId');
export type CellRef = z.infer<typeof cellRefSchema>;

export const lockSchema = z
  .object({ period: z.string().max(8), orgUnitId: z.number().int().positive().optional(), managerId: z.number().int().positive().optional(), value: figure })
  .strict()
  .refine((c) => (c.orgUnitId === undefined) !== (c.managerId === undefined), 'give orgUnitId or managerId');
export type CellLock = z.infer<typeof lockSchema>;

/** The settings a decomposition was made with, as stored with its plan. */
export interface ResolvedParams {
  year: number;
  indicatorId: number;
  orgUnitId: number;
  total: number;
  /** The head-office plan the total was read from; null when it was given by hand. */
  headPlanId: number | null;
  outletMethod: OutletMethod;
  managerMethod: ManagerMethod;
  profile: SeasonalProfile;
  gradeWeights: Record<string, number>;
  typeWeights: Record<string, number>;
  managersOn: string;
}

export type GridRowKind = 'root' | 'outlet' | 'manager';

export interface GridRow {
  /** 'u:<org unit id>' or 'm:<manager id>'. */
  key: string;
  kind: GridRowKind;
  parentKey: string | null;
  orgUnitId: number | null;
  managerId: number | null;
  code: string;
  name: string;
  grade: string | null;
  type: string | null;
  /** What the level's method weighed this row by (fen, units or per mille); null for the root. */
  weight: number | null;
  /** Period → figure. */
  values: Record<string, number>;
  /** Periods whose figure is locked. */
  locked: string[];
}

export interface IndicatorView {
  id: number;
  code: string;
  name: string;
  measure: 'amount' | 'count';
  unit: string;
  direction: 'up' | 'down';
  /** 1: adds up over periods (净增, 销量); 0: a level (日均) whose quarters and months are not split. */
  flow: boolean;
  /** Whether actuals can be computed from imported data. */
  hasSource: boolean;
}

export type DecompositionWarning =
  | { kind: 'no_managers'; orgUnitId: number; name: string }
  | { kind: 'weights_all_zero'; level: 'outlets' | 'managers'; parentKey: string }
  | { kind: 'head_office_changed'; headOffice: number | null }
  | { kind: 'prior_missing'; year: number };

export interface Decomposition {
  params: ResolvedParams;
  indicator: IndicatorView;
  rootName: string;
  /** Head office's current published figure for the unit (it may differ from `params.total`). */
  headOffice: number | null;
  periods: string[];
  rows: GridRow[];
  warnings: DecompositionWarning[];
}

export const PLAN_STATUSES = ['draft', 'published', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type PlanOrigin = 'import' | 'manual' | 'decomposition';

export interface PlanSummary {
  id: number;
  year: number;
  indicatorId: number;
  version: number;
  status: PlanStatus;
  origin: PlanOrigin;
  note: string | null;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
  /** Decompositions: the unit decomposed, its figure and the version this one was made from. */
  orgUnitId: number | null;
  orgUnitName: string | null;
  total: number | null;
  basedOn: number | null;
}

export interface StoredPlan extends Decomposition {
  plan: PlanSummary;
}
