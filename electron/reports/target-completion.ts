import type { ReportColumnKind, ReportParams, ReportRow, ReportTable } from '../../shared/reports/report.js';
import type { Session } from '../api/types.js';
import type { Store } from '../store/store.js';
import { completionBasis } from './completion-basis.js';
import type { ReportScope } from './scope.js';
import { col, frame } from './table.js';

const LEVELS = { root: '机构', outlet: '网点', manager: '客户经理' } as const;

/**
 * 任务完成情况: for every indicator that has a target in the period, the rows of its progress
 * (electron/targets/progress.ts) for each covered unit — the unit, its outlets and their managers — with the
 * target, the actual (units by their clients' outlet, managers credited by days held and shares), completion and
 * the time elapsed to the data's date. Amount indicators are in fen, count indicators in units (the row's `kinds`
 * says which). No totals row: the unit's own row is its total, and indicators do not add up across.
 */
export function targetCompletion(store: Store, _session: Session, scope: ReportScope, params: ReportParams, now: Date): ReportTable {
  const basis = completionBasis(store, scope, now, 'any');
  const rows: ReportRow[] = [];
  const plans = new Set<string>();
  let estimate = false;
  let dataAsOf: string | null = null;
  for (const { indicator, progress } of basis.progress) {
    if (!progress.rows.some((r) => r.target !== null)) continue;
    if (progress.plan !== null) plans.add(`${indicator.code} #${progress.plan.id}`);
    estimate ||= progress.estimate;
    dataAsOf = progress.dataAsOf ?? dataAsOf;
    const kind: ReportColumnKind = indicator.measure === 'amount' ? 'fen' : 'count';
    for (const r of progress.rows) {
      const level = r.kind === 'manager' ? 'M' : r.kind === 'root' ? 'U' : 'O';
      rows.push({
        key: `${indicator.code}:${level}:${r.code}`,
        cells: {
          // Amounts print in 元 whatever unit the indicator is planned in; counts in their own unit (户, 张…).
          indicator: `${indicator.name}（${kind === 'fen' ? '元' : indicator.unit}）`,
          level: LEVELS[r.kind],
          code: r.code,
          name: r.name,
          target: r.target,
          actual: r.actual,
          completion: r.completionBp,
          elapsed: progress.elapsedBp,
        },
        ...(kind === 'fen' ? {} : { kinds: { target: kind, actual: kind } }),
      });
    }
  }
  const asOf = dataAsOf ?? basis.asOf;
  return {
    ...frame('targetCompletion', scope, params, now, {
      zh: `数据截至 ${asOf}${estimate ? '（期初无快照，按期内首期快照估算）' : ''}；任务来源：${plans.size === 0 ? '无' : [...plans].join('、')}`,
      en: `Data as of ${asOf}${estimate ? ' (no snapshot before the period: estimated from its first)' : ''}; targets from plans ${plans.size === 0 ? 'none' : [...plans].join(', ')}`,
    }),
    columns: [
      col('indicator', '指标', 'Indicator', 'text'),
      col('level', '层级', 'Level', 'text'),
      col('code', '机构号/员工号', 'Code', 'text'),
      col('name', '名称', 'Name', 'text'),
      col('target', '任务', 'Target', 'fen'),
      col('actual', '实际', 'Actual', 'fen'),
      col('completion', '完成率', 'Completion', 'basisPoints'),
      col('elapsed', '时间进度', 'Time elapsed', 'basisPoints'),
    ],
    rows,
    totals: null,
  };
}
