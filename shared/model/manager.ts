/** 见习客户经理 / 客户经理 / 高级客户经理; the list is configurable, these are the defaults. */
export const MANAGER_GRADES = ['trainee', 'standard', 'senior'] as const;
export type ManagerGrade = (typeof MANAGER_GRADES)[number];

/** 专职 / 兼职 */
export const MANAGER_TYPES = ['full_time', 'part_time'] as const;
export type ManagerType = (typeof MANAGER_TYPES)[number];

/** 在岗 / 休假 / 调离 / 离职 */
export const MANAGER_STATUSES = ['active', 'leave', 'transferred', 'departed'] as const;
export type ManagerStatus = (typeof MANAGER_STATUSES)[number];

/** A client manager (客户经理) as of a given date. */
export interface Manager {
  id: number;
  staffNo: string;
  name: string;
  phone: string | null;
  orgUnitId: number;
  grade: ManagerGrade;
  type: ManagerType;
  status: ManagerStatus;
  /** The period's own 管户上限, or null when the default for the grade and type applies. */
  maxClients: number | null;
  maxVipClients: number | null;
  /** The caps in force: the period's own, else the defaults (roster.capacity). */
  capacity: { maxClients: number; maxVipClients: number; isDefault: boolean };
  /** The first day of the roster period shown. */
  since: string;
}
