import type { IndicatorCompletion, Ranking } from '../../../../shared/dashboard/types.js';
import { pointsText } from '../../../../shared/evaluation/card.js';
import { formatBp, formatFigure } from '../../../../shared/targets/figures.js';
import { parsePeriod, periodsOf } from '../../../../shared/targets/periods.js';
import type { Translate } from '../../i18n/messages.js';

/** A period as the pickers and titles name it: 2026年全年 / 2026年第4季度 / 2026年10月. */
export function periodText(period: string, t: Translate): string {
  const p = parsePeriod(period);
  if (p === null) return period;
  if (p.kind === 'year') return t('dash.period.year', { year: p.year });
  if (p.kind === 'quarter') return t('dash.period.quarter', { year: p.year, q: p.index });
  return t('dash.period.month', { year: p.year, m: p.index });
}

/** Every period of the years offered, newest year first, each year followed by its quarters and months. */
export function periodOptions(years: readonly number[]): string[] {
  return years.flatMap((y) => periodsOf(y));
}

/** A target or actual in the indicator's own unit, exactly (万元 from fen, counts grouped); the unit is said once, by the name. */
export function amountText(value: number | null, row: Pick<IndicatorCompletion, 'indicator'>): string {
  return value === null ? '—' : formatFigure(value, row.indicator.measure, row.indicator.unit);
}

export { formatBp };

/** A ranking value as printed: points with two decimals, or a completion percentage. */
export function rankValueText(value: number, measure: 'points' | 'bp'): string {
  return measure === 'points' ? pointsText(String(value)) : formatBp(value);
}

/** The rows after which some were left out (the top few, the caller's own, the bottom few). */
export function gapsAfter(ranking: Ranking): Set<number> {
  const out = new Set<number>();
  ranking.rows.forEach((r, i) => {
    const next = ranking.rows[i + 1];
    if (next !== undefined && next.position > r.position + 1) out.add(i);
  });
  return out;
}

/** The `data-*` friendly text of a share: "93.1%（13,276 / 14,329）". */
export function shareText(t: Translate, bp: number | null, part: number | null, whole: number | null, count: (n: number) => string): string {
  if (part === null || whole === null) return '—';
  return t('dash.vip.share', { pct: formatBp(bp), part: count(part), whole: count(whole) });
}
