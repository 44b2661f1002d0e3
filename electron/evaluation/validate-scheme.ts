import type { LocalizedText } from '../../shared/i18n/locale.js';
import type { Scheme, SchemeItem } from '../../shared/evaluation/scheme.js';
import { weightedItems } from '../../shared/evaluation/scheme.js';
import { hundredths } from '../platform/rational.js';

export interface SchemeProblem {
  /** The item concerned, or null for the scheme as a whole. */
  item: string | null;
  message: LocalizedText;
}

/**
 * The scheme editor's checks before saving: weights sum to exactly 100, keys unique, each method fits its source,
 * gates point at existing items without cycles, bands and caps make sense, indicators exist. Missing targets are
 * checked against a period by the caller (`knownIndicators` only says the indicator exists).
 */
export function validateScheme(scheme: Scheme, knownIndicators: ReadonlySet<string>): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const add = (item: string | null, zh: string, en: string): void => {
    problems.push({ item, message: { zh, en } });
  };
  const total = weightedItems(scheme).reduce((s, i) => s + hundredths(i.weight), 0n);
  if (total !== 10_000n) add(null, `各项权重合计应为 100，现为 ${Number(total) / 100}`, `Weights must sum to 100; they sum to ${Number(total) / 100}`);
  const keys = new Set<string>();
  for (const item of scheme.items) {
    if (keys.has(item.key)) add(item.key, `指标代码「${item.key}」重复`, `Item key “${item.key}” is used twice`);
    keys.add(item.key);
  }
  for (const item of scheme.items) checkItem(item, keys, knownIndicators, add);
  if (cycleIn(scheme.items) !== null) add(null, `前置指标形成循环：${(cycleIn(scheme.items) ?? []).join(' → ')}`, `Gates form a cycle: ${(cycleIn(scheme.items) ?? []).join(' → ')}`);
  for (const r of scheme.gradeRules) {
    if (r.promoteAt !== null && r.promoteAt <= r.maintainAt) add(null, `职级 ${r.grade} 的晋升线应高于维持线`, `Grade ${r.grade}: the promote line must be above the maintain line`);
  }
  return problems;
}

function checkItem(item: SchemeItem, keys: ReadonlySet<string>, known: ReadonlySet<string>, add: (item: string | null, zh: string, en: string) => void): void {
  const { source, method } = item;
  const k = item.key;
  if (source.kind === 'qualitative' && method.type !== 'entered') add(k, '定性项只能由主管评分', 'A qualitative item is scored by the supervisor (method “entered”)');
  if (method.type === 'entered' && source.kind !== 'qualitative') add(k, '主管评分只用于定性项', 'Only qualitative items are entered by the supervisor');
  if ((source.kind === 'count') !== (method.type === 'deduction')) add(k, '扣分项须以次数为来源', 'Deductions, and only deductions, take a count');
  if (method.type === 'deduction' && item.weight !== 0) add(k, '扣分项不计权重（权重应为 0）', 'A deduction carries no weight (weight 0)');
  if (source.kind === 'indicator' && !known.has(source.indicator)) add(k, `指标「${source.indicator}」不存在`, `Indicator “${source.indicator}” does not exist`);
  if (method.type === 'bands' && new Set(method.bands.map((b) => b.fromPct)).size !== method.bands.length) add(k, '分档的起点不能重复', 'Two bands start at the same completion');
  if (method.type === 'difference' && BigInt(method.per) <= 0n) add(k, '差额计分的单位必须大于 0', 'The difference unit must be above 0');
  if (item.maxPoints !== undefined && item.minPoints !== undefined && item.maxPoints < item.minPoints) add(k, '封顶分不能低于保底分', 'The cap is below the floor');
  if (item.gate !== undefined) {
    if (item.gate.item === k) add(k, '前置指标不能是本项', 'An item cannot gate itself');
    else if (!keys.has(item.gate.item)) add(k, `前置指标「${item.gate.item}」不存在`, `Gate item “${item.gate.item}” does not exist`);
  }
}

/** A cycle of gates (keys in order), or null. */
function cycleIn(items: readonly SchemeItem[]): string[] | null {
  const gateOf = new Map(items.map((i) => [i.key, i.gate?.item]));
  for (const start of gateOf.keys()) {
    const seen: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined) {
      if (seen.includes(at)) return [...seen.slice(seen.indexOf(at)), at];
      seen.push(at);
      at = gateOf.get(at);
    }
  }
  return null;
}

/** Items in an order where every gate comes before the items it gates (stable otherwise); refuses cycles. */
export function calculationOrder(items: readonly SchemeItem[]): SchemeItem[] {
  if (cycleIn(items) !== null) throw new RangeError(`gate cycle: ${(cycleIn(items) ?? []).join(' → ')}`);
  const byKey = new Map(items.map((i) => [i.key, i]));
  const out: SchemeItem[] = [];
  const placed = new Set<string>();
  const place = (item: SchemeItem): void => {
    if (placed.has(item.key)) return;
    const gate = item.gate === undefined ? undefined : byKey.get(item.gate.item);
    if (gate !== undefined) place(gate);
    placed.add(item.key);
    out.push(item);
  };
  for (const item of items) place(item);
  return out;
}
