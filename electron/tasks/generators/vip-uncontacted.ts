import { CLIENT_TIERS } from '../../../shared/model/client.js';
import { addDays, periodOf } from '../../../shared/tasks/dates.js';
import type { ServiceStandards } from '../../../shared/tasks/standards.js';
import type { GeneratorInput, GeneratorPlan } from './types.js';
import { sqlList } from './types.js';

const TIER_ZH: Record<string, string> = { gold: '金卡', platinum: '白金', diamond: '钻石', private: '私行' };

/**
 * 重点客户未联系: clients of the minimum tier and above (by the last score recompute, `client_score.tier`) with no
 * contact by anyone in the work log from the start of the current calendar period (a quarter by default) through
 * asOf. The service standard "key clients are contacted at least once a quarter" supplies the defaults; the list is
 * due at the period's end. Each item shows the client's last contact ever, if any.
 */
export function planVipUncontacted(input: GeneratorInput<'vip_uncontacted'>, asOf: string, standards: ServiceStandards): GeneratorPlan {
  const minTier = input.minTier ?? standards.keyClientMinTier;
  const months = input.everyMonths ?? standards.keyClientEveryMonths;
  const tiers = CLIENT_TIERS.slice(CLIENT_TIERS.indexOf(minTier));
  const period = periodOf(asOf, months);
  // Contacts up to the end of asOf: the work log stores local times, so the next day's date bounds them.
  const until = addDays(asOf, 1);
  return {
    generator: 'vip_uncontacted',
    asOf,
    params: { asOf, minTier, everyMonths: months, periodStart: period.start, periodEnd: period.end },
    dueAt: period.end,
    title: { zh: `${TIER_ZH[minTier] ?? minTier}及以上客户本期未联系（${period.start} 至 ${period.end}）`, en: `Key clients not contacted this period (${period.start} – ${period.end})` },
    description: {
      zh: `服务标准：重点客户每 ${months} 个月至少联系一次。以下客户自 ${period.start} 起尚无联系记录，请在 ${period.end} 前完成联系并记录工作日志。`,
      en: `Service standard: key clients are contacted at least once every ${months} month(s). These clients have no contact since ${period.start}; contact them by ${period.end} and log it.`,
    },
    candidates: `
      SELECT s.client_id AS client_id,
             json_object('kind', 'vip_uncontacted', 'tier', s.tier, 'aumFen', s.aum_fen, 'periodStart', @periodStart,
               'lastContactAt', (SELECT max(k.contact_at) FROM contact k WHERE k.client_id = s.client_id AND k.contact_at < @until)) AS detail,
             NULL AS due_at
      FROM client_score s
      WHERE s.tier IN ${sqlList(tiers)}
        AND NOT EXISTS (SELECT 1 FROM contact k WHERE k.client_id = s.client_id AND k.contact_at >= @periodStart AND k.contact_at < @until)`,
    bind: { periodStart: period.start, until },
  };
}
