import { AS_OF_DAY, MONTH_END_DAYS, MONTH_FIRST_DAYS, isoOf, weekdayOf } from './calendar.js';
import { managerOn } from './assign.js';
import type { ClientProfile } from './clients.js';
import type { ContactChannel } from './formats.js';
import { Rng, STREAM, drawFrom, weightedTable } from './rng.js';
import type { Roster } from './roster.js';
import { periodOn } from './roster.js';

export interface Contact {
  /** Minutes since the month's first day; sorts the month's file. */
  at: number;
  day: number;
  client: number;
  manager: number;
  channel: ContactChannel;
  purpose: string;
  outcome: string;
  nextStep: string;
  followUpDay: number | null;
}

/** Reused for every (client, month): the calls are synchronous and never nested. */
const scratch = Rng.derive(0, 0);

/** Contacts per client and year by tier (普通 … 私行): the work concentrates on the wealthy. */
const YEARLY_RATE = [0.02, 1.5, 4, 8, 12];

const CHANNELS_BY_TIER = [
  weightedTable<ContactChannel>([['phone', 5], ['branch', 3], ['wechat', 2], ['meeting', 0.5], ['visit', 0]]),
  weightedTable<ContactChannel>([['phone', 4], ['wechat', 4], ['branch', 2], ['meeting', 1.5], ['visit', 0.5]]),
  weightedTable<ContactChannel>([['phone', 4], ['wechat', 4], ['branch', 2], ['meeting', 1.5], ['visit', 0.5]]),
  weightedTable<ContactChannel>([['phone', 3], ['wechat', 3], ['branch', 1], ['meeting', 3], ['visit', 2]]),
  weightedTable<ContactChannel>([['phone', 2], ['wechat', 3], ['branch', 1], ['meeting', 3], ['visit', 3]]),
];

interface Outcome {
  text: string;
  nextSteps: readonly string[];
  /** Days until the follow-up, or null when there is nothing to follow up. */
  followUp: readonly [number, number] | null;
}
const NOT_REACHED: Outcome = { text: '未接通', nextSteps: ['改日再联系'], followUp: [1, 5] };
const SALES = weightedTable<Outcome>([
  [{ text: '客户有意向，待跟进', nextSteps: ['预约面谈', '发送产品说明书', '下周电话回访'], followUp: [3, 14] }, 4],
  [{ text: '已成交', nextSteps: ['到期前提醒', '一个月后回访'], followUp: [20, 40] }, 2],
  [{ text: '客户表示考虑', nextSteps: ['下周电话回访', '两周后再联系'], followUp: [7, 21] }, 3],
  [{ text: '客户暂无需求', nextSteps: ['定期维护'], followUp: null }, 3],
  [NOT_REACHED, 1.5],
]);
const CARE = weightedTable<Outcome>([
  [{ text: '客户表示感谢', nextSteps: ['定期维护'], followUp: null }, 5],
  [NOT_REACHED, 1],
]);
const SERVICE = weightedTable<Outcome>([
  [{ text: '已完成信息更新', nextSteps: ['无'], followUp: null }, 4],
  [{ text: '证件已过期，约客户到网点更新', nextSteps: ['预约网点办理'], followUp: [3, 10] }, 2],
  [NOT_REACHED, 1],
]);
const RETENTION = weightedTable<Outcome>([
  [{ text: '资金已转他行，了解原因', nextSteps: ['提供专属方案'], followUp: [3, 10] }, 3],
  [{ text: '客户同意保留部分资金', nextSteps: ['一个月后回访'], followUp: [20, 40] }, 2],
  [{ text: '客户暂无意向', nextSteps: ['定期维护'], followUp: null }, 2],
]);

/** Why the manager got in touch, and the outcomes such a contact can have. */
const PURPOSES = weightedTable<readonly [string, typeof SALES]>([
  [['产品到期提醒', SALES], 4],
  [['理财产品推荐', SALES], 4],
  [['资产配置回顾', SALES], 3],
  [['基金定投推荐', SALES], 2],
  [['保险需求沟通', SALES], 1.5],
  [['贷款需求了解', SALES], 1],
  [['信用卡推荐', SALES], 1],
  [['节日问候', CARE], 2],
  [['生日关怀', CARE], 2],
  [['客户信息核实', SERVICE], 1],
  [['资金流失挽回', RETENTION], 1.5],
]);

/**
 * One month of work-log entries for a client, written by whoever looked after the client that day
 * and only on days that manager was at work (a manager on leave logs nothing, which later shows up as
 * VIPs nobody has contacted). Follow-up dates can fall after the as-of date: those are open tasks.
 */
export function clientMonthContacts(seed: number, p: ClientProfile, roster: Roster, m: number, out: Contact[]): void {
  if (p.manager < 0 || m < p.firstMonth || (p.churnMonth >= 0 && m > p.churnMonth)) return;
  const rate = YEARLY_RATE[p.tier0] ?? 0;
  const rng = scratch.reset(seed, STREAM.contact, p.index * 12 + m);
  const n = rng.poisson(rate / 12);
  const monthFirst = MONTH_FIRST_DAYS[m] ?? 0;
  const first = Math.max(monthFirst, p.openDay);
  const last = Math.min(MONTH_END_DAYS[m] ?? first, AS_OF_DAY);
  for (let j = 0; j < n && first <= last; j++) {
    let day = rng.int(first, last);
    if (weekdayOf(day) === 0) day = day > first ? day - 1 : Math.min(last, day + 1);
    const manager = managerOn(p, day);
    const md = roster.managers[manager];
    if (md === undefined || periodOn(md, day)?.status !== 'active') continue;
    const [purpose, outcomes] = drawFrom(rng, PURPOSES);
    const outcome = drawFrom(rng, outcomes);
    const minute = rng.int(9 * 60, 17 * 60 + 59);
    out.push({
      at: (day - monthFirst) * 1440 + minute,
      day,
      client: p.index,
      manager,
      channel: drawFrom(rng, CHANNELS_BY_TIER[p.tier0] ?? (CHANNELS_BY_TIER[0] as (typeof CHANNELS_BY_TIER)[number])),
      purpose,
      outcome: outcome.text,
      nextStep: rng.pick(outcome.nextSteps),
      followUpDay: outcome.followUp === null ? null : day + rng.int(outcome.followUp[0], outcome.followUp[1]),
    });
  }
}

export function formatContactTime(c: Contact): string {
  const minute = c.at % 1440;
  return `${isoOf(c.day)} ${Math.floor(minute / 60).toString().padStart(2, '0')}:${(minute % 60).toString().padStart(2, '0')}`;
}
