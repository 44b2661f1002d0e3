import type { LifecycleStage, SegmentCode } from '../book/labels.js';

/** Client tiers (普通/金卡/白金/钻石/私行); thresholds are configurable, the codes are fixed. */
export const CLIENT_TIERS = ['standard', 'gold', 'platinum', 'diamond', 'private'] as const;
export type ClientTier = (typeof CLIENT_TIERS)[number];

/** Product types a balance snapshot or holding can carry. */
export const PRODUCT_TYPES = [
  'deposit_demand',
  'deposit_time',
  'wealth',
  'fund',
  'insurance',
  'loan',
  'credit_card',
] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

/** A row of the client list. Amounts are integer fen. */
export interface ClientRow {
  id: number;
  clientNo: string;
  name: string;
  idNoMasked: string | null;
  phoneMasked: string | null;
  orgUnitId: number | null;
  /** From the client book; null until scores are computed. Scores are 0–100 with one decimal. */
  tier: ClientTier | null;
  segment: SegmentCode | null;
  stage: LifecycleStage | null;
  contribution: number | null;
  loyalty: number | null;
  aumFen: number | null;
  managerId: number | null;
}
