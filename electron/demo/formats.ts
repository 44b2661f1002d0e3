import type { ManagerGrade, ManagerStatus, ManagerType } from '../../shared/model/manager.js';
import type { OrgLevel } from '../../shared/model/org.js';
import type { ProductType } from '../../shared/model/client.js';

/**
 * What the demo extracts look like on disk: names, headers and the labels the "core system" uses.
 * The writer and the bridge loader both read this file, so they cannot drift apart; the import
 * pipeline will learn the same facts from its mapping profiles instead.
 */
export const FILES = {
  orgUnits: 'org_units.xlsx',
  managers: 'managers.xlsx',
  clients: 'clients_20261031.csv',
  holdings: 'holdings_20261031.txt',
  holdingsLayout: 'holdings_20261031.layout.json',
  transactions: 'transactions_20251101_20261031.csv',
  worklog: 'worklog_20251101_20261031.csv',
  assignmentChanges: 'assignment_changes_20251101_20261031.csv',
  targets: 'targets_2026.xlsx',
} as const;

/** One balance file per month-end: balances_YYYYMMDD.csv. */
export function balanceFileName(monthEndIso: string): string {
  return `balances_${monthEndIso.replaceAll('-', '')}.csv`;
}

export const CLIENT_PREAMBLE_PREFIX = '数据日期：';
export const CLIENT_FOOTER_LABEL = '合计';
export const CLIENT_HEADER = [
  '客户号',
  '客户名称',
  '证件类型',
  '证件号码',
  '手机号',
  '性别',
  '出生日期',
  '开户日期',
  '所属网点',
  '客户经理号',
  '管户日期',
] as const;

export const BALANCE_HEADER = ['客户号', '数据日期', '产品类型', '时点余额', '月日均余额'] as const;
export const TXN_HEADER = ['交易流水号', '交易时间', '客户号', '账号', '借贷标志', '交易金额', '渠道', '摘要', '对方户名'] as const;
export const WORKLOG_HEADER = [
  '日志编号',
  '客户号',
  '客户经理号',
  '联系时间',
  '联系方式',
  '联系目的',
  '联系结果',
  '下一步计划',
  '计划跟进日期',
] as const;
export const ASSIGNMENT_CHANGE_HEADER = ['客户号', '原客户经理号', '新客户经理号', '变更日期', '原管户起始日期', '变更原因'] as const;

export const ORG_HEADER = ['机构号', '机构名称', '机构层级', '上级机构号', '负责人', '地址', '联系电话'] as const;
export const ROSTER_HEADER = [
  '员工号',
  '姓名',
  '性别',
  '手机号',
  '入职日期',
  '所属机构号',
  '所属机构名称',
  '岗位级别',
  '用工类型',
  '人员状态',
  '管户上限',
  '中高端管户上限',
  '生效日期',
  '失效日期',
] as const;
export const TARGET_HEADER = ['年度', '机构号', '机构名称', '指标代码', '指标名称', '单位', '年度目标', '一季度', '二季度', '三季度', '四季度'] as const;

/** Products that carry a monthly balance (credit cards only appear as holdings). */
export const BALANCE_PRODUCTS = ['deposit_demand', 'deposit_time', 'wealth', 'fund', 'insurance', 'loan'] as const satisfies readonly ProductType[];
export type BalanceProduct = (typeof BALANCE_PRODUCTS)[number];

export const PRODUCT_LABELS: Record<BalanceProduct, string> = {
  deposit_demand: '活期存款',
  deposit_time: '定期存款',
  wealth: '理财产品',
  fund: '基金',
  insurance: '保险',
  loan: '贷款',
};

/** 产品类别 codes of the fixed-width holdings file. */
export const HOLDING_CLASS_CODES = {
  DQ: 'deposit_time',
  LC: 'wealth',
  JJ: 'fund',
  BX: 'insurance',
  DK: 'loan',
  XK: 'credit_card',
} as const satisfies Record<string, ProductType>;
export type HoldingClassCode = keyof typeof HOLDING_CLASS_CODES;

export const CONTACT_CHANNELS = ['meeting', 'phone', 'wechat', 'branch', 'visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  meeting: '面谈',
  phone: '电话',
  wechat: '微信',
  branch: '网点',
  visit: '上门',
};

export const GRADE_LABELS: Record<ManagerGrade, string> = {
  trainee: '见习客户经理',
  standard: '客户经理',
  senior: '高级客户经理',
};
export const TYPE_LABELS: Record<ManagerType, string> = { full_time: '专职', part_time: '兼职' };
export const STATUS_LABELS: Record<ManagerStatus, string> = {
  active: '在岗',
  leave: '休假',
  transferred: '调离',
  departed: '离职',
};
export const LEVEL_LABELS: Record<OrgLevel, string> = {
  head: '总行',
  tier1: '一级分行',
  tier2: '二级分行',
  sub: '支行',
  outlet: '网点',
};

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
};

export const GENDER_LABELS = { M: '男', F: '女' } as const;
export type Gender = keyof typeof GENDER_LABELS;

/** 借贷标志: 贷 is money in (positive in the store), 借 money out. */
export const DEBIT_LABEL = '借';
export const CREDIT_LABEL = '贷';

/** Label → code lookups for the loader. */
export function invert<K extends string>(labels: Record<K, string>): Map<string, K> {
  const out = new Map<string, K>();
  for (const key of Object.keys(labels) as K[]) out.set(labels[key], key);
  return out;
}
