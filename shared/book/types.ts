import type { LocalizedText } from '../i18n/locale.js';
import type { ClientTier } from '../model/client.js';
import type { BookConfig } from './config.js';
import type { LifecycleStage, Quadrant, SegmentCode } from './labels.js';

/** What a component's raw value is measured in, so the UI can format it. */
export type ComponentUnit = 'fen' | 'months' | 'count' | 'permille' | 'per_month';

export type ContributionKey = 'aum' | 'avgAum' | 'loan' | 'income';
export type LoyaltyKey = 'tenure' | 'products' | 'stability' | 'activity';

/**
 * One line of a score's explanation. Scores are kept in integer tenths of a point; `points`, `share` and
 * `contribution` are those tenths divided by ten (one decimal), so every screen shows the same figures.
 */
export interface ScoreComponent<K extends string = string> {
  key: K;
  label: LocalizedText;
  unit: ComponentUnit;
  /** The raw input (fen, months, count, per-mille, per month); null when the data is not there. */
  value: number | null;
  /** False when the input is missing: the component is left out and the other weights renormalise. */
  present: boolean;
  /** Normalised 0–100 from the configured curve; null when absent. */
  points: number | null;
  pointsTenths: number | null;
  /** The configured weight. */
  weight: number;
  /** weight ÷ Σ weights of the present components, in percent (one decimal); 0 when absent. */
  share: number;
  /** weight × points ÷ Σ present weights (one decimal); the total is this sum, rounded once. */
  contribution: number;
}

export interface ScoreBreakdown<K extends string = string> {
  /** 0–100, one decimal. */
  total: number;
  totalTenths: number;
  components: Array<ScoreComponent<K>>;
  /** Keys of the components left out for missing data (e.g. product income, never imported so far). */
  absent: K[];
}

export interface TierExplanation {
  tier: ClientTier;
  label: LocalizedText;
  basis: BookConfig['tiers']['basis'];
  /** The value compared with the thresholds (AUM or its daily average; the point AUM when no average exists). */
  valueFen: number;
  /** True when the daily-average basis was asked for but no average was imported, so the point AUM was used. */
  basisFallback: boolean;
  /** The lower bound of the tier reached (0 for 普通). */
  thresholdFen: number;
  rule: LocalizedText;
}

export interface StageExplanation {
  stage: LifecycleStage;
  label: LocalizedText;
  /** The rule that decided, with this client's numbers. */
  rule: LocalizedText;
  /** Every rule in the order they are tried (from the configuration), for the "how is this decided" panel. */
  rules: LocalizedText[];
  inputs: StageInputs;
}

/** What the lifecycle rules look at, stored per client so the explanation never re-derives them differently. */
export interface StageInputs {
  aumFen: number;
  /** Highest AUM at any snapshot on or before the scoring date. */
  everPeakFen: number;
  /** Highest level in the window: the mean of `meanSnapshots` consecutive snapshots, rounded down to whole fen. */
  peakFen: number;
  /** The level of the last `meanSnapshots` window snapshots. */
  recentFen: number;
  /** The level of the `meanSnapshots` snapshots ending at the growth base (about `growthMonths` months earlier). */
  baseFen: number;
  tenureMonths: number | null;
}

export interface ClientScoreView {
  asOf: string;
  computedAt: string;
  tier: TierExplanation;
  contribution: ScoreBreakdown<ContributionKey>;
  loyalty: ScoreBreakdown<LoyaltyKey>;
  stage: StageExplanation;
  quadrant: Quadrant;
  segment: { code: SegmentCode; label: LocalizedText; strategy: string };
}

/** The last bulk recompute, kept in the setting table so the UI can say "scores computed as of X". */
export interface BookRun {
  asOf: string;
  computedAt: string;
  computedBy: string;
  clients: number;
  elapsedMs: number;
  /** The first snapshot date inside the window, and the snapshot the growth rule compares with. */
  windowFrom: string | null;
  growthBaseAsOf: string | null;
  /** The configuration the scores were computed with; explanations use it, not a later edit. */
  config: BookConfig;
  /** A fingerprint of the committed imports that feed the scores, to tell when they changed since. */
  dataMark: string;
}

export interface BookConfigView {
  config: BookConfig;
  defaults: BookConfig;
  lastRun: Omit<BookRun, 'config' | 'dataMark'> | null;
  /** Latest balance snapshot in the store, to compare with lastRun.asOf. */
  latestSnapshotAsOf: string | null;
  /** Why the stored scores may be out of date: the configuration or the imported data changed since the run. */
  stale: { config: boolean; data: boolean; never: boolean };
}

export interface RecomputeReport {
  asOf: string;
  computedAt: string;
  clients: number;
  elapsedMs: number;
  byTier: Record<ClientTier, number>;
  byStage: Record<LifecycleStage, number>;
  /** Components no client had data for (weights renormalised for everyone), e.g. ['income']. */
  absentEverywhere: string[];
}

export interface SegmentManagerCount {
  managerId: number;
  staffNo: string;
  name: string;
  clients: number;
}

export interface SegmentSummary {
  segment: SegmentCode;
  tier: ClientTier;
  quadrant: Quadrant;
  label: LocalizedText;
  clients: number;
  aumFen: number;
  /** Clients with a primary manager today; coverageBp = assigned ÷ clients in basis points (rounded half up). */
  assigned: number;
  coverageBp: number;
  managers: SegmentManagerCount[];
  strategy: { text: string; isDefault: boolean; default: LocalizedText; updatedBy: string | null; updatedAt: string | null };
}

export interface SegmentsReport {
  asOf: string | null;
  segments: SegmentSummary[];
}
