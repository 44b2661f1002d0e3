import type { BookConfig } from '../../shared/book/config.js';
import { STAGE_LABELS } from '../../shared/book/labels.js';
import type { LifecycleStage } from '../../shared/book/labels.js';
import type { StageExplanation, StageInputs } from '../../shared/book/types.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import { formatFen } from '../../shared/model/money.js';

/**
 * Lifecycle stage (客户生命周期) from the AUM trend across snapshots. The rules are tried in a fixed order and
 * the first that holds decides (docs/book.md):
 *   1 潜在 no assets at any snapshot up to the scoring date;
 *   2 流失 AUM now below lostBelow after having reached lostPeak at some snapshot;
 *   3 新客 opened fewer than newMonths full months ago;
 *   4 衰退 recent level more than declinePct below the window's peak level;
 *   5 成长 recent level more than growthPct above the level about growthMonths earlier;
 *   6 成熟 otherwise.
 * A "level" is the mean of N consecutive snapshots (N = meanSnapshots, rounded down to whole fen): month-end
 * balances swing (quarter-end window dressing, salary days), and one high month must not make a trend.
 * All comparisons are on integer fen multiplied out, never on floating-point ratios.
 */

/** Mean of window[from..to] (inclusive), rounded down to whole fen. */
function meanFen(window: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i <= to; i++) sum += window[i] ?? 0;
  return Math.floor(sum / (to - from + 1));
}

/**
 * The stage inputs from a client's AUM series over the window (one value per window snapshot date, oldest
 * first, the last one the scoring date; 0 where the client had no rows).
 */
export function stageInputsOf(
  window: ArrayLike<number>,
  everPeakFen: number,
  baseIndex: number,
  tenureMonths: number | null,
  config: BookConfig,
): StageInputs {
  const n = window.length;
  const k = Math.min(config.stage.meanSnapshots, n);
  if (n === 0) return { aumFen: 0, everPeakFen: Math.max(0, everPeakFen), peakFen: 0, recentFen: 0, baseFen: 0, tenureMonths };
  const recentFen = meanFen(window, n - k, n - 1);
  let peakFen = recentFen;
  for (let end = k - 1; end < n; end++) peakFen = Math.max(peakFen, meanFen(window, end - k + 1, end));
  const base = Math.max(0, Math.min(baseIndex, n - 1));
  const baseFen = meanFen(window, Math.max(0, base - k + 1), base);
  return { aumFen: window[n - 1] ?? 0, everPeakFen, peakFen, recentFen, baseFen, tenureMonths };
}

/** The stage alone: what the bulk recompute stores. */
export function lifecycleStage(s: StageInputs, config: BookConfig): LifecycleStage {
  const r = config.stage;
  if (s.everPeakFen <= 0) return 'prospect';
  if (s.aumFen < r.lostBelowFen && s.everPeakFen >= r.lostPeakFen) return 'lost';
  if (s.tenureMonths !== null && s.tenureMonths < r.newMonths) return 'new';
  if (s.recentFen * 100 < s.peakFen * (100 - r.declinePct)) return 'declining';
  if (s.recentFen * 100 > s.baseFen * (100 + r.growthPct)) return 'growing';
  return 'mature';
}

const y = (fen: number): string => formatFen(fen);

/** The rules in the order they are tried, worded with the configured thresholds. */
export function stageRules(config: BookConfig): LocalizedText[] {
  const r = config.stage;
  return [
    { zh: '潜在：截至评分日的所有快照中金融资产均为 0', en: 'Prospect: no AUM at any snapshot up to the scoring date' },
    {
      zh: `流失：当前金融资产低于 ${y(r.lostBelowFen)} 元，且此前曾达到 ${y(r.lostPeakFen)} 元`,
      en: `Lost: AUM now below ${y(r.lostBelowFen)} yuan after having reached ${y(r.lostPeakFen)} yuan`,
    },
    { zh: `新客：开户不满 ${r.newMonths} 个月`, en: `New: opened less than ${r.newMonths} full months ago` },
    {
      zh: `衰退：最近 ${r.meanSnapshots} 期快照的平均金融资产，比窗口内任意连续 ${r.meanSnapshots} 期平均的最高值低 ${r.declinePct}% 以上`,
      en: `Declining: mean AUM of the last ${r.meanSnapshots} snapshots more than ${r.declinePct}% below the highest mean of any ${r.meanSnapshots} consecutive window snapshots`,
    },
    {
      zh: `成长：最近 ${r.meanSnapshots} 期平均金融资产，比约 ${r.growthMonths} 个月前（基期及之前共 ${r.meanSnapshots} 期的平均）高 ${r.growthPct}% 以上`,
      en: `Growing: mean AUM of the last ${r.meanSnapshots} snapshots more than ${r.growthPct}% above the mean of the ${r.meanSnapshots} snapshots ending about ${r.growthMonths} months earlier`,
    },
    { zh: '成熟：以上均不满足', en: 'Mature: none of the above' },
  ];
}

function decidingRule(stage: LifecycleStage, s: StageInputs, config: BookConfig): LocalizedText {
  const r = config.stage;
  switch (stage) {
    case 'prospect':
      return { zh: '截至评分日的所有快照中金融资产均为 0', en: 'No AUM at any snapshot up to the scoring date' };
    case 'lost':
      return {
        zh: `当前金融资产 ${y(s.aumFen)} 元 < ${y(r.lostBelowFen)} 元，历史峰值 ${y(s.everPeakFen)} 元 ≥ ${y(r.lostPeakFen)} 元`,
        en: `AUM now ${y(s.aumFen)} yuan < ${y(r.lostBelowFen)} yuan; earlier peak ${y(s.everPeakFen)} yuan ≥ ${y(r.lostPeakFen)} yuan`,
      };
    case 'new':
      return { zh: `开户 ${s.tenureMonths ?? 0} 个月 < ${r.newMonths} 个月`, en: `Opened ${s.tenureMonths ?? 0} months ago < ${r.newMonths}` };
    case 'declining':
      return {
        zh: `最近 ${r.meanSnapshots} 期平均 ${y(s.recentFen)} 元 < 峰值平均 ${y(s.peakFen)} 元 × ${100 - r.declinePct}%`,
        en: `Mean of the last ${r.meanSnapshots} snapshots ${y(s.recentFen)} yuan < peak mean ${y(s.peakFen)} yuan × ${100 - r.declinePct}%`,
      };
    case 'growing':
      return {
        zh: `最近 ${r.meanSnapshots} 期平均 ${y(s.recentFen)} 元 > 基期平均 ${y(s.baseFen)} 元 × ${100 + r.growthPct}%`,
        en: `Mean of the last ${r.meanSnapshots} snapshots ${y(s.recentFen)} yuan > base mean ${y(s.baseFen)} yuan × ${100 + r.growthPct}%`,
      };
    case 'mature':
      return {
        zh: `最近平均 ${y(s.recentFen)} 元，峰值平均 ${y(s.peakFen)} 元，基期平均 ${y(s.baseFen)} 元：既未明显下降也未明显增长`,
        en: `Recent mean ${y(s.recentFen)} yuan, peak mean ${y(s.peakFen)}, base mean ${y(s.baseFen)}: neither a clear decline nor clear growth`,
      };
  }
}

/** The stage with the rule that decided it and its numbers, for the client page. */
export function explainStage(s: StageInputs, config: BookConfig): StageExplanation {
  const stage = lifecycleStage(s, config);
  return { stage, label: STAGE_LABELS[stage], rule: decidingRule(stage, s, config), rules: stageRules(config), inputs: s };
}
