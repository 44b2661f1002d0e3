import type { LocalizedText } from '../i18n/locale.js';
import { CLIENT_TIERS } from '../model/client.js';
import type { ClientTier } from '../model/client.js';

export const TIER_LABELS: Record<ClientTier, LocalizedText> = {
  standard: { zh: '普通', en: 'Standard' },
  gold: { zh: '金卡', en: 'Gold' },
  platinum: { zh: '白金', en: 'Platinum' },
  diamond: { zh: '钻石', en: 'Diamond' },
  private: { zh: '私行', en: 'Private banking' },
};

/** Lifecycle stages (客户生命周期), in the order the rules are tried (docs/book.md). */
export const LIFECYCLE_STAGES = ['prospect', 'lost', 'new', 'declining', 'growing', 'mature'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const STAGE_LABELS: Record<LifecycleStage, LocalizedText> = {
  prospect: { zh: '潜在', en: 'Prospect' },
  lost: { zh: '流失', en: 'Lost' },
  new: { zh: '新客', en: 'New' },
  declining: { zh: '衰退', en: 'Declining' },
  growing: { zh: '成长', en: 'Growing' },
  mature: { zh: '成熟', en: 'Mature' },
};

/** Contribution × loyalty quadrants: hc = high contribution, ll = low loyalty, and so on. */
export const QUADRANTS = ['hc_hl', 'hc_ll', 'lc_hl', 'lc_ll'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_LABELS: Record<Quadrant, LocalizedText> = {
  hc_hl: { zh: '高贡献高忠诚', en: 'High contribution, high loyalty' },
  hc_ll: { zh: '高贡献低忠诚', en: 'High contribution, low loyalty' },
  lc_hl: { zh: '低贡献高忠诚', en: 'Low contribution, high loyalty' },
  lc_ll: { zh: '低贡献低忠诚', en: 'Low contribution, low loyalty' },
};

/** A segment is a tier and a quadrant, written `gold.hc_hl`. */
export type SegmentCode = `${ClientTier}.${Quadrant}`;

export const SEGMENT_CODES: readonly SegmentCode[] = CLIENT_TIERS.flatMap((t) => QUADRANTS.map((q): SegmentCode => `${t}.${q}`));

export function segmentCode(tier: ClientTier, quadrant: Quadrant): SegmentCode {
  return `${tier}.${quadrant}`;
}

export function isSegmentCode(value: unknown): value is SegmentCode {
  return typeof value === 'string' && (SEGMENT_CODES as readonly string[]).includes(value);
}

export function parseSegment(code: SegmentCode): { tier: ClientTier; quadrant: Quadrant } {
  const [tier, quadrant] = code.split('.') as [ClientTier, Quadrant];
  return { tier, quadrant };
}

export function segmentLabel(code: SegmentCode): LocalizedText {
  const { tier, quadrant } = parseSegment(code);
  return { zh: `${TIER_LABELS[tier].zh}·${QUADRANT_LABELS[quadrant].zh}`, en: `${TIER_LABELS[tier].en} · ${QUADRANT_LABELS[quadrant].en}` };
}

/** How much attention a tier gets: the service level half of a default strategy. */
const TIER_SERVICE: Record<ClientTier, LocalizedText> = {
  standard: { zh: '以厅堂和线上渠道批量服务为主', en: 'Serve mainly in bulk through the lobby and online channels' },
  gold: { zh: '由客户经理季度联系一次', en: 'Manager contact once a quarter' },
  platinum: { zh: '由专属客户经理每月联系一次', en: 'Dedicated manager contact every month' },
  diamond: { zh: '由高级客户经理每两周联系一次，配置综合资产方案', en: 'Senior manager contact every two weeks with a full asset plan' },
  private: { zh: '由私行顾问团队一对一服务，定期上门并出具资产配置报告', en: 'One-to-one private-banking team, regular visits and asset-allocation reports' },
};

/** What to do about a quadrant: the action half of a default strategy. */
const QUADRANT_ACTION: Record<Quadrant, LocalizedText> = {
  hc_hl: { zh: '维护关系，提供增值权益，邀请参加客户活动并争取转介绍。', en: 'Keep the relationship, offer added-value benefits, invite to events and ask for referrals.' },
  hc_ll: { zh: '防流失：了解他行产品与到期安排，提前做好续作和挽留。', en: 'Prevent attrition: learn about other banks’ offers and maturities, arrange renewals and retention early.' },
  lc_hl: { zh: '深挖潜力：交叉营销定期、理财和保险，提升资产与产品覆盖。', en: 'Develop potential: cross-sell time deposits, wealth and insurance to raise assets and product coverage.' },
  lc_ll: { zh: '低成本激活：短信和线上触达，引导代发、绑卡等基础业务。', en: 'Low-cost activation: SMS and online outreach, steer towards payroll and card-binding basics.' },
};

/** The suggested service strategy (服务策略) of a segment until a supervisor writes their own. */
export function defaultStrategy(code: SegmentCode): LocalizedText {
  const { tier, quadrant } = parseSegment(code);
  return {
    zh: `${TIER_SERVICE[tier].zh}；${QUADRANT_ACTION[quadrant].zh}`,
    en: `${TIER_SERVICE[tier].en}. ${QUADRANT_ACTION[quadrant].en}`,
  };
}
