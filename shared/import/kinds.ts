/**
 * The kinds of data the workbench imports and their canonical fields. Header aliases (Chinese and English)
 * drive automatic mapping; the user can correct any suggestion.
 */
export const IMPORT_KINDS = ['org_units', 'managers', 'clients', 'balances', 'holdings', 'transactions', 'targets', 'worklog', 'assignments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldType = 'text' | 'code' | 'amount' | 'date' | 'datetime' | 'id_no' | 'mobile' | 'phone' | 'integer' | 'decimal' | 'enum' | 'dc_flag';

export interface FieldSpec {
  key: string;
  zh: string;
  en: string;
  type: FieldType;
  required: boolean;
  aliases: readonly string[];
}

const f = (key: string, zh: string, en: string, type: FieldType, required: boolean, aliases: string[]): FieldSpec => ({
  key,
  zh,
  en,
  type,
  required,
  aliases: [zh, en, ...aliases],
});

export const KIND_LABELS: Record<ImportKind, { zh: string; en: string }> = {
  org_units: { zh: '机构', en: 'Org units' },
  managers: { zh: '客户经理', en: 'Managers roster' },
  clients: { zh: '客户基本信息', en: 'Clients' },
  balances: { zh: '时点/日均余额', en: 'Balance snapshots' },
  holdings: { zh: '产品持有', en: 'Product holdings' },
  transactions: { zh: '交易', en: 'Transactions' },
  targets: { zh: '任务指标', en: 'Head-office targets' },
  worklog: { zh: '工作日志', en: 'Work log' },
  assignments: { zh: '管户变更', en: 'Assignment changes' },
};

export const KIND_FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  org_units: [
    f('code', '机构号', 'Org code', 'code', true, ['机构代码', '机构编号', '网点号', 'org_code', 'code']),
    f('name', '机构名称', 'Org name', 'text', true, ['名称', '网点名称', 'name']),
    f('level', '机构层级', 'Level', 'enum', true, ['层级', '级别', 'level']),
    f('parentCode', '上级机构号', 'Parent code', 'code', false, ['上级机构', '上级机构代码', 'parent_code', 'parent']),
    f('headName', '负责人', 'Head', 'text', false, ['机构负责人', 'head']),
    f('address', '地址', 'Address', 'text', false, ['机构地址', 'address']),
    f('phone', '电话', 'Phone', 'phone', false, ['联系电话', 'phone']),
  ],
  managers: [
    f('staffNo', '员工号', 'Staff number', 'code', true, ['客户经理号', '工号', '柜员号', 'staff_no']),
    f('name', '姓名', 'Name', 'text', true, ['客户经理', '客户经理姓名', 'name']),
    f('orgCode', '所属网点', 'Outlet code', 'code', true, ['所属机构号', '机构号', '网点号', '所属机构', 'org_code']),
    f('grade', '岗位等级', 'Grade', 'enum', true, ['岗位级别', '等级', '职级', '客户经理等级', 'grade']),
    f('type', '专兼职', 'Type', 'enum', true, ['用工类型', '类型', '专职/兼职', 'type']),
    f('status', '状态', 'Status', 'enum', false, ['人员状态', '在岗状态', 'status']),
    f('validFrom', '生效日期', 'Valid from', 'date', false, ['起始日期', 'valid_from']),
    f('validTo', '失效日期', 'Valid to', 'date', false, ['截止日期', 'valid_to']),
    f('maxClients', '管户上限', 'Max clients', 'integer', false, ['最大管户数', 'max_clients']),
    f('maxVipClients', '贵宾管户上限', 'Max VIP clients', 'integer', false, ['中高端管户上限', '最大贵宾客户数', 'max_vip_clients']),
    f('hiredOn', '入职日期', 'Hired on', 'date', false, ['hired_on']),
    f('phone', '手机号', 'Mobile', 'mobile', false, ['联系电话', 'phone']),
  ],
  clients: [
    f('clientNo', '客户号', 'Client number', 'code', true, ['客户编号', '客户ID', '客户代码', 'client_no', 'client_id', 'customer_id']),
    f('name', '客户名称', 'Name', 'text', true, ['户名', '姓名', '客户姓名', 'name']),
    f('idType', '证件类型', 'ID type', 'text', false, ['id_type']),
    f('idNo', '证件号码', 'ID number', 'id_no', false, ['身份证号', '身份证号码', '证件号', 'id_no']),
    f('phone', '手机号', 'Mobile', 'mobile', false, ['手机号码', '联系电话', '移动电话', 'mobile', 'phone']),
    f('gender', '性别', 'Gender', 'enum', false, ['gender', 'sex']),
    f('birthDate', '出生日期', 'Birth date', 'date', false, ['birth_date', 'birthday']),
    f('openDate', '开户日期', 'Opened on', 'date', false, ['建立日期', '开户时间', 'open_date']),
    f('orgCode', '所属网点', 'Outlet code', 'code', false, ['机构号', '网点号', '开户机构', 'org_code']),
    f('managerNo', '客户经理号', 'Manager number', 'code', false, ['管户经理', '管户经理号', '客户经理', 'manager_no']),
    f('assignedOn', '管户日期', 'Assigned on', 'date', false, ['分配日期', '管户起始日期', 'assigned_on']),
  ],
  balances: [
    f('clientNo', '客户号', 'Client number', 'code', true, ['客户编号', '客户ID', 'client_no']),
    f('asOf', '数据日期', 'As of', 'date', false, ['日期', '统计日期', 'as_of']),
    f('productType', '产品类型', 'Product type', 'enum', true, ['产品', '业务品种', 'product_type']),
    f('balance', '时点余额', 'Balance', 'amount', true, ['余额', '账户余额', 'balance']),
    f('avgBalance', '月日均余额', 'Daily average', 'amount', false, ['日均余额', '月日均', 'avg_balance']),
  ],
  holdings: [
    f('accountNo', '账号', 'Account number', 'code', true, ['账户号', '合约号', 'account_no']),
    f('clientNo', '客户号', 'Client number', 'code', true, ['客户编号', 'client_no']),
    f('productType', '产品类型', 'Product type', 'enum', true, ['产品类别', '产品大类', 'product_type']),
    f('productCode', '产品代码', 'Product code', 'code', false, ['product_code']),
    f('productName', '产品名称', 'Product name', 'text', false, ['product_name']),
    f('amount', '金额', 'Amount', 'amount', true, ['持有金额', '余额', 'amount']),
    f('openDate', '起始日期', 'Opened on', 'date', false, ['开户日期', '购买日期', 'open_date']),
    f('maturityDate', '到期日期', 'Matures on', 'date', false, ['到期日', 'maturity_date']),
    f('holdingStatus', '状态', 'Status', 'enum', false, ['账户状态', 'status']),
  ],
  transactions: [
    f('txnRef', '交易流水号', 'Transaction ref', 'code', true, ['流水号', 'txn_ref', 'trans_id']),
    f('clientNo', '客户号', 'Client number', 'code', true, ['客户编号', 'client_no']),
    f('accountNo', '账号', 'Account number', 'code', false, ['account_no']),
    f('txnAt', '交易时间', 'Date', 'datetime', true, ['交易日期', '记账日期', 'date']),
    f('amount', '交易金额', 'Amount', 'amount', true, ['金额', '发生额', 'amount']),
    f('dcFlag', '借贷标志', 'Debit/credit', 'dc_flag', false, ['借贷', '收支', 'dc']),
    f('channel', '渠道', 'Channel', 'text', false, ['交易渠道', 'channel']),
    f('summary', '摘要', 'Summary', 'text', false, ['交易摘要', 'summary']),
    f('counterparty', '对方户名', 'Counterparty', 'text', false, ['交易对方', 'counterparty']),
  ],
  targets: [
    f('year', '年度', 'Year', 'integer', true, ['年份', 'year']),
    f('orgCode', '机构号', 'Org code', 'code', true, ['机构', '机构代码', '网点号', 'org_code']),
    f('indicatorCode', '指标代码', 'Indicator code', 'code', false, ['指标编号', 'indicator_code']),
    f('indicator', '指标名称', 'Indicator', 'text', false, ['指标', 'indicator']),
    f('unit', '单位', 'Unit', 'text', false, ['计量单位', 'unit']),
    f('value', '年度目标', 'Annual target', 'decimal', true, ['目标值', '任务值', '全年目标', '年度任务', 'target', 'annual']),
    f('q1', '一季度', 'Q1', 'decimal', false, ['第一季度', '1季度', 'q1']),
    f('q2', '二季度', 'Q2', 'decimal', false, ['第二季度', '2季度', 'q2']),
    f('q3', '三季度', 'Q3', 'decimal', false, ['第三季度', '3季度', 'q3']),
    f('q4', '四季度', 'Q4', 'decimal', false, ['第四季度', '4季度', 'q4']),
  ],
  worklog: [
    f('ref', '日志编号', 'Entry ref', 'code', false, ['编号', 'ref']),
    f('clientNo', '客户号', 'Client number', 'code', true, ['客户编号', 'client_no']),
    f('managerNo', '客户经理号', 'Manager number', 'code', true, ['员工号', 'manager_no']),
    f('contactAt', '联系时间', 'Contacted at', 'datetime', true, ['联系日期', '时间', 'contact_at']),
    f('channel', '联系方式', 'Channel', 'enum', true, ['渠道', 'channel']),
    f('purpose', '联系目的', 'Purpose', 'text', false, ['目的', 'purpose']),
    f('outcome', '联系结果', 'Outcome', 'text', false, ['结果', 'outcome']),
    f('nextStep', '下一步', 'Next step', 'text', false, ['下一步计划', '后续安排', 'next_step']),
    f('followUpOn', '跟进日期', 'Follow up on', 'date', false, ['计划跟进日期', '下次联系日期', 'follow_up_on']),
  ],
  assignments: [
    f('clientNo', '客户号', 'Client number', 'code', true, ['客户编号', 'client_no']),
    f('fromManagerNo', '原客户经理号', 'Previous manager', 'code', true, ['原管户经理', '原管户经理号', '移出客户经理号', 'from_manager']),
    f('toManagerNo', '新客户经理号', 'New manager', 'code', true, ['新管户经理', '新管户经理号', '接收客户经理号', 'to_manager']),
    f('changeDate', '变更日期', 'Changed on', 'date', true, ['移交日期', '生效日期', 'change_date']),
    f('fromSince', '原管户起始日期', 'Previous manager since', 'date', false, ['原管户日期', 'from_since']),
    f('reason', '变更原因', 'Reason', 'text', false, ['原因', '备注', 'reason']),
  ],
};

/** Header text normalised for matching: no spaces, no punctuation, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000（）()【】[\]:：*＊_\-/]/g, '')
    .toLowerCase();
}
