import { AS_OF_DAY, HISTORY_START_DAY, addMonths } from './calendar.js';
import type { BalanceSimulator } from './balances.js';
import { LOAN } from './balances.js';
import type { ClientProfile } from './clients.js';
import { loanOpenDay } from './clients.js';
import type { HoldingClassCode } from './formats.js';
import { luhnDigit } from './identity.js';
import { OUTLETS } from './org.js';
import { Rng, STREAM } from './rng.js';

export interface Holding {
  accountNo: string;
  classCode: HoldingClassCode;
  productCode: string;
  productName: string;
  amountFen: number;
  openDay: number;
  maturityDay: number | null;
  closed: boolean;
}

interface Product {
  code: string;
  name: string;
  /** Term in months; null for open-ended products. */
  months: number | null;
  weight: number;
}

const TIME_DEPOSITS: Product[] = [
  { code: 'DQ0003', name: '整存整取三个月', months: 3, weight: 2 },
  { code: 'DQ0006', name: '整存整取六个月', months: 6, weight: 2 },
  { code: 'DQ0012', name: '整存整取一年', months: 12, weight: 4 },
  { code: 'DQ0024', name: '整存整取二年', months: 24, weight: 2 },
  { code: 'DQ0036', name: '整存整取三年', months: 36, weight: 3 },
  { code: 'DQ0060', name: '整存整取五年', months: 60, weight: 1 },
];
const LARGE_CDS: Product[] = [
  { code: 'DE2025012', name: '大额存单2025年第12期（1年）', months: 12, weight: 1 },
  { code: 'DE2026003', name: '大额存单2026年第3期（3年）', months: 36, weight: 1 },
];
const WEALTH: Product[] = [
  { code: 'LC2026A091', name: '稳利91天（封闭式）', months: 3, weight: 3 },
  { code: 'LC2026B182', name: '悦享182天（封闭式）', months: 6, weight: 3 },
  { code: 'LC2026C365', name: '年年红365天（封闭式）', months: 12, weight: 2 },
  { code: 'LC0001XJ', name: '天天利现金管理（开放式）', months: null, weight: 3 },
  { code: 'LC0002ZQ', name: '季季盈固收增强（开放式）', months: null, weight: 2 },
];
const FUNDS: Product[] = [
  { code: '007301', name: '金陵稳健债券A', months: null, weight: 3 },
  { code: '007302', name: '紫金科技成长混合', months: null, weight: 2 },
  { code: '007303', name: '长江沪深300指数增强A', months: null, weight: 2 },
  { code: '007304', name: '钟山货币B', months: null, weight: 2 },
  { code: '007305', name: '扬子消费升级股票', months: null, weight: 1 },
  { code: '007306', name: '金陵养老目标2040三年持有', months: null, weight: 1 },
];
const INSURANCE: Product[] = [
  { code: 'BX2101', name: '鑫享年金保险（分红型）', months: 120, weight: 3 },
  { code: 'BX2102', name: '福寿终身寿险', months: null, weight: 2 },
  { code: 'BX2103', name: '安康两全保险', months: 240, weight: 2 },
  { code: 'BX2104', name: '臻享增额终身寿险', months: null, weight: 2 },
];
const LOANS: Record<NonNullable<ClientProfile['loanKind']>, Product> = {
  mortgage: { code: 'DK1001', name: '个人住房贷款', months: 300, weight: 1 },
  consumer: { code: 'DK2001', name: '个人消费贷款', months: 36, weight: 1 },
  business: { code: 'DK3001', name: '个人经营性贷款', months: 24, weight: 1 },
};
const CARDS = [
  { code: 'XK0001', name: '金陵信用卡普卡', upTo: 5_000_000 },
  { code: 'XK0002', name: '金陵信用卡金卡', upTo: 10_000_000 },
  { code: 'XK0003', name: '金陵信用卡白金卡', upTo: Infinity },
];

function pickProduct(rng: Rng, list: readonly Product[]): Product {
  let x = rng.float() * list.reduce((s, p) => s + p.weight, 0);
  for (const p of list) {
    x -= p.weight;
    if (x < 0) return p;
  }
  return list[list.length - 1] as Product;
}

/** Splits an amount into `parts` positive pieces that add up exactly. */
function split(rng: Rng, fen: number, parts: number): number[] {
  if (parts <= 1 || fen < parts * 100) return [fen];
  const w = Array.from({ length: parts }, () => 0.3 + rng.float());
  const sum = w.reduce((s, x) => s + x, 0);
  const out = w.map((x) => Math.floor((fen * x) / sum));
  out[0] = (out[0] ?? 0) + fen - out.reduce((s, x) => s + x, 0);
  return out;
}

/**
 * A term product still running at the as-of date. Deposits roll over automatically
 * (自动转存), so a term that would have ended is carried forward to the next maturity.
 */
function termDates(rng: Rng, months: number, clientOpenDay: number): { open: number; maturity: number } {
  let maturity = AS_OF_DAY + rng.int(1, Math.max(1, addMonths(AS_OF_DAY, months) - AS_OF_DAY));
  let open = addMonths(maturity, -months);
  if (open < clientOpenDay) {
    open = clientOpenDay + rng.int(0, Math.max(0, Math.min(20, AS_OF_DAY - clientOpenDay)));
    maturity = addMonths(open, months);
    while (maturity <= AS_OF_DAY) maturity = addMonths(maturity, months);
    open = addMonths(maturity, -months);
  }
  return { open, maturity };
}

/** Unique account numbers: a type prefix, the outlet, a running number and a Luhn digit. */
export class AccountNumbers {
  private seq = 0;
  next(p: ClientProfile, card: boolean): string {
    this.seq++;
    const body = card ? `625832${this.seq.toString().padStart(9, '0')}` : `32${(OUTLETS[p.outlet]?.code ?? '000000000').slice(4)}${this.seq.toString().padStart(10, '0')}`;
    return body + luhnDigit(body);
  }
}

/**
 * The holdings behind a client's last balances: time deposits, wealth, funds and insurance add up
 * to the 2026-10-31 balance of their type; loans match the loan balance; credit cards carry the
 * limit. Some time deposits that matured during the year are included as closed.
 */
export function clientHoldings(seed: number, p: ClientProfile, sim: BalanceSimulator, accounts: AccountNumbers): Holding[] {
  const rng = Rng.derive(seed, STREAM.holding, p.index);
  const out: Holding[] = [];
  const add = (classCode: HoldingClassCode, product: { code: string; name: string }, amountFen: number, openDay: number, maturityDay: number | null, closed = false): void => {
    out.push({ accountNo: accounts.next(p, classCode === 'XK'), classCode, productCode: product.code, productName: product.name, amountFen, openDay, maturityDay, closed });
  };
  const groups: ReadonlyArray<readonly [HoldingClassCode, number, readonly Product[]]> = [
    ['DQ', 1, TIME_DEPOSITS],
    ['LC', 2, WEALTH],
    ['JJ', 3, FUNDS],
    ['BX', 4, INSURANCE],
  ];
  for (const [classCode, k, list] of groups) {
    const balance = sim.lastBalance(p.index, k);
    if (balance <= 0) continue;
    const parts = balance > 20_000_000 ? rng.int(1, 3) : 1;
    for (const amount of split(rng, balance, parts)) {
      const product = classCode === 'DQ' && amount >= 20_000_000 && rng.chance(0.5) ? pickProduct(rng, LARGE_CDS) : pickProduct(rng, list);
      if (product.months !== null && classCode !== 'BX') {
        const { open, maturity } = termDates(rng, product.months, p.openDay);
        add(classCode, product, amount, open, maturity);
      } else {
        const open = Math.max(p.openDay, AS_OF_DAY - rng.int(30, classCode === 'BX' ? 2_900 : 1_400));
        add(classCode, product, amount, open, product.months === null ? null : addMonths(open, product.months));
      }
    }
  }
  const loan = sim.lastBalance(p.index, LOAN);
  if (p.loanKind !== null && loan > 0) {
    const product = LOANS[p.loanKind];
    const open = loanOpenDay(p, rng);
    add('DK', product, loan, open, addMonths(open, product.months ?? 12));
  }
  if (p.cardLimitFen > 0) {
    const card = CARDS.find((c) => p.cardLimitFen <= c.upTo) ?? CARDS[0];
    if (card !== undefined) add('XK', card, p.cardLimitFen, p.cardOpenDay, null);
  }
  if ((p.shares[1] ?? 0) > 0 && rng.chance(0.2)) {
    const product = pickProduct(rng, TIME_DEPOSITS.slice(0, 3));
    const months = product.months ?? 3;
    const earliest = Math.max(HISTORY_START_DAY, addMonths(p.openDay, months));
    if (earliest < AS_OF_DAY) {
      const maturity = rng.int(earliest, AS_OF_DAY - 1);
      add('DQ', product, rng.int(100, 2_000) * 10_000, addMonths(maturity, -months), maturity, true);
    }
  }
  return out;
}
