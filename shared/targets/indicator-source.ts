import { z } from 'zod';
import { CLIENT_TIERS, PRODUCT_TYPES } from '../model/client.js';

/**
 * Where an indicator's actual figure comes from in the imported data (指标取数口径). Every kind is computed over the
 * year to date: from the last snapshot before 1 January (the baseline) to the last snapshot on or before the
 * as-of date.
 */
export const indicatorSourceSchema = z.discriminatedUnion('type', [
  /** Net growth of point balances of these products since the baseline (存款净增). */
  z.object({ type: z.literal('balance_growth'), products: z.array(z.enum(PRODUCT_TYPES)).min(1) }).strict(),
  /** Daily-average balance of these products at the as-of snapshot (日均存款). */
  z.object({ type: z.literal('balance_average'), products: z.array(z.enum(PRODUCT_TYPES)).min(1) }).strict(),
  /** Clients opened this year that hold assets at the as-of snapshot (新增有效客户). */
  z.object({ type: z.literal('new_clients') }).strict(),
  /** Amount of holdings of these products opened this year (理财销售, 贷款投放). */
  z.object({ type: z.literal('holding_amount'), products: z.array(z.enum(PRODUCT_TYPES)).min(1) }).strict(),
  /** Number of holdings of these products opened this year (信用卡新增). */
  z.object({ type: z.literal('holding_count'), products: z.array(z.enum(PRODUCT_TYPES)).min(1) }).strict(),
  /** Clients at or above a tier now whose AUM at the baseline was below its threshold (中高端客户新增). */
  z.object({ type: z.literal('tier_upgrades'), minTier: z.enum(CLIENT_TIERS) }).strict(),
]);
export type IndicatorSource = z.infer<typeof indicatorSourceSchema>;

const DEPOSITS = ['deposit_demand', 'deposit_time'] as const;

/** The built-in indicators' sources (an administrator may set another in the indicator's `source`). */
export const BUILTIN_SOURCES: Readonly<Record<string, IndicatorSource>> = {
  DEP_NET: { type: 'balance_growth', products: [...DEPOSITS] },
  DEP_AVG: { type: 'balance_average', products: [...DEPOSITS] },
  NEW_CLIENT: { type: 'new_clients' },
  WEALTH_SALES: { type: 'holding_amount', products: ['wealth'] },
  FUND_SALES: { type: 'holding_amount', products: ['fund'] },
  INS_PREMIUM: { type: 'holding_amount', products: ['insurance'] },
  CARD_NEW: { type: 'holding_count', products: ['credit_card'] },
  LOAN_NEW: { type: 'holding_amount', products: ['loan'] },
  VIP_NEW: { type: 'tier_upgrades', minTier: 'gold' },
};
