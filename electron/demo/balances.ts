import { MONTHS, MONTH_END_DAYS, MONTH_FIRST_DAYS } from './calendar.js';
import type { ClientProfile } from './clients.js';
import { BALANCE_PRODUCTS } from './formats.js';
import { Rng, STREAM } from './rng.js';

const PRODUCTS = BALANCE_PRODUCTS.length;
export const LOAN = BALANCE_PRODUCTS.indexOf('loan');
/** Month-to-month wobble of each AUM product around its share of the client's level. */
const NOISE = [0.06, 0.01, 0.03, 0.06, 0.005];
/** Quarter-ends (2025-12-31, 2026-03-31, 2026-06-30, 2026-09-30), where point balances get dressed up. */
const QUARTER_END = new Set([1, 4, 7, 10]);

/**
 * Evolves every client's balances month by month and keeps only the last month in memory
 * (one Float64Array per quantity), so the twelve snapshot files can be streamed one after another.
 * `month(m, i, …)` must be called for m = 0, 1, … 11 in order.
 */
export class BalanceSimulator {
  private readonly level: Float64Array;
  private readonly prev: Float64Array;
  private readonly rng = Rng.derive(0, 0);
  /** Point and daily-average totals per (month, outlet, product), for the targets. */
  readonly totals: Float64Array;

  constructor(
    private readonly seed: number,
    private readonly profiles: readonly ClientProfile[],
    private readonly outlets: number,
  ) {
    this.level = new Float64Array(profiles.length);
    this.prev = new Float64Array(profiles.length * PRODUCTS);
    this.totals = new Float64Array(MONTHS * outlets * PRODUCTS * 2);
  }

  total(m: number, outlet: number, product: number, kind: 'point' | 'avg'): number {
    return this.totals[((m * this.outlets + outlet) * PRODUCTS + product) * 2 + (kind === 'point' ? 0 : 1)] ?? 0;
  }

  /** The client's balance (without quarter-end dressing) at the last simulated month-end. */
  lastBalance(i: number, product: number): number {
    return this.prev[i * PRODUCTS + product] ?? 0;
  }

  month(m: number, i: number, emit: (product: number, balanceFen: number, avgFen: number) => void): void {
    const p = this.profiles[i];
    if (p === undefined || m < p.firstMonth) return;
    const rng = this.rng.reset(this.seed, STREAM.balance, i * MONTHS + m);
    const monthDays = (MONTH_END_DAYS[m] ?? 0) - (MONTH_FIRST_DAYS[m] ?? 0) + 1;
    // Share of the month the money was there, for clients and loans that started mid-month.
    const presence = (startDay: number): number => Math.min(1, ((MONTH_END_DAYS[m] ?? 0) - startDay + 1) / monthDays);

    let level: number;
    if (p.churnMonth >= 0 && m >= p.churnMonth) level = 0;
    else if (m === p.firstMonth) level = p.baseAumFen;
    else level = (this.level[i] ?? 0) * Math.exp(p.drift + 0.04 * rng.normal());
    // Lost clients move most of their money out the month before they empty the accounts.
    if (p.churnMonth >= 0 && m === p.churnMonth - 1) level *= 0.3;
    this.level[i] = level;

    const base = i * PRODUCTS;
    const totalsBase = (m * this.outlets + p.outlet) * PRODUCTS;
    const record = (k: number, point: number, avg: number): void => {
      if (point === 0 && avg === 0) return;
      this.totals[(totalsBase + k) * 2] = (this.totals[(totalsBase + k) * 2] ?? 0) + point;
      this.totals[(totalsBase + k) * 2 + 1] = (this.totals[(totalsBase + k) * 2 + 1] ?? 0) + avg;
      emit(k, point, avg);
    };

    for (let k = 0; k < PRODUCTS - 1; k++) {
      const share = p.shares[k] ?? 0;
      const before = this.prev[base + k] ?? 0;
      if (share === 0 && before === 0) continue;
      const cur = Math.max(0, Math.round(level * share * (1 + (NOISE[k] ?? 0) * rng.normal())));
      let avg: number;
      if (m === p.firstMonth) avg = m === 0 && p.openDay < (MONTH_FIRST_DAYS[0] ?? 0) ? cur * (1 + 0.02 * rng.normal()) : cur * presence(p.openDay);
      else avg = ((before + cur) / 2) * (1 + 0.015 * rng.normal());
      let point = cur;
      if (k === 0 && p.spiky && cur > 0 && QUARTER_END.has(m)) point = Math.round(cur * (1 + rng.between(0.1, 0.6)));
      this.prev[base + k] = cur;
      record(k, point, Math.max(0, Math.round(avg)));
    }

    if (p.loanFen > 0 && m >= p.loanMonth) {
      const before = this.prev[base + LOAN] ?? 0;
      // Roughly an annuity: a small share of principal goes each month.
      const cur = m === p.loanMonth ? p.loanFen : Math.max(0, Math.round(before * (1 - 0.006) - p.loanFen * 0.002));
      const predates = m === 0 && p.openDay < (MONTH_FIRST_DAYS[0] ?? 0);
      const avg =
        m !== p.loanMonth ? (before + cur) / 2 : predates ? cur : cur * presence(Math.max(p.openDay, (MONTH_FIRST_DAYS[m] ?? 0) + rng.int(0, 20)));
      this.prev[base + LOAN] = cur;
      record(LOAN, cur, Math.round(avg));
    }
  }
}
