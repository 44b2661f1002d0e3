/**
 * The header rows of a package's CSV files (docs/export-package.md). The builder writes them and consolidation
 * reads columns by these names, so both sides share one definition. Figures are exact decimal text in the unit
 * the 单位 column names (元 with two decimals, %, 户 …); points are points with two decimals.
 */
export const MANAGER_COLUMNS = [
  '员工号',
  '姓名',
  '网点号',
  '网点',
  '岗位等级',
  '专兼职',
  '指标得分',
  '职级系数',
  '网点系数',
  '调整后指标得分',
  '定性得分',
  '扣分',
  '总分',
  '网点排名',
  '排名',
  '建议结果',
  '末位',
] as const;

export const ITEM_COLUMNS = ['员工号', '姓名', '网点号', '项目代码', '项目名称', '项目类别', '指标代码', '单位', '目标', '实际', '完成率（%）', '得分', '状态'] as const;

/** One row per outlet of the run, then one for the package's unit (all managers of the run). */
export const UNIT_COLUMNS = ['机构号', '机构名称', '层级', '考核人数', '已完成评分', '总分合计', '平均总分', '最高总分', '最低总分', '晋升', '维持', '降级', '末位'] as const;

export const UNIT_ITEM_COLUMNS = ['机构号', '机构名称', '项目代码', '项目名称', '单位', '目标合计', '实际合计', '完成率（%）', '得分合计'] as const;

export const CLIENT_COLUMNS = ['客户号', '客户名称', '证件号码', '手机号', '客户等级', '员工号', '客户经理', '网点号', '管户角色', '分成比例（%）', '计入起', '计入止', '计入天数'] as const;

export const ITEM_KIND_LABELS = { quantitative: '定量', qualitative: '定性', deduction: '扣分' } as const;
