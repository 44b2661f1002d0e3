import { MONTH_END_DAYS, MONTH_FIRST_DAYS, compactOf, isoOf } from './calendar.js';
import type { ClientProfile } from './clients.js';
import { luhnDigit } from './identity.js';
import { companyName, personName } from './names.js';
import { Rng, STREAM, drawFrom, weightedTable } from './rng.js';

export interface Txn {
  /** Seconds since the month's first day; sorts the month's file. */
  at: number;
  day: number;
  client: number;
  credit: boolean;
  amountFen: number;
  channel: string;
  summary: string;
  counterparty: string;
}

interface Kind {
  summary: string;
  credit: boolean;
  channels: readonly string[];
  minYuan: number;
  maxYuan: number;
  counterparty: 'merchant' | 'person' | 'otherBank' | 'wealth' | 'none';
}

const KINDS: Record<string, Kind> = {
  spend: { summary: '消费', credit: false, channels: ['快捷支付', 'POS'], minYuan: 20, maxYuan: 3_000, counterparty: 'merchant' },
  transferOut: { summary: '转账', credit: false, channels: ['手机银行', '网上银行'], minYuan: 200, maxYuan: 50_000, counterparty: 'person' },
  transferIn: { summary: '转账', credit: true, channels: ['手机银行', '网上银行'], minYuan: 200, maxYuan: 50_000, counterparty: 'person' },
  cash: { summary: '取现', credit: false, channels: ['ATM', '柜面'], minYuan: 100, maxYuan: 5_000, counterparty: 'none' },
  wealthBuy: { summary: '理财购买', credit: false, channels: ['手机银行'], minYuan: 10_000, maxYuan: 500_000, counterparty: 'wealth' },
  wealthRedeem: { summary: '理财赎回', credit: true, channels: ['手机银行'], minYuan: 10_000, maxYuan: 500_000, counterparty: 'wealth' },
  interbankOut: { summary: '跨行转出', credit: false, channels: ['手机银行', '柜面'], minYuan: 50_000, maxYuan: 1_000_000, counterparty: 'otherBank' },
  interbankIn: { summary: '跨行转入', credit: true, channels: ['手机银行'], minYuan: 10_000, maxYuan: 300_000, counterparty: 'otherBank' },
};
const MASS_MIX = weightedTable<Kind>([
  [KINDS['spend'] as Kind, 6],
  [KINDS['transferOut'] as Kind, 2],
  [KINDS['transferIn'] as Kind, 2],
  [KINDS['cash'] as Kind, 2],
]);
const VIP_MIX = weightedTable<Kind>([
  [KINDS['spend'] as Kind, 5],
  [KINDS['transferOut'] as Kind, 2],
  [KINDS['transferIn'] as Kind, 2],
  [KINDS['cash'] as Kind, 1],
  [KINDS['wealthBuy'] as Kind, 1.5],
  [KINDS['wealthRedeem'] as Kind, 1.2],
  [KINDS['interbankOut'] as Kind, 0.6],
  [KINDS['interbankIn'] as Kind, 0.6],
]);
const MERCHANTS = ['苏果超市', '金鹰购物中心', '德基广场', '京东商城', '美团', '中国石化加油站', '南京地铁', '苏宁易购', '盒马鲜生', '江苏省人民医院'];
const OTHER_BANKS = ['招商银行', '南京银行', '江苏银行', '工商银行', '建设银行', '农业银行', '交通银行', '兴业银行'];

/** The client's debit card (借记卡), which carries the transactions: 16 digits with a Luhn check. */
export function debitCardNo(p: ClientProfile): string {
  const body = `621785${p.clientNo.slice(1)}`;
  return body + luhnDigit(body);
}

function amount(rng: Rng, k: Kind, scale: number): number {
  const yuan = k.minYuan * Math.pow(k.maxYuan / k.minYuan, rng.float() ** 1.6) * scale;
  return Math.max(1, Math.round(yuan * 100));
}

function counterparty(rng: Rng, k: Kind): string {
  switch (k.counterparty) {
    case 'merchant':
      return rng.pick(MERCHANTS);
    case 'person':
      return personName(rng, rng.chance(0.5) ? 'M' : 'F', rng.int(1950, 2000));
    case 'otherBank':
      return `${rng.pick(OTHER_BANKS)} ${personName(rng, rng.chance(0.5) ? 'M' : 'F', rng.int(1950, 2000))}`;
    case 'wealth':
      return '理财资金清算户';
    case 'none':
      return '';
  }
}

/**
 * One month of a client's account activity: payroll for salaried clients, everyday spending and
 * transfers, and for wealthier clients wealth purchases and large transfers to other banks; a client
 * about to be lost moves the money out in one go.
 */
export function clientMonthTxns(seed: number, p: ClientProfile, m: number, out: Txn[]): void {
  if (!p.txnActive || m < p.firstMonth || (p.churnMonth >= 0 && m > p.churnMonth)) return;
  const rng = Rng.derive(seed, STREAM.txn, p.index * 12 + m);
  const first = Math.max(MONTH_FIRST_DAYS[m] ?? 0, p.openDay);
  const last = MONTH_END_DAYS[m] ?? first;
  if (first > last) return;
  const vip = p.tier0 >= 1;
  const scale = vip ? 1 + p.tier0 : 1;
  const push = (day: number, secondOfDay: number, k: Omit<Kind, 'channels' | 'minYuan' | 'maxYuan' | 'counterparty'>, fen: number, channel: string, party: string): void => {
    out.push({ at: (day - (MONTH_FIRST_DAYS[m] ?? 0)) * 86_400 + secondOfDay, day, client: p.index, credit: k.credit, amountFen: fen, channel, summary: k.summary, counterparty: party });
  };
  if (p.payroll) {
    const employer = Rng.derive(seed, STREAM.counterparty, p.index);
    const company = companyName(employer);
    const salary = employer.int(4_000, vip ? 40_000 : 15_000) * 100;
    const day = Math.min(last, Math.max(first, (MONTH_FIRST_DAYS[m] ?? 0) + 9 + employer.int(0, 5)));
    push(day, 2 * 3600 + rng.int(0, 3599), { summary: '代发工资', credit: true }, Math.round(salary * (1 + 0.05 * rng.normal())), '批量代发', company);
  }
  const n = rng.poisson(vip ? 2 : 0.8);
  for (let j = 0; j < n; j++) {
    const k = drawFrom(rng, vip ? VIP_MIX : MASS_MIX);
    push(rng.int(first, last), rng.int(7 * 3600, 23 * 3600), k, amount(rng, k, scale), rng.pick(k.channels), counterparty(rng, k));
  }
  if (p.churnMonth >= 0 && m === p.churnMonth - 1) {
    const k = KINDS['interbankOut'] as Kind;
    push(rng.int(first, last), rng.int(9 * 3600, 17 * 3600), k, Math.max(100, Math.round(p.baseAumFen * 0.7)), '柜面', counterparty(rng, k));
  }
}

export function formatTxnTime(t: Txn): string {
  const s = t.at % 86_400;
  const hh = Math.floor(s / 3600).toString().padStart(2, '0');
  const mm = Math.floor((s % 3600) / 60).toString().padStart(2, '0');
  const ss = (s % 60).toString().padStart(2, '0');
  return `${isoOf(t.day)} ${hh}:${mm}:${ss}`;
}

export function txnRef(t: Txn, seq: number): string {
  return `T${compactOf(t.day)}${seq.toString().padStart(9, '0')}`;
}
