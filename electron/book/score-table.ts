import type { LifecycleStage, SegmentCode } from '../../shared/book/labels.js';
import type { ClientTier } from '../../shared/model/client.js';
import type { Database, Statement } from '../store/sqlite.js';
import type { ClientFacts, ScoredClient } from './score-row.js';

/** The client_score row as SQLite returns it. */
export interface ScoreRowDb {
  client_id: number;
  as_of: string;
  aum_fen: number;
  avg_aum_fen: number | null;
  loan_fen: number;
  income_fen: number | null;
  tenure_months: number | null;
  product_types: number;
  stability_pm: number | null;
  txn_count: number;
  activity_months: number;
  ever_peak_fen: number;
  peak_fen: number;
  recent_fen: number;
  base_fen: number;
  tier: ClientTier;
  contribution: number;
  contribution_aum: number | null;
  contribution_avg: number | null;
  contribution_loan: number | null;
  contribution_income: number | null;
  loyalty: number;
  loyalty_tenure: number | null;
  loyalty_products: number | null;
  loyalty_stability: number | null;
  loyalty_activity: number | null;
  stage: LifecycleStage;
  segment: SegmentCode;
}

const COLUMNS = [
  'client_id', 'as_of', 'aum_fen', 'avg_aum_fen', 'loan_fen', 'income_fen', 'tenure_months', 'product_types', 'stability_pm',
  'txn_count', 'activity_months', 'ever_peak_fen', 'peak_fen', 'recent_fen', 'base_fen', 'tier', 'contribution', 'contribution_aum',
  'contribution_avg', 'contribution_loan', 'contribution_income', 'loyalty', 'loyalty_tenure', 'loyalty_products', 'loyalty_stability',
  'loyalty_activity', 'stage', 'segment',
] as const;

/** One positional insert; the bulk pass runs it once per client inside its transaction. */
export function prepareScoreInsert(db: Database): Statement {
  return db.prepare(`INSERT INTO client_score (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
}

/** The insert's parameters, in COLUMNS order. */
export function scoreParams(clientId: number, asOf: string, f: ClientFacts, s: ScoredClient): unknown[] {
  const c = s.contribution.pointsTenths;
  const l = s.loyalty.pointsTenths;
  return [
    clientId, asOf, f.aumFen, f.avgAumFen, f.loanFen, f.incomeFen, f.tenureMonths, f.productTypes, f.stabilityPermille,
    f.txnCount, f.activityMonths, f.stage.everPeakFen, f.stage.peakFen, f.stage.recentFen, f.stage.baseFen, s.tier,
    s.contribution.totalTenths, c[0] ?? null, c[1] ?? null, c[2] ?? null, c[3] ?? null,
    s.loyalty.totalTenths, l[0] ?? null, l[1] ?? null, l[2] ?? null, l[3] ?? null, s.stage, s.segment,
  ];
}

/** The stored inputs back as facts, so an explanation starts from exactly what the bulk pass used. */
export function factsOfRow(r: ScoreRowDb): ClientFacts {
  return {
    aumFen: r.aum_fen,
    avgAumFen: r.avg_aum_fen,
    loanFen: r.loan_fen,
    incomeFen: r.income_fen,
    tenureMonths: r.tenure_months,
    productTypes: r.product_types,
    stabilityPermille: r.stability_pm,
    txnCount: r.txn_count,
    activityMonths: r.activity_months,
    stage: {
      aumFen: r.aum_fen,
      everPeakFen: r.ever_peak_fen,
      peakFen: r.peak_fen,
      recentFen: r.recent_fen,
      baseFen: r.base_fen,
      tenureMonths: r.tenure_months,
    },
  };
}

/**
 * Drops client_score's secondary indexes for a full rewrite and returns what recreates them, from the SQL
 * the schema itself holds (so the migration stays their one definition). Building an index once over a
 * million sorted rows is much cheaper than a million random index inserts; both happen inside the
 * caller's transaction, so readers never see the table without them.
 */
export function suspendScoreIndexes(db: Database): () => void {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'client_score' AND sql IS NOT NULL")
    .all() as Array<{ name: string; sql: string }>;
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of indexes) db.exec(i.sql);
  };
}
