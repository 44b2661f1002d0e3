import { z } from 'zod';
import { MANAGER_GRADES, MANAGER_TYPES } from './manager.js';
import type { ManagerGrade, ManagerType } from './manager.js';

/**
 * Default 管户上限 by grade and type (专职/兼职): how many clients, and how many VIP (金卡 and above) clients, a
 * manager looks after unless their roster period sets its own. Stored as the setting `roster.capacity`.
 */
const cap = z.object({ maxClients: z.number().int().min(0).max(100_000), maxVipClients: z.number().int().min(0).max(100_000) }).strict();
export type Capacity = z.infer<typeof cap>;

export const capacityDefaultsSchema = z
  .object(Object.fromEntries(MANAGER_GRADES.map((g) => [g, z.object(Object.fromEntries(MANAGER_TYPES.map((t) => [t, cap]))).strict()])) as Record<ManagerGrade, z.ZodObject<Record<ManagerType, typeof cap>>>)
  .strict();
export type CapacityDefaults = Record<ManagerGrade, Record<ManagerType, Capacity>>;

export const CAPACITY_KEY = 'roster.capacity';

export const DEFAULT_CAPACITY: CapacityDefaults = {
  trainee: { full_time: { maxClients: 300, maxVipClients: 30 }, part_time: { maxClients: 150, maxVipClients: 10 } },
  standard: { full_time: { maxClients: 600, maxVipClients: 80 }, part_time: { maxClients: 300, maxVipClients: 40 } },
  senior: { full_time: { maxClients: 800, maxVipClients: 150 }, part_time: { maxClients: 400, maxVipClients: 60 } },
};
