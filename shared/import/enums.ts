/**
 * What the words in a file's enum columns mean: each code with the spellings core systems and people use.
 * Matching is on the trimmed, lower-cased text; anything else is a row error naming the allowed values.
 */
export const ENUM_SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  level: {
    head: ['总行', 'head', 'head office', '0'],
    tier1: ['一级分行', '分行', 'tier1', '1'],
    tier2: ['二级分行', 'tier2', '2'],
    sub: ['支行', 'sub', 'sub-branch', '3'],
    outlet: ['网点', '分理处', '营业网点', 'outlet', '4'],
  },
  grade: {
    trainee: ['见习客户经理', '见习', 'trainee'],
    standard: ['客户经理', '普通客户经理', 'standard'],
    senior: ['高级客户经理', '高级', 'senior'],
  },
  type: {
    full_time: ['专职', '专职客户经理', 'full_time', 'full-time', 'full time'],
    part_time: ['兼职', '兼职客户经理', 'part_time', 'part-time', 'part time'],
  },
  status: {
    active: ['在岗', 'active'],
    leave: ['休假', 'leave', 'on leave'],
    transferred: ['调离', 'transferred'],
    departed: ['离职', 'departed', 'left'],
  },
  gender: {
    M: ['男', 'm', 'male', '1'],
    F: ['女', 'f', 'female', '2'],
  },
  productType: {
    deposit_demand: ['活期', '活期存款', 'deposit_demand', 'demand', 'HQ'],
    deposit_time: ['定期', '定期存款', 'deposit_time', 'time', 'DQ'],
    wealth: ['理财', '理财产品', 'wealth', 'LC'],
    fund: ['基金', 'fund', 'JJ'],
    insurance: ['保险', 'insurance', 'BX'],
    loan: ['贷款', 'loan', 'DK'],
    credit_card: ['信用卡', 'credit_card', 'card', 'XK'],
  },
  holdingStatus: {
    open: ['正常', '有效', 'open', '0'],
    closed: ['已结清', '销户', '关闭', 'closed', '1'],
  },
  channel: {
    meeting: ['面谈', 'meeting'],
    phone: ['电话', 'phone'],
    wechat: ['微信', 'wechat'],
    branch: ['网点', '厅堂', 'branch'],
    visit: ['上门', '上门拜访', 'visit'],
  },
};

const lookup = new Map<string, Map<string, string>>();

/** The code an enum cell stands for, or null. */
export function enumCode(field: string, text: string): string | null {
  let table = lookup.get(field);
  if (table === undefined) {
    table = new Map();
    for (const [code, words] of Object.entries(ENUM_SYNONYMS[field] ?? {})) {
      for (const w of words) table.set(w.toLowerCase(), code);
    }
    lookup.set(field, table);
  }
  return table.get(text.trim().toLowerCase()) ?? null;
}

/** The spellings shown in an error message: the first (Chinese) word of each code. */
export function enumChoices(field: string): string[] {
  return Object.values(ENUM_SYNONYMS[field] ?? {}).map((words) => words[0] ?? '');
}
