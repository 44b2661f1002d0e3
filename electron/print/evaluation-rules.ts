import type { EvaluationTraceStep } from '../../shared/evaluation/card.js';
import type { SchemeItem } from '../../shared/evaluation/scheme.js';
import type { EvaluationSheetItem, FigureUnit } from '../../shared/evaluation/sheet.js';
import { figureText, unitLabel } from '../../shared/evaluation/sheet.js';

/**
 * The words the printed 考核表 uses for a scheme's rules and for the calculation steps: the sheet states the rule
 * under each item's name, and the appendix repeats the scoring's own trace, with amounts also shown in 元.
 */
const num = (n: number): string => String(n);

function figure(value: string, unit: FigureUnit): string {
  const u = unitLabel(unit);
  const text = figureText(value, unit);
  return u === '' || u === '%' ? text : `${text} ${u}`;
}

/** The item's scoring rule in one line: method, threshold, gate, cap and floor. */
export function ruleText(entry: EvaluationSheetItem, nameOf: (key: string) => string): string {
  const { item, unit } = entry;
  const m = item.method;
  const parts: string[] = [];
  switch (m.type) {
    case 'ratio':
      parts.push(`权重 × 完成率（按 ${num(m.floorPct)}%–${num(m.capPct)}% 计）`);
      break;
    case 'difference':
      parts.push(`达标得 ${num(item.weight)} 分，每超 ${figure(m.per, unit)} 加 ${num(m.pointsAbove)} 分、每差减 ${num(m.pointsBelow)} 分${m.prorate ? '（按比例）' : '（按整单位）'}`);
      break;
    case 'bands':
      parts.push(
        `分档：${[...m.bands]
          .sort((a, b) => b.fromPct - a.fromPct)
          .map((b) => `≥${num(b.fromPct)}% 得 ${num(b.scorePct)}%`)
          .join('，')}`,
      );
      break;
    case 'entered':
      parts.push(`主管评分（0–${num(item.weight)} 分）`);
      break;
    case 'deduction':
      parts.push(`每次扣 ${num(m.pointsEach)} 分，最多扣 ${num(m.maxPoints)} 分`);
      break;
  }
  if (item.zeroBelowPct !== undefined) parts.push(`完成率低于 ${num(item.zeroBelowPct)}% 不得分`);
  if (item.gate !== undefined) parts.push(`须「${nameOf(item.gate.item)}」完成率 ≥ ${num(item.gate.minPct)}%`);
  if (item.maxPoints !== undefined) parts.push(`封顶 ${num(item.maxPoints)} 分`);
  if (item.minPoints !== undefined) parts.push(`保底 ${num(item.minPoints)} 分`);
  return parts.join('；');
}

/** Steps whose value is a figure in the item's stored unit (fen, units, basis points) rather than points. */
const FIGURE_STEPS = new Set(['Actual', 'Target', 'Difference']);

/**
 * A trace step's value as printed. Amounts are traced in fen, exactly as computed; the sheet adds the same
 * figure in 元 so a reader can follow it by hand, and basis points also as a percentage.
 */
export function stepValueText(step: EvaluationTraceStep, unit: FigureUnit): string {
  if (!FIGURE_STEPS.has(step.en) || !/^-?\d+(\.\d+)?$/.test(step.value)) return step.value;
  if (unit.kind === 'fen') return `${step.value} 分（${figureText(step.value, unit)} 元）`;
  if (unit.kind === 'bp') return `${step.value} 基点（${figureText(step.value, unit)}）`;
  if (unit.kind === 'count') return `${step.value} ${unit.label}`;
  return step.value;
}

/**
 * A trace step's label as printed: the difference method's "按每 1000000 计" counts in fen, which the sheet also
 * says in 元.
 */
export function stepLabelText(step: EvaluationTraceStep, unit: FigureUnit): string {
  if (unit.kind !== 'fen' || !step.en.startsWith('Per ')) return step.zh;
  return step.zh.replace(/按每 (-?\d+) 计/, (_all, per: string) => `按每 ${per} 分（${figureText(per, unit)} 元）计`);
}

/** Item names by key, for gates and traces that name another item. */
export function itemNames(items: readonly SchemeItem[]): (key: string) => string {
  const names = new Map(items.map((i) => [i.key, i.name]));
  return (key) => names.get(key) ?? key;
}
