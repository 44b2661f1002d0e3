import { z } from 'zod';
import { CLIENT_TIERS } from '../model/client.js';

/**
 * Service standards (服务标准) from the source material, configurable: a client request (客户诉求) is answered within
 * 24 hours, an urgent one within 2 hours; key clients (重点客户, by default 金卡 and above) are contacted at least
 * once per calendar period (by default a quarter).
 */
export const SERVICE_STANDARDS_KEY = 'tasks.serviceStandards';

/** Calendar periods that tile a year, so "this period" is always well defined (month, two months, quarter …). */
export const CONTACT_PERIOD_MONTHS = [1, 2, 3, 4, 6, 12] as const;

export const serviceStandardsSchema = z
  .object({
    /** Hours to answer a request of normal (or low, or high) priority. */
    requestHours: z.number().int().min(1).max(24 * 30),
    /** Hours to answer an urgent request. */
    urgentRequestHours: z.number().int().min(1).max(24 * 30),
    /** The lowest tier that counts as a key client. */
    keyClientMinTier: z.enum(CLIENT_TIERS).exclude(['standard']),
    /** Key clients are contacted at least once in each calendar period of this many months. */
    keyClientEveryMonths: z.literal(CONTACT_PERIOD_MONTHS),
  })
  .strict()
  .refine((s) => s.urgentRequestHours <= s.requestHours, { message: 'urgent requests cannot have longer than other requests', path: ['urgentRequestHours'] });

export type ServiceStandards = z.output<typeof serviceStandardsSchema>;

export const DEFAULT_SERVICE_STANDARDS: ServiceStandards = { requestHours: 24, urgentRequestHours: 2, keyClientMinTier: 'gold', keyClientEveryMonths: 3 };

export interface ServiceStandardsView {
  standards: ServiceStandards;
  defaults: ServiceStandards;
}
