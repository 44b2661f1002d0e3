import { z } from 'zod';

/**
 * The client-book configuration (客户分层与评分参数): tier thresholds, score weights and normalisation curves,
 * lifecycle rules and the quadrant cut. Stored as one JSON setting (`book.config`); every number here is
 * explained in docs/book.md. Money is integer fen.
 */

/** A reference point of a normalisation curve: input value `x` scores `points` (0–100). */
const curvePoint = z.object({ x: z.number().finite(), points: z.number().min(0).max(100) }).strict();

/**
 * A piecewise-linear curve: points in strictly increasing `x`. Below the first point the first score applies,
 * above the last the last one; in between, straight lines. Hand-computable, and the same for every client
 * (no population percentiles).
 */
export const curveSchema = z
  .array(curvePoint)
  .min(1)
  .max(20)
  .refine((pts) => pts.every((p, i) => i === 0 || p.x > (pts[i - 1]?.x ?? -Infinity)), 'curve x values must increase strictly');
export type Curve = z.infer<typeof curveSchema>;

/** Weights are small integers (e.g. percent); a total is Σ(weight × points) / Σ(weights of present components). */
const weight = z.number().int().min(0).max(1000);
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const bookConfigSchema = z
  .object({
    tiers: z
      .object({
        /** Point-in-time AUM at the scoring date, or its daily average (月日均). */
        basis: z.enum(['aum', 'avg_aum']),
        /** Lower bounds (inclusive) in fen; 普通 (standard) is everything below 金卡. */
        thresholdsFen: z.object({ gold: fen, platinum: fen, diamond: fen, private: fen }).strict(),
      })
      .strict()
      .refine((t) => {
        const v = t.thresholdsFen;
        return v.gold > 0 && v.gold < v.platinum && v.platinum < v.diamond && v.diamond < v.private;
      }, 'tier thresholds must increase: 0 < gold < platinum < diamond < private'),
    contribution: z
      .object({
        weights: z.object({ aum: weight, avgAum: weight, loan: weight, income: weight }).strict(),
        curves: z.object({ aum: curveSchema, avgAum: curveSchema, loan: curveSchema, income: curveSchema }).strict(),
      })
      .strict(),
    loyalty: z
      .object({
        weights: z.object({ tenure: weight, products: weight, stability: weight, activity: weight }).strict(),
        curves: z.object({ tenure: curveSchema, products: curveSchema, stability: curveSchema, activity: curveSchema }).strict(),
        /** Fewer snapshots than this since the client's first assets: stability is not scored (absent). */
        stabilityMinSnapshots: z.number().int().min(2).max(60),
      })
      .strict(),
    /** Snapshots and transactions considered: (as-of − windowMonths months, as-of]. */
    windowMonths: z.number().int().min(1).max(60),
    stage: z
      .object({
        /** 新客: opened fewer than this many full months before the scoring date. */
        newMonths: z.number().int().min(1).max(60),
        /** 流失: AUM now below this … */
        lostBelowFen: fen,
        /** … after having held at least this much at some snapshot on or before the scoring date. */
        lostPeakFen: fen,
        /** The decline and growth rules compare levels: means of this many consecutive snapshots. */
        meanSnapshots: z.number().int().min(1).max(24),
        /** 衰退: recent level more than declinePct below the window's highest level. */
        declinePct: z.number().int().min(1).max(99),
        /** 成长: recent level more than growthPct above the level ending about growthMonths months earlier. */
        growthMonths: z.number().int().min(1).max(60),
        growthPct: z.number().int().min(1).max(1000),
      })
      .strict(),
    /** A score at or above this (0–100, one decimal) is "high" (高贡献 / 高忠诚). */
    quadrantCut: z.number().min(0).max(100).multipleOf(0.1),
  })
  .strict();

export type BookConfig = z.infer<typeof bookConfigSchema>;

const WAN = 1_000_000; // 1 万元 = 10,000 yuan = 1,000,000 fen

/** The defaults (docs/book.md states them): tiers 5万 / 50万 / 200万 / 600万元 on point-in-time AUM. */
export const DEFAULT_BOOK_CONFIG: BookConfig = {
  tiers: { basis: 'aum', thresholdsFen: { gold: 5 * WAN, platinum: 50 * WAN, diamond: 200 * WAN, private: 600 * WAN } },
  contribution: {
    weights: { aum: 40, avgAum: 30, loan: 20, income: 10 },
    curves: {
      aum: [
        { x: 0, points: 0 },
        { x: 5 * WAN, points: 40 },
        { x: 50 * WAN, points: 70 },
        { x: 200 * WAN, points: 90 },
        { x: 600 * WAN, points: 100 },
      ],
      avgAum: [
        { x: 0, points: 0 },
        { x: 5 * WAN, points: 40 },
        { x: 50 * WAN, points: 70 },
        { x: 200 * WAN, points: 90 },
        { x: 600 * WAN, points: 100 },
      ],
      loan: [
        { x: 0, points: 0 },
        { x: 10 * WAN, points: 40 },
        { x: 100 * WAN, points: 80 },
        { x: 500 * WAN, points: 100 },
      ],
      income: [
        { x: 0, points: 0 },
        { x: WAN / 10, points: 50 },
        { x: WAN, points: 100 },
      ],
    },
  },
  loyalty: {
    weights: { tenure: 30, products: 30, stability: 20, activity: 20 },
    curves: {
      // Full months since the account was opened.
      tenure: [
        { x: 0, points: 0 },
        { x: 12, points: 30 },
        { x: 36, points: 60 },
        { x: 60, points: 80 },
        { x: 120, points: 100 },
      ],
      // Distinct product types held.
      products: [
        { x: 0, points: 0 },
        { x: 1, points: 20 },
        { x: 2, points: 45 },
        { x: 3, points: 65 },
        { x: 4, points: 80 },
        { x: 5, points: 90 },
        { x: 6, points: 100 },
      ],
      // 1 − coefficient of variation of AUM across snapshots, in per-mille (1000 = perfectly steady).
      stability: [
        { x: 500, points: 0 },
        { x: 800, points: 60 },
        { x: 1000, points: 100 },
      ],
      // Transactions per month.
      activity: [
        { x: 0, points: 0 },
        { x: 1, points: 30 },
        { x: 4, points: 70 },
        { x: 10, points: 100 },
      ],
    },
    stabilityMinSnapshots: 3,
  },
  windowMonths: 12,
  stage: {
    newMonths: 6,
    lostBelowFen: 10_000, // 100 元
    lostPeakFen: 100_000, // 1,000 元
    meanSnapshots: 3,
    declinePct: 20,
    growthMonths: 6,
    growthPct: 20,
  },
  quadrantCut: 50,
};

/** The setting keys the client book keeps its state under. */
export const BOOK_CONFIG_KEY = 'book.config';
export const BOOK_LAST_RUN_KEY = 'book.lastRun';
