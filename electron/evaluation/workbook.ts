import type { EvaluationRunDetail } from '../../shared/api/ops/evaluation.js';
import type { ExportedFile } from '../../shared/api/ops/import.js';
import { OUTCOME_LABELS } from '../../shared/evaluation/card.js';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import type { SchemeItem } from '../../shared/evaluation/scheme.js';
import type { FigureUnit } from '../../shared/evaluation/sheet.js';
import { GRADE_LABELS, ITEM_STATUS_LABELS, RUN_STATUS_LABELS, TYPE_LABELS, sheetItemKind, traceValue, unitLabel } from '../../shared/evaluation/sheet.js';
import type { Store } from '../store/store.js';
import type { XlsxCell, XlsxSheet } from '../xlsx/build-xlsx.js';
import { buildXlsx } from '../xlsx/build-xlsx.js';
import { itemUnits } from './sheet-data.js';
import { centsOf, centsText, completionText, figureCell, itemOf, pointsCell } from './workbook-figures.js';
import { orgSheets } from './workbook-org.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The branch summary workbook (考核汇总表) of a run: 考核汇总 (one row per manager: each item's points, total,
 * ranks, outcome), a sheet per quantitative item (target, actual, completion, points), 机构汇总 and 机构指标完成
 * (per outlet), and 说明. Points are numbers with two decimals taken from the stored hundredths; amounts are 元 from
 * fen; nothing is recomputed, so the workbook shows exactly the stored run.
 */
export function evaluationWorkbook(store: Store, detail: EvaluationRunDetail, now: Date): ExportedFile {
  const { run, scheme } = detail;
  const units = itemUnits(store, scheme.items);
  const directions = indicatorDirections(store, scheme.items);
  const quantitative = scheme.items.filter((i) => sheetItemKind(i) === 'quantitative');
  const title = `${run.schemeName}（${run.schemeCode} 第 ${run.schemeVersion} 版）${run.period} · ${RUN_STATUS_LABELS[run.status]}`;
  const sheets: XlsxSheet[] = [
    summarySheet(detail, title),
    ...quantitative.map((item, i) => itemSheet(detail.cards, item, units.get(item.key) ?? { kind: 'none' }, directions.get(item.key) ?? 'up', i + 1, title)),
    ...orgSheets(detail, quantitative, units, directions, title),
    notesSheet(detail),
  ];
  const bytes = buildXlsx(uniqueNames(sheets), { modifiedAt: now });
  return { fileName: `考核汇总-${run.schemeCode}-${run.period}.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
}

export function indicatorDirections(store: Store, items: readonly SchemeItem[]): Map<string, 'up' | 'down'> {
  const direction = store.db.prepare('SELECT direction FROM indicator WHERE code = ?').pluck();
  const out = new Map<string, 'up' | 'down'>();
  for (const item of items) {
    if (item.source.kind === 'indicator') out.set(item.key, (direction.get(item.source.indicator) as 'up' | 'down' | undefined) ?? 'up');
  }
  return out;
}

const outcome = (c: EvaluationCard): string | null => (c.outcome === null ? null : OUTCOME_LABELS[c.outcome].zh);

function summarySheet(detail: EvaluationRunDetail, title: string): XlsxSheet {
  const items = detail.scheme.items;
  const head = [
    '员工号',
    '姓名',
    '网点号',
    '网点',
    '岗位等级',
    '专兼职',
    ...items.map((i) => `${i.name}（${sheetItemKind(i) === 'deduction' ? '扣分' : `权重 ${i.weight}`}）`),
    '指标得分',
    '调整后指标得分',
    '定性得分',
    '扣分',
    '总分',
    '网点排名',
    '全行排名',
    '建议结果',
    '末位提示',
  ];
  const rows: XlsxCell[][] = [[`考核汇总 ${title}`], head];
  for (const c of detail.cards) {
    const m = c.manager;
    rows.push([
      m.staffNo,
      m.name,
      m.outletCode,
      m.outletName,
      GRADE_LABELS[m.grade],
      TYPE_LABELS[m.type],
      ...items.map((i) => pointsCell(itemOf(c, i.key)?.points ?? null)),
      pointsCell(c.quantitative),
      pointsCell(c.adjusted),
      pointsCell(c.qualitative),
      pointsCell(c.deductions),
      pointsCell(c.total),
      c.rankOutlet,
      c.rankBranch,
      outcome(c),
      c.bottom ? '末位' : null,
    ]);
  }
  return { name: '考核汇总', rows, boldRows: [1, 2], merges: [`A1:H1`], widths: [10, 10, 8, 14, 12, 7, ...items.map(() => 12), 10, 12, 10, 8, 10, 8, 8, 8, 8] };
}

function itemSheet(cards: readonly EvaluationCard[], item: SchemeItem, unit: FigureUnit, direction: 'up' | 'down', no: number, title: string): XlsxSheet {
  const u = unitLabel(unit);
  const rows: XlsxCell[][] = [
    [`${no}. ${item.name}（权重 ${item.weight}） ${title}`],
    ['员工号', '姓名', '网点', `目标${u === '' ? '' : `（${u}）`}`, `实际${u === '' ? '' : `（${u}）`}`, '完成率（%）', '得分', '状态'],
  ];
  let target = 0n;
  let actual = 0n;
  let points = 0n;
  for (const c of cards) {
    const score = itemOf(c, item.key);
    const t = score === undefined ? null : traceValue(score, 'Target');
    const a = score === undefined ? null : traceValue(score, 'Actual');
    target += centsOf(t) ?? 0n;
    actual += centsOf(a) ?? 0n;
    points += BigInt(score?.points ?? '0');
    rows.push([
      c.manager.staffNo,
      c.manager.name,
      c.manager.outletName,
      figureCell(t, unit),
      figureCell(a, unit),
      score === undefined || score.completion === null ? null : { fixed2: Number(score.completion) },
      pointsCell(score?.points ?? null),
      score === undefined ? null : ITEM_STATUS_LABELS[score.status],
    ]);
  }
  const completion = completionText(actual, target, direction);
  rows.push(['合计', `${cards.length} 人`, null, figureCell(centsText(target), unit), figureCell(centsText(actual), unit), completion === null ? null : { fixed2: Number(completion) }, pointsCell(points.toString()), null]);
  return { name: `${no}.${item.name}`, rows, boldRows: [1, 2, rows.length], merges: ['A1:H1'], widths: [10, 10, 14, 18, 18, 12, 10, 12] };
}

function notesSheet(detail: EvaluationRunDetail): XlsxSheet {
  const { run } = detail;
  const rows: XlsxCell[][] = [
    ['说明'],
    ['考核方案', `${run.schemeName}（${run.schemeCode} 第 ${run.schemeVersion} 版）`],
    ['考核期', run.period],
    ['考核编号', run.id],
    ['状态', RUN_STATUS_LABELS[run.status]],
    ['计算', `${run.computedAt} · ${run.computedBy}`],
    ['锁定', run.lockedAt === null ? '未锁定' : `${run.lockedAt} · ${run.lockedBy ?? ''}`],
    ['考核人数', detail.cards.length],
    ['得分', '单位为分，保留两位小数，取自考核结果（百分之一分，四舍五入），未重新计算。'],
    ['金额', '单位为元，由分精确换算；覆盖率等比率以 % 表示（由基点换算）。'],
    ['排名', '总分由高到低，同分同名次（1、2、2、4）；评分未完成者不参加排名。'],
    ['机构汇总', '平均总分 = 已完成评分者总分之和 ÷ 人数，四舍五入到 0.01 分；各项得分合计为该网点全部客户经理该项得分之和。'],
    ['机构指标完成', '目标、实际为该网点客户经理的目标与按管户归属计入的实际之和；完成率 = 实际合计 ÷ 目标合计（越低越好的指标为 目标 ÷ 实际），目标合计不为正时不计算。'],
  ];
  return { name: '说明', rows, boldRows: [1], widths: [14, 100] };
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
function uniqueNames(sheets: XlsxSheet[]): XlsxSheet[] {
  const seen = new Set<string>();
  return sheets.map((s) => {
    const base = s.name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    seen.add(name.toLowerCase());
    return { ...s, name };
  });
}
