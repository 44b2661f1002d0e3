import type { ReportId } from './report.js';

/** One entry of the report list (报表目录): what the page's chooser and the CLI's help show. */
export interface ReportCatalogEntry {
  id: ReportId;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
}

export const REPORT_CATALOG: readonly ReportCatalogEntry[] = [
  {
    id: 'managerRanking',
    title: { zh: '客户经理排名', en: 'Manager ranking' },
    description: {
      zh: '按该期考核（优先已锁定）的总分排名；没有考核时按各指标任务完成率的平均值排名',
      en: "Ranked by the period's evaluation total (a locked run first); without one, by the mean target completion",
    },
  },
  {
    id: 'outletRanking',
    title: { zh: '网点排名', en: 'Outlet ranking' },
    description: {
      zh: '按网点客户经理考核平均分排名；没有考核时按网点各指标任务完成率的平均值排名',
      en: "Outlets ranked by their managers' mean evaluation total; without a run, by the outlet's mean target completion",
    },
  },
  {
    id: 'targetCompletion',
    title: { zh: '任务完成情况', en: 'Target completion' },
    description: {
      zh: '各指标按机构、网点、客户经理列出任务、实际（按管户天数归属）、完成率和时间进度',
      en: 'Each indicator per unit, outlet and manager: target, credited actual, completion and time elapsed',
    },
  },
  {
    id: 'clientMovement',
    title: { zh: '客户变动', en: 'Client movement' },
    description: {
      zh: '各网点期间新增、流失、升级、降级客户的户数和资产，附变动客户明细',
      en: 'Per outlet: new, lost, upgraded and downgraded clients with their assets, and the list of moved clients',
    },
  },
  {
    id: 'assignmentChanges',
    title: { zh: '管户变更', en: 'Assignment changes' },
    description: {
      zh: '期间生效的管户调整，按客户经理和变更方式（手工、规则、移交、导入）统计调入调出',
      en: 'Moves effective in the period per manager, by kind (manual, rules, handover, import): clients in and out',
    },
  },
  {
    id: 'contactCoverage',
    title: { zh: '联系计划覆盖率', en: 'Contact-plan coverage' },
    description: {
      zh: '各客户经理纳入联系计划的客户中，期间内未出现逾期未联系的比例',
      en: 'Per manager: the share of clients under a contact plan that were never overdue in the period',
    },
  },
];

export function catalogEntry(id: ReportId): ReportCatalogEntry {
  const entry = REPORT_CATALOG.find((e) => e.id === id);
  if (entry === undefined) throw new RangeError(`unknown report ${id}`);
  return entry;
}
