import type { Progress } from '../../shared/api/contract.js';
import type { BookConfig } from '../../shared/book/config.js';
import { LIFECYCLE_STAGES } from '../../shared/book/labels.js';
import type { LifecycleStage } from '../../shared/book/labels.js';
import { AUM_PRODUCTS_SQL, PRODUCT_BIT_SQL, countProductTypes } from '../../shared/book/products.js';
import type { RecomputeReport } from '../../shared/book/types.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { ClientTier } from '../../shared/model/client.js';
import { AppError } from '../platform/app-error.js';
import { throwIfCancelled } from '../platform/cancel.js';
import type { CancelSignal } from '../platform/cancel.js';
import type { Clock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import type { Store } from '../store/store.js';
import { dataMark, readBookConfig, writeLastRun } from './config-store.js';
import { addMonths, fullMonthsBetween, nextDay } from './dates.js';
import { stabilityPermille } from './formulas.js';
import { scoreFacts } from './score-row.js';
import type { ClientFacts } from './score-row.js';
import { prepareScoreInsert, scoreParams, suspendScoreIndexes } from './score-table.js';
import { stageInputsOf } from './stage.js';

const log = createLogger('book');

/** Clients per chunk: each chunk is a handful of range queries on client_id, then one JS pass. */
const CHUNK = 20_000;

export interface RecomputeOptions {
  asOf?: string | undefined;
  clock: Clock;
  userName: string;
  signal: CancelSignal;
  progress?: (p: Progress) => void;
}

/** The snapshot date scores are computed at: the latest one on or before the date asked for (or the latest). */
export function resolveScoreDate(store: Store, asked: string | undefined): string {
  const row = store.db.prepare('SELECT max(as_of) AS d FROM balance_snapshot WHERE as_of <= ?').get(asked ?? '9999-12-31') as { d: string | null };
  if (row.d === null) {
    throw new AppError('NOT_FOUND', {
      zh: asked === undefined ? '工作区还没有余额快照，无法计算客户评分。' : `${asked} 及之前没有余额快照，无法计算客户评分。`,
      en: asked === undefined ? 'The workspace holds no balance snapshots to score.' : `No balance snapshot on or before ${asked} to score.`,
    });
  }
  return row.d;
}

/**
 * The snapshot dates the rules look at: every date up to the scoring date (for the ever-peak), where the
 * window starts among them, and which window date the growth rule compares with.
 */
export function windowOf(store: Store, asOf: string, config: BookConfig): { dates: string[]; windowFrom: string; windowStart: number; baseIndex: number } {
  const windowFrom = addMonths(asOf, -config.windowMonths);
  const dates = store.db.prepare('SELECT DISTINCT as_of FROM balance_snapshot WHERE as_of <= ? ORDER BY as_of').pluck().all(asOf) as string[];
  let windowStart = dates.findIndex((d) => d > windowFrom);
  if (windowStart < 0) windowStart = dates.length;
  const growthFrom = addMonths(asOf, -config.stage.growthMonths);
  let baseIndex = 0;
  dates.slice(windowStart).forEach((d, i) => {
    if (d <= growthFrom) baseIndex = i;
  });
  return { dates, windowFrom, windowStart, baseIndex };
}

function statements(store: Store) {
  const db = store.db;
  return {
    clients: db.prepare('SELECT id, open_date FROM client WHERE id BETWEEN ? AND ? ORDER BY id').raw(true),
    // One row per client (grouped in primary-key order, so SQLite streams it without sorting): its AUM rows
    // packed as 'date=fen' pairs, summed per date in JS. Handing per-date rows to JS one by one, or grouping
    // twice in SQL (the outer grouping sorts), both cost more than this. The other three are the scoring
    // date's loan, daily-average AUM and the mask of types held (one row per type, so summed bits = ORed).
    balances: db
      .prepare(
        `SELECT client_id, group_concat(CASE WHEN product_type IN ${AUM_PRODUCTS_SQL} THEN as_of || '=' || balance_fen END),
           sum(CASE WHEN as_of = @asOf AND product_type = 'loan' THEN balance_fen END),
           sum(CASE WHEN as_of = @asOf AND product_type IN ${AUM_PRODUCTS_SQL} THEN avg_balance_fen END),
           sum(CASE WHEN as_of = @asOf AND balance_fen <> 0 THEN ${PRODUCT_BIT_SQL} END)
         FROM balance_snapshot WHERE client_id BETWEEN @lo AND @hi AND as_of <= @asOf GROUP BY client_id`,
      )
      .raw(true),
    txns: db.prepare('SELECT client_id, count(*) FROM txn WHERE client_id BETWEEN ? AND ? AND txn_at >= ? AND txn_at < ? GROUP BY client_id').raw(true),
    // DISTINCT bits summed = the bits ORed.
    holdings: db
      .prepare(
        `SELECT client_id, sum(DISTINCT ${PRODUCT_BIT_SQL}) FROM product_holding
         WHERE client_id BETWEEN ? AND ? AND status = 'open' AND (open_date IS NULL OR open_date <= ?) GROUP BY client_id`,
      )
      .raw(true),
    insert: prepareScoreInsert(db),
  };
}

/** What the set-based queries give for one chunk of client ids, indexed by id − lo. */
class ChunkFacts {
  /** AUM per client (row) and snapshot date (column). */
  readonly aumAt: Float64Array;
  readonly loanAt = new Float64Array(CHUNK);
  readonly avgAt = new Float64Array(CHUNK);
  readonly hasAvg = new Uint8Array(CHUNK);
  readonly maskAt = new Int32Array(CHUNK);
  readonly txnCount = new Int32Array(CHUNK);

  constructor(readonly nDates: number) {
    this.aumAt = new Float64Array(CHUNK * Math.max(1, nDates));
  }

  load(st: ReturnType<typeof statements>, lo: number, hi: number, w: { asOf: string; dateIndex: Map<string, number>; txnFrom: string; txnTo: string }): void {
    for (const a of [this.aumAt, this.loanAt, this.avgAt, this.hasAvg, this.maskAt, this.txnCount]) a.fill(0);
    const n = this.nDates;
    type BalanceRow = [number, string | null, number | null, number | null, number | null];
    for (const r of st.balances.iterate({ lo, hi, asOf: w.asOf }) as Iterable<BalanceRow>) {
      const k = r[0] - lo;
      for (const pair of r[1]?.split(',') ?? []) {
        const d = w.dateIndex.get(pair.slice(0, 10));
        if (d !== undefined) this.aumAt[k * n + d] = (this.aumAt[k * n + d] ?? 0) + Number(pair.slice(11)); // integer fen: exact
      }
      this.loanAt[k] = r[2] ?? 0;
      if (r[3] !== null) {
        this.avgAt[k] = r[3];
        this.hasAvg[k] = 1;
      }
      this.maskAt[k] = r[4] ?? 0;
    }
    for (const r of st.txns.iterate(lo, hi, w.txnFrom, w.txnTo) as Iterable<[number, number]>) this.txnCount[r[0] - lo] = r[1];
    for (const r of st.holdings.iterate(lo, hi, w.asOf) as Iterable<[number, number]>) this.maskAt[r[0] - lo] = (this.maskAt[r[0] - lo] ?? 0) | r[1];
  }
}

/**
 * Recomputes tier, contribution, loyalty, stage and segment for every client as of a snapshot date, in one
 * transaction: the previous scores are replaced only if the whole run succeeds (a cancel rolls it back).
 * Aggregation is set-based SQL per chunk of client ids; one JS pass applies the pure formulas.
 */
export function recomputeScores(store: Store, opts: RecomputeOptions): RecomputeReport {
  const started = performance.now();
  const report = store.transaction(() => {
    const config = readBookConfig(store);
    const asOf = resolveScoreDate(store, opts.asOf);
    const { dates, windowFrom, windowStart, baseIndex } = windowOf(store, asOf, config);
    const nAll = dates.length;
    const w = { asOf, dateIndex: new Map(dates.map((d, i) => [d, i])), txnFrom: nextDay(windowFrom), txnTo: nextDay(asOf) };
    const st = statements(store);
    const restoreIndexes = suspendScoreIndexes(store.db);
    store.db.prepare('DELETE FROM client_score').run();
    const bounds = store.db.prepare('SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM client').get() as { lo: number | null; hi: number | null; n: number };

    const byTier = Object.fromEntries(CLIENT_TIERS.map((t) => [t, 0])) as Record<ClientTier, number>;
    const byStage = Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, 0])) as Record<LifecycleStage, number>;
    const seen = { avgAum: false, tenure: false, stability: false };
    let done = 0;
    const chunk = new ChunkFacts(nAll);

    for (let lo = bounds.lo ?? 1; bounds.hi !== null && lo <= bounds.hi; lo += CHUNK) {
      throwIfCancelled(opts.signal);
      chunk.load(st, lo, lo + CHUNK - 1, w);
      for (const [id, openDate] of st.clients.all(lo, lo + CHUNK - 1) as Array<[number, string | null]>) {
        const k = id - lo;
        const all = chunk.aumAt.subarray(k * nAll, (k + 1) * nAll);
        let everPeak = 0;
        for (let d = 0; d < nAll; d++) everPeak = Math.max(everPeak, all[d] ?? 0);
        const series = all.subarray(windowStart);
        let first = 0;
        while (first < series.length && (series[first] ?? 0) <= 0) first++;
        const tenureMonths = openDate === null ? null : Math.max(0, fullMonthsBetween(openDate, asOf));
        const facts: ClientFacts = {
          aumFen: series.length === 0 ? 0 : (series[series.length - 1] ?? 0),
          avgAumFen: chunk.hasAvg[k] === 1 ? (chunk.avgAt[k] ?? 0) : null,
          loanFen: chunk.loanAt[k] ?? 0,
          incomeFen: null, // no import kind carries product income yet (docs/book.md)
          tenureMonths,
          productTypes: countProductTypes(chunk.maskAt[k] ?? 0),
          stabilityPermille: stabilityPermille(series.subarray(first), config.loyalty.stabilityMinSnapshots),
          txnCount: chunk.txnCount[k] ?? 0,
          activityMonths: tenureMonths === null ? config.windowMonths : Math.min(config.windowMonths, tenureMonths + 1),
          stage: stageInputsOf(series, everPeak, baseIndex, tenureMonths, config),
        };
        const s = scoreFacts(facts, config);
        st.insert.run(scoreParams(id, asOf, facts, s));
        byTier[s.tier]++;
        byStage[s.stage]++;
        seen.avgAum ||= facts.avgAumFen !== null;
        seen.tenure ||= tenureMonths !== null;
        seen.stability ||= facts.stabilityPermille !== null;
        done++;
      }
      opts.progress?.({ phase: 'book.recompute', done, total: bounds.n });
    }

    restoreIndexes();
    const computedAt = opts.clock.now().toISOString();
    const elapsedMs = Math.round(performance.now() - started);
    writeLastRun(store, {
      asOf,
      computedAt,
      computedBy: opts.userName,
      clients: done,
      elapsedMs,
      windowFrom: dates[windowStart] ?? null,
      growthBaseAsOf: dates[windowStart + baseIndex] ?? null,
      config,
      dataMark: dataMark(store),
    });
    const absentEverywhere = done === 0 ? [] : ['income', ...Object.entries(seen).filter(([, v]) => !v).map(([k]) => k)];
    return { asOf, computedAt, clients: done, elapsedMs, byTier, byStage, absentEverywhere };
  });
  // The reported time includes the commit.
  const elapsedMs = Math.round(performance.now() - started);
  log.info('client book recomputed', { asOf: report.asOf, clients: report.clients, elapsedMs });
  return { ...report, elapsedMs };
}
