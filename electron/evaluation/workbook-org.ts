import type { EvaluationRunDetail } from '../../shared/api/ops/evaluation.js';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import type { SchemeItem } from '../../shared/evaluation/scheme.js';
import type { FigureUnit } from '../../shared/evaluation/sheet.js';
import { traceValue, unitLabel } from '../../shared/evaluation/sheet.js';
import type { XlsxCell, XlsxSheet } from '../xlsx/build-xlsx.js';
import { centsOf, centsText, completionText, figureCell, itemOf, meanHundredths, pointsCell, sumPoints } from './workbook-figures.js';

/**
 * Institution-level results of a run (机构汇总): per outlet and for all outlets together, the head count, how many
 * are fully scored, the average / highest / lowest total, the outcome counts, 末位 count and each item's points
 * summed; and per outlet and quantitative item (机构指标完成) the managers' targets and credited actuals summed with
 * the completion of those sums. Sums are of the stored per-manager figures, so they add up to the manager rows.
 */
interface Group {
  code: string;
  name: string;
  cards: EvaluationCard[];
}

function groups(cards: readonly EvaluationCard[]): Group[] {
  const byOutlet = new Map<number, Group>();
  for (const c of cards) {
    const g = byOutlet.get(c.manager.outletId) ?? { code: c.manager.outletCode, name: c.manager.outletName, cards: [] };
    g.cards.push(c);
    byOutlet.set(c.manager.outletId, g);
  }
  const outlets = [...byOutlet.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [...outlets, { code: '', name: '合计', cards: [...cards] }];
}

function resultRow(g: Group, items: readonly SchemeItem[]): XlsxCell[] {
  const totals = g.cards.filter((c) => c.total !== null).map((c) => BigInt(c.total as string));
  const mean = meanHundredths(totals);
  const extreme = (pick: (a: bigint, b: bigint) => boolean): string | null =>
    totals.length === 0 ? null : totals.reduce((x, y) => (pick(y, x) ? y : x)).toString();
  const count = (o: EvaluationCard['outcome']): number => g.cards.filter((c) => c.outcome === o).length;
  return [
    g.code === '' ? null : g.code,
    g.name,
    g.cards.length,
    totals.length,
    pointsCell(mean === null ? null : mean.toString()),
    pointsCell(extreme((a, b) => a > b)),
    pointsCell(extreme((a, b) => a < b)),
    count('promote'),
    count('maintain'),
    count('demote'),
    g.cards.filter((c) => c.bottom).length,
    ...items.map((i) => pointsCell(sumPoints(g.cards.map((c) => itemOf(c, i.key)?.points ?? null)).toString())),
  ];
}

function resultsSheet(all: Group[], items: readonly SchemeItem[], title: string): XlsxSheet {
  const head = ['网点号', '网点', '考核人数', '已完成评分', '平均总分', '最高总分', '最低总分', '晋升', '维持', '降级', '末位', ...items.map((i) => `${i.name} 得分合计`)];
  const rows: XlsxCell[][] = [[`机构汇总 ${title}`], head, ...all.map((g) => resultRow(g, items))];
  return { name: '机构汇总', rows, boldRows: [1, 2, rows.length], merges: ['A1:H1'], widths: [8, 14, 9, 10, 10, 10, 10, 6, 6, 6, 6, ...items.map(() => 14)] };
}

function completionSheet(all: Group[], items: readonly SchemeItem[], units: ReadonlyMap<string, FigureUnit>, directions: ReadonlyMap<string, 'up' | 'down'>, title: string): XlsxSheet {
  const rows: XlsxCell[][] = [[`机构指标完成 ${title}`], ['网点号', '网点', '指标', '单位', '目标合计', '实际合计', '完成率（%）', '得分合计']];
  for (const g of all) {
    for (const item of items) {
      const unit = units.get(item.key) ?? { kind: 'none' };
      let target = 0n;
      let actual = 0n;
      for (const c of g.cards) {
        const score = itemOf(c, item.key);
        if (score === undefined) continue;
        target += centsOf(traceValue(score, 'Target')) ?? 0n;
        actual += centsOf(traceValue(score, 'Actual')) ?? 0n;
      }
      const completion = completionText(actual, target, directions.get(item.key) ?? 'up');
      rows.push([
        g.code === '' ? null : g.code,
        g.name,
        item.name,
        unitLabel(unit),
        figureCell(centsText(target), unit),
        figureCell(centsText(actual), unit),
        completion === null ? null : { fixed2: Number(completion) },
        pointsCell(sumPoints(g.cards.map((c) => itemOf(c, item.key)?.points ?? null)).toString()),
      ]);
    }
  }
  return { name: '机构指标完成', rows, boldRows: [1, 2], merges: ['A1:H1'], widths: [8, 14, 16, 6, 18, 18, 12, 10] };
}

export function orgSheets(
  detail: EvaluationRunDetail,
  quantitative: readonly SchemeItem[],
  units: ReadonlyMap<string, FigureUnit>,
  directions: ReadonlyMap<string, 'up' | 'down'>,
  title: string,
): XlsxSheet[] {
  const all = groups(detail.cards);
  return [resultsSheet(all, detail.scheme.items, title), completionSheet(all, quantitative, units, directions, title)];
}
