import { z } from 'zod';
import { MANAGER_GRADES, MANAGER_TYPES } from '../model/manager.js';

/**
 * A scorecard scheme (考核方案): the items a client manager is scored on for a period type, with weights that sum
 * to 100 points, each item's source and scoring method, the coefficients and the grade rules. Written by the
 * supervisor (editor or a JSON file for the CLI), versioned when saved.
 *
 * Points are kept exactly: weights and points have at most two decimals and are computed in hundredths of a point
 * (centipoints) with rational arithmetic; see electron/evaluation/.
 */
const points = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-9, 'at most two decimals');
const pct = z.number().finite().min(0).max(1000);
const key = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lowercase letters, digits and _ (a–z first)');
/** A figure in the indicator's stored unit: fen for amounts, whole units for counts; as a decimal string for exactness. */
const figure = z.string().regex(/^-?\d{1,17}$/, 'an integer (fen or units) as a string');

/** Where an item's actual comes from. */
export const itemSourceSchema = z.discriminatedUnion('kind', [
  /** A target indicator (存款净增, 日均存款, 理财销售 …) computed from the imported data, credited by days held × share. */
  z.object({ kind: z.literal('indicator'), indicator: z.string().min(1).max(40) }).strict(),
  /** A measure of the manager's work, in basis points: contact-plan coverage (联系计划覆盖率), share of VIP clients in the book. */
  z.object({ kind: z.literal('metric'), metric: z.enum(['contact_coverage', 'vip_share']) }).strict(),
  /** Scored by the supervisor against a rubric (客户服务, 工作程序执行, 综合素质 …). */
  z
    .object({
      kind: z.literal('qualitative'),
      rubric: z
        .array(z.object({ level: z.string().min(1).max(20), description: z.string().max(200).default(''), fromPct: pct, toPct: pct }).strict())
        .max(10)
        .default([]),
    })
    .strict(),
  /** A count entered for the period (complaints, compliance incidents) that takes points off. */
  z.object({ kind: z.literal('count'), label: z.string().min(1).max(40) }).strict(),
]);
export type ItemSource = z.infer<typeof itemSourceSchema>;

/** How an item's actual against its target becomes points. */
export const scoringMethodSchema = z.discriminatedUnion('type', [
  /** weight × completion (actual ÷ target), completion capped at capPct and floored at floorPct. */
  z.object({ type: z.literal('ratio'), capPct: pct.default(120), floorPct: pct.default(0) }).strict(),
  /**
   * weight at target, plus pointsAbove for each full `per` above it, minus pointsBelow for each full `per` below
   * (partial units count pro rata when `prorate`).
   */
  z
    .object({
      type: z.literal('difference'),
      per: figure,
      pointsAbove: points.min(0),
      pointsBelow: points.min(0),
      prorate: z.boolean().default(true),
    })
    .strict(),
  /** Tiered bands on completion %: the points of the highest band reached (bands as a share of the weight, %). */
  z
    .object({
      type: z.literal('bands'),
      bands: z
        .array(z.object({ fromPct: pct, scorePct: pct }).strict())
        .min(1)
        .max(20),
    })
    .strict(),
  /** Points entered by the supervisor, between 0 and the weight. */
  z.object({ type: z.literal('entered') }).strict(),
  /** pointsEach off per counted event, at most maxPoints in all (not part of the 100). */
  z.object({ type: z.literal('deduction'), pointsEach: points.min(0), maxPoints: points.min(0) }).strict(),
]);
export type ScoringMethod = z.infer<typeof scoringMethodSchema>;

export const schemeItemSchema = z
  .object({
    key,
    name: z.string().min(1).max(40),
    /** Points at 100% (deductions: 0 — they sit outside the 100). */
    weight: points.min(0).max(100),
    source: itemSourceSchema,
    method: scoringMethodSchema,
    /** Completion below this scores zero (门槛). */
    zeroBelowPct: pct.optional(),
    /** The item's points never go above / below these (封顶 / 保底). */
    maxPoints: points.optional(),
    minPoints: points.optional(),
    /**
     * The target when the period has none from the target plans: always for metrics (e.g. contact coverage 9000 basis points),
     * and as a fallback for indicators (the published plan's figure for the manager wins).
     */
    fixedTarget: figure.optional(),
    /** This item scores only when another item's completion reaches a level (explicit calculation order). */
    gate: z.object({ item: key, minPct: pct }).strict().optional(),
  })
  .strict();
export type SchemeItem = z.infer<typeof schemeItemSchema>;

const coefficient = z.number().finite().min(0).max(5);

export const gradeRuleSchema = z
  .object({
    grade: z.enum(MANAGER_GRADES),
    /** A total at or above `promoteAt` suggests 晋升; below `maintainAt` suggests 降级; otherwise 维持. */
    promoteAt: points.nullable(),
    maintainAt: points,
  })
  .strict();
export type GradeRule = z.infer<typeof gradeRuleSchema>;

export const schemeSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    name: z.string().min(1).max(60),
    periodType: z.enum(['month', 'quarter', 'year']),
    appliesTo: z
      .object({ grades: z.array(z.enum(MANAGER_GRADES)).optional(), types: z.array(z.enum(MANAGER_TYPES)).optional() })
      .strict()
      .prefault({}),
    items: z.array(schemeItemSchema).min(1).max(40),
    /** Multiply the quantitative subtotal (指标得分) by the grade's and the outlet's coefficient (default 1). */
    coefficients: z
      .object({
        grade: z.partialRecord(z.enum(MANAGER_GRADES), coefficient).default({}),
        /** Outlet difficulty (网点难度系数) by org unit code. */
        outlet: z.record(z.string().min(1).max(40), coefficient).default({}),
      })
      .strict()
      .prefault({}),
    /** The total never goes above this (总分封顶); absent: no cap. */
    maxTotal: points.optional(),
    gradeRules: z.array(gradeRuleSchema).max(MANAGER_GRADES.length).default([]),
    /** The bottom N of a ranking get a 末位 warning. */
    bottomWarning: z.number().int().min(0).max(50).default(1),
  })
  .strict();
export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;

/** Items that make up the 100 points (deductions sit outside). */
export function weightedItems(scheme: Pick<Scheme, 'items'>): SchemeItem[] {
  return scheme.items.filter((i) => i.method.type !== 'deduction');
}
