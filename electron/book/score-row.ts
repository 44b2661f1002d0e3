import type { BookConfig } from '../../shared/book/config.js';
import { segmentCode, segmentLabel } from '../../shared/book/labels.js';
import type { LifecycleStage, Quadrant, SegmentCode } from '../../shared/book/labels.js';
import type { ClientScoreView, StageInputs } from '../../shared/book/types.js';
import type { ClientTier } from '../../shared/model/client.js';
import { contributionScore, contributionTenths, loyaltyScore, loyaltyTenths, quadrantOf, tierCode, tierOf } from './formulas.js';
import type { ContributionInputs, LoyaltyInputs, ScoreTenths } from './formulas.js';
import { explainStage, lifecycleStage } from './stage.js';

/** Every input of every formula for one client: what the bulk pass gathers and a score row stores. */
export interface ClientFacts extends ContributionInputs, LoyaltyInputs {
  stage: StageInputs;
}

export interface ScoredClient {
  tier: ClientTier;
  contribution: ScoreTenths;
  loyalty: ScoreTenths;
  stage: LifecycleStage;
  quadrant: Quadrant;
  segment: SegmentCode;
}

/** The bulk path: tier, both scores, stage and segment of one client, numbers only. */
export function scoreFacts(f: ClientFacts, config: BookConfig): ScoredClient {
  const contribution = contributionTenths(f, config);
  const loyalty = loyaltyTenths(f, config);
  const tier = tierCode(f, config);
  const quadrant = quadrantOf(contribution.totalTenths, loyalty.totalTenths, config);
  return { tier, contribution, loyalty, stage: lifecycleStage(f.stage, config), quadrant, segment: segmentCode(tier, quadrant) };
}

/**
 * The single-client path: the same formulas on the same (stored) facts, every component spelled out.
 * Its totals are by construction the ones scoreFacts stored for these facts and this configuration.
 */
export function explainFacts(
  f: ClientFacts,
  config: BookConfig,
  meta: { asOf: string; computedAt: string; strategy: string },
): ClientScoreView {
  const scored = scoreFacts(f, config);
  return {
    asOf: meta.asOf,
    computedAt: meta.computedAt,
    tier: tierOf(f, config),
    contribution: contributionScore(f, config),
    loyalty: loyaltyScore(f, config),
    stage: explainStage(f.stage, config),
    quadrant: scored.quadrant,
    segment: { code: scored.segment, label: segmentLabel(scored.segment), strategy: meta.strategy },
  };
}
