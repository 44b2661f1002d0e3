import type { BalanceSimulator } from './balances.js';
import { HISTORY_START_DAY } from './calendar.js';
import type { ClientProfile } from './clients.js';
import { OUTLETS } from './org.js';
import { Rng, STREAM } from './rng.js';

export interface Indicator {
  code: string;
  name: string;
  unit: '万元' | '户' | '张';
  /** A level to reach (日均) rather than a flow to add up; it gets no quarterly split. */
  level: boolean;
}

/** 2026 head-office indicators (任务指标) handed down to each outlet. */
export const INDICATORS: readonly Indicator[] = [
  { code: 'DEP_NET', name: '存款净增', unit: '万元', level: false },
  { code: 'DEP_AVG', name: '日均存款', unit: '万元', level: true },
  { code: 'NEW_CLIENT', name: '新增有效客户', unit: '户', level: false },
  { code: 'WEALTH_SALES', name: '理财销售', unit: '万元', level: false },
  { code: 'FUND_SALES', name: '基金销量', unit: '万元', level: false },
  { code: 'INS_PREMIUM', name: '保险标保', unit: '万元', level: false },
  { code: 'CARD_NEW', name: '信用卡新增', unit: '张', level: false },
  { code: 'LOAN_NEW', name: '贷款投放', unit: '万元', level: false },
  { code: 'VIP_NEW', name: '中高端客户新增', unit: '户', level: false },
];

/** The front-loaded quarterly split (开门红) banks use for flow indicators. */
const QUARTER_SHARES = [0.4, 0.25, 0.2, 0.15];

export interface TargetRow {
  outlet: number;
  indicator: Indicator;
  annual: number;
  quarters: number[] | null;
}

const WAN = 1_000_000; // fen in 万元

/**
 * Targets sized from each outlet's book at the start of the window, so that some outlets
 * make them and some fall short, as in a real year.
 */
export function buildTargets(seed: number, profiles: readonly ClientProfile[], sim: BalanceSimulator): TargetRow[] {
  const rng = Rng.derive(seed, STREAM.target);
  const rows: TargetRow[] = [];
  OUTLETS.forEach((_, o) => {
    const at0 = (k: number, kind: 'point' | 'avg'): number => sim.total(0, o, k, kind);
    const deposits = at0(0, 'point') + at0(1, 'point');
    const avgDeposits = at0(0, 'avg') + at0(1, 'avg');
    let newClients = 0;
    let cards = 0;
    let newLoans = 0;
    let vips = 0;
    for (const p of profiles) {
      if (p.outlet !== o) continue;
      if (p.openDay >= HISTORY_START_DAY) newClients++;
      if (p.cardLimitFen > 0 && p.cardOpenDay >= HISTORY_START_DAY) cards++;
      if (p.loanFen > 0 && p.loanMonth > p.firstMonth) newLoans += p.loanFen;
      if (p.tier0 >= 1) vips++;
    }
    const base: Record<string, number> = {
      DEP_NET: (deposits * rng.between(0.06, 0.1)) / WAN,
      DEP_AVG: (avgDeposits * rng.between(1.04, 1.08)) / WAN,
      NEW_CLIENT: newClients * 0.6 * rng.between(0.9, 1.2),
      WEALTH_SALES: (at0(2, 'point') * rng.between(0.8, 1.2)) / WAN,
      FUND_SALES: (at0(3, 'point') * rng.between(0.3, 0.5)) / WAN,
      INS_PREMIUM: (at0(4, 'point') * rng.between(0.08, 0.12)) / WAN,
      CARD_NEW: cards * rng.between(0.9, 1.3),
      LOAN_NEW: (newLoans * rng.between(0.9, 1.2)) / WAN,
      VIP_NEW: vips * rng.between(0.05, 0.1),
    };
    for (const indicator of INDICATORS) {
      const annual = Math.max(1, Math.round(base[indicator.code] ?? 0));
      let quarters: number[] | null = null;
      if (!indicator.level) {
        quarters = QUARTER_SHARES.slice(0, 3).map((s) => Math.round(annual * s));
        quarters.push(annual - quarters.reduce((s, q) => s + q, 0));
      }
      rows.push({ outlet: o, indicator, annual, quarters });
    }
  });
  return rows;
}
