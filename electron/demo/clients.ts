import { AS_OF_DAY, HISTORY_START_DAY, MONTH_END_DAYS, addMonths, compactOf, dayOf, monthIndexOf } from './calendar.js';
import type { Gender, IdType } from './formats.js';
import { idRegion, makeIdNo, mobileNumber } from './identity.js';
import { personName } from './names.js';
import { OUTLETS } from './org.js';
import { Rng, STREAM, cumulative, drawFrom, weightedTable } from './rng.js';

/**
 * Tier floors in fen of AUM (loans excluded) that the demo's distribution was tuned to:
 * 普通 < 5万 ≤ 金卡 < 50万 ≤ 白金 < 200万 ≤ 钻石 < 600万 ≤ 私行. The product's thresholds are
 * settings; these only shape the data.
 */
export const TIER_FLOORS_FEN = [0, 5_000_000, 50_000_000, 200_000_000, 600_000_000] as const;

export function tierIndexOf(aumFen: number): number {
  let t = 0;
  for (let k = 1; k < TIER_FLOORS_FEN.length; k++) if (aumFen >= (TIER_FLOORS_FEN[k] ?? Infinity)) t = k;
  return t;
}

export type LoanKind = 'mortgage' | 'consumer' | 'business';

/**
 * What the generator decides about a client up front. Everything month-by-month (balances,
 * transactions, contacts) is derived from this plus a per-(client, month) random stream.
 */
export interface ClientProfile {
  index: number;
  clientNo: string;
  outlet: number;
  gender: Gender;
  birthDay: number;
  openDay: number;
  /** First snapshot month with balances (0 for clients who predate the history window). */
  firstMonth: number;
  baseAumFen: number;
  /** Shares of AUM in demand, time, wealth, fund, insurance. */
  shares: readonly number[];
  /** Monthly log-drift of the AUM level. */
  drift: number;
  /** Month from which the client holds nothing (lost), or -1. */
  churnMonth: number;
  /** Quarter-end window dressing (时点冲量) in the demand deposit. */
  spiky: boolean;
  /** Tier index (0 普通 … 4 私行) of the starting AUM; drives contacts, activity and assignment. */
  tier0: number;
  loanKind: LoanKind | null;
  /** Loan principal at its first month-end, and that month's index. */
  loanFen: number;
  loanMonth: number;
  /** Credit card limit (0 = no card) and the card's open day. */
  cardLimitFen: number;
  cardOpenDay: number;
  /** Has account activity in the transaction extract; salaried clients get a monthly payroll credit. */
  txnActive: boolean;
  payroll: boolean;
  /** Primary manager now (-1 none), since when, and who had the client before a handover (-1 none). */
  manager: number;
  managedSince: number;
  prevManager: number;
}

const AGE_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [8, 17, 3],
  [18, 25, 12],
  [26, 35, 20],
  [36, 45, 19],
  [46, 55, 18],
  [56, 65, 15],
  [66, 75, 9],
  [76, 90, 4],
];
const AGE_CUM = cumulative(AGE_BANDS.map((b) => b[2]));
const EARLIEST_OPEN_DAY = dayOf('1996-01-01');
const OUTLET_CUM = cumulative(OUTLETS.map((o) => o.weight));
const LOAN_KINDS = weightedTable<LoanKind>([
  ['mortgage', 6],
  ['consumer', 3],
  ['business', 1],
]);

/** Heavy-tailed AUM: a log-normal body, a Pareto tail for the wealthy, and many near-dormant accounts. */
function drawAumFen(rng: Rng, age: number): number {
  if (rng.chance(0.12)) return rng.int(1, 10_000);
  const ageFactor = age < 25 ? 0.3 : age < 35 ? 0.8 : age < 50 ? 1.2 : age < 65 ? 1.6 : 1.3;
  const yuan = rng.chance(0.026 * ageFactor)
    ? 200_000 * Math.pow(1 - rng.float(), -1 / 1.15)
    : 2_500 * ageFactor * Math.exp(1.8 * rng.normal());
  return Math.max(1, Math.round(Math.min(yuan, 80_000_000) * 100));
}

/** Product mix by wealth: small balances sit in current accounts, larger ones spread out. */
function drawShares(rng: Rng, aumFen: number): number[] {
  const yuan = aumFen / 100;
  const held =
    yuan < 10_000 ? [1, 0.08, 0, 0, 0] : yuan < 50_000 ? [1, 0.45, 0.15, 0.08, 0.04] : yuan < 500_000 ? [1, 0.7, 0.5, 0.28, 0.18] : [1, 0.75, 0.75, 0.4, 0.35];
  const weight = yuan < 500_000 ? [0.45, 0.35, 0.3, 0.15, 0.12] : [0.15, 0.3, 0.35, 0.15, 0.15];
  const raw = held.map((p, k) => (rng.chance(p) ? (weight[k] ?? 0) * -Math.log(1 - rng.float() * 0.999) : 0));
  raw[0] = Math.max(raw[0] ?? 0, 0.02);
  const sum = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / sum);
}

function loanAmountFen(rng: Rng, kind: LoanKind): number {
  const [lo, hi] = kind === 'mortgage' ? [300_000, 2_500_000] : kind === 'consumer' ? [20_000, 300_000] : [100_000, 1_500_000];
  return Math.round(lo * Math.pow(hi / lo, rng.float())) * 100;
}

function makeProfile(seed: number, index: number, clientNo: string): ClientProfile {
  const rng = Rng.derive(seed, STREAM.client, index);
  const outlet = rng.weighted(OUTLET_CUM);
  const gender: Gender = rng.chance(0.5) ? 'M' : 'F';
  const band = AGE_BANDS[rng.weighted(AGE_CUM)] ?? [30, 40, 1];
  const age = rng.int(band[0], band[1]);
  const birthDay = AS_OF_DAY - age * 365 - rng.int(0, 364);
  const isNew = rng.chance(0.08);
  const earliest = Math.max(EARLIEST_OPEN_DAY, birthDay + (age < 18 ? 30 : 16 * 365));
  const openDay = isNew
    ? rng.int(HISTORY_START_DAY, AS_OF_DAY)
    : earliest >= HISTORY_START_DAY
      ? rng.int(HISTORY_START_DAY, AS_OF_DAY)
      : earliest + Math.floor((HISTORY_START_DAY - 1 - earliest) * Math.sqrt(rng.float()));
  const firstMonth = Math.max(0, monthIndexOf(openDay));
  const baseAumFen = drawAumFen(rng, age);
  const tier0 = tierIndexOf(baseAumFen);
  const churnMonth = firstMonth <= 6 && rng.chance(0.035) ? rng.int(firstMonth + 2, 11) : -1;
  const loanKind = rng.chance(age >= 25 && age <= 58 ? 0.09 : 0.02) ? drawFrom(rng, LOAN_KINDS) : null;
  const loanMonth = loanKind !== null && rng.chance(0.12) ? rng.int(Math.max(1, firstMonth), 11) : firstMonth;
  const hasCard = age >= 18 && rng.chance(tier0 >= 1 ? 0.4 : 0.12);
  const cardLimitYuan = tier0 >= 2 ? rng.int(5, 20) * 10_000 : tier0 === 1 ? rng.int(3, 10) * 10_000 : rng.int(1, 10) * 5_000;
  const cardOpenDay = !hasCard
    ? 0
    : openDay >= HISTORY_START_DAY || rng.chance(0.14)
      ? rng.int(Math.max(openDay, HISTORY_START_DAY), AS_OF_DAY)
      : rng.int(openDay, HISTORY_START_DAY - 1);
  const txnActive = rng.chance(tier0 >= 1 ? 0.6 : 0.05);
  return {
    index,
    clientNo,
    outlet,
    gender,
    birthDay,
    openDay,
    firstMonth,
    baseAumFen,
    shares: drawShares(rng, baseAumFen),
    drift: 0.003 + 0.012 * rng.normal(),
    churnMonth,
    spiky: rng.chance(0.15),
    tier0,
    loanKind,
    loanFen: loanKind === null ? 0 : loanAmountFen(rng, loanKind),
    loanMonth,
    cardLimitFen: hasCard ? cardLimitYuan * 100 : 0,
    cardOpenDay,
    txnActive,
    payroll: txnActive && age >= 20 && age < 60 && rng.chance(0.5),
    manager: -1,
    managedSince: 0,
    prevManager: -1,
  };
}

/** Client numbers are 10 digits, ascending with small gaps (closed numbers are never reused). */
export function generateProfiles(seed: number, count: number): ClientProfile[] {
  const out: ClientProfile[] = [];
  let no = 1_000_000_000;
  for (let i = 0; i < count; i++) {
    no += 1 + (Rng.derive(seed, STREAM.clientNo, i).uint32() % 9);
    out.push(makeProfile(seed, i, no.toString()));
  }
  return out;
}

export interface ClientDetail {
  name: string;
  idType: IdType;
  idNo: string;
  phone: string;
}

/**
 * Name, ID document and phone, generated when the client file is written and never kept.
 * `previousPhone` lets a few clients share a number with the client before them (family members).
 */
export function clientDetail(seed: number, p: ClientProfile, previousPhone: string): ClientDetail {
  const rng = Rng.derive(seed, STREAM.clientDetail, p.index);
  const birthCompact = compactOf(p.birthDay);
  const name = personName(rng, p.gender, Number(birthCompact.slice(0, 4)));
  const roll = rng.float();
  const idType: IdType = roll < 0.003 ? 'passport' : roll < 0.005 ? 'hk_macao_permit' : 'resident_id';
  const idNo =
    idType === 'passport'
      ? `E${rng.int(10_000_000, 99_999_999).toString()}`
      : idType === 'hk_macao_permit'
        ? `H${rng.int(10_000_000, 99_999_999).toString()}`
        : makeIdNo(idRegion(rng, OUTLETS[p.outlet]?.homeRegion ?? null), birthCompact, rng.int(0, 499), p.gender);
  const age = (AS_OF_DAY - p.birthDay) / 365;
  const phoneRoll = rng.float();
  const phone =
    age < 16 || (age > 75 && phoneRoll < 0.25) || phoneRoll < 0.015 ? '' : phoneRoll < 0.025 && previousPhone !== '' ? previousPhone : mobileNumber(rng);
  return { name, idType, idNo, phone };
}

/** When the loan was drawn: inside its first balance month, or years back for loans that predate the window. */
export function loanOpenDay(p: ClientProfile, rng: Rng): number {
  if (p.loanMonth > p.firstMonth || p.openDay >= HISTORY_START_DAY) {
    const start = Math.max(p.openDay, addMonths(HISTORY_START_DAY, p.loanMonth));
    return Math.min(MONTH_END_DAYS[p.loanMonth] ?? AS_OF_DAY, start + rng.int(0, 27));
  }
  const yearsBack = p.loanKind === 'mortgage' ? rng.int(1, 10) : rng.int(0, 1);
  return Math.max(p.openDay, HISTORY_START_DAY - 1 - yearsBack * 365 - rng.int(0, 300));
}
