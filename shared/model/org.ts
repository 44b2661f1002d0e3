/** Org levels from head office down to the outlet (总行 → 一级分行 → 二级分行 → 支行 → 分理处/网点). */
export const ORG_LEVELS = ['head', 'tier1', 'tier2', 'sub', 'outlet'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface OrgUnit {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  headName: string | null;
  address: string | null;
  phone: string | null;
}
