import crypto from 'node:crypto';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import type { Scheme } from '../../shared/evaluation/scheme.js';
import { parsePeriod, periodRange } from '../../shared/targets/periods.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { canonicalJson } from '../security/canonical-json.js';
import type { EvaluatedManager, PeriodInputs } from './inputs.js';
import { evaluatedManagers, gatherInputs } from './inputs.js';
import { formatDecimal, formatPercent } from '../platform/rational.js';
import type { StoredScheme } from './schemes.js';
import { schemeInForce } from './schemes.js';
import type { Scorecard } from './scorecard.js';
import { rank, scoreManager } from './scorecard.js';

export interface RunRequest {
  schemeCode: string;
  /** '2026-10', '2026Q3' or '2026', of the scheme's period type. */
  period: string;
  /** Outlets evaluated (a supervisor's); null: every outlet. */
  outletIds: ReadonlySet<number> | null;
  /** The org unit the run belongs to (a supervisor's unit); null: the whole branch. */
  orgUnitId: number | null;
}

export interface ComputedCard extends Scorecard {
  manager: EvaluatedManager;
  rankOutlet: number | null;
  rankBranch: number | null;
  of: { outlet: number; branch: number };
  bottom: boolean;
}

export interface Computed {
  scheme: StoredScheme;
  period: { key: string; from: string; to: string };
  dataAsOf: string | null;
  cards: ComputedCard[];
  /** Fingerprint of the data behind the cards (actuals and targets, not the supervisor's entries). */
  inputsSha256: string;
}

const invalid = (zh: string, en: string): never => {
  throw new AppError('INVALID_INPUT', { zh, en });
};

/** The supervisor's entries of a run: `${managerId}:${itemKey}` → value. */
export function entriesOf(store: Store, runId: number | null): Map<string, bigint> {
  if (runId === null) return new Map();
  const rows = store.db.prepare('SELECT manager_id, item_key, value FROM evaluation_entry WHERE run_id = ? AND value IS NOT NULL').safeIntegers().all(runId) as Array<{
    manager_id: bigint;
    item_key: string;
    value: bigint;
  }>;
  return new Map(rows.map((r) => [`${r.manager_id}:${r.item_key}`, r.value]));
}

function fingerprint(inputs: PeriodInputs): string {
  const data = inputs.inputs.map((m) => ({
    m: m.managerId,
    items: Object.fromEntries(Object.entries(m.items).map(([k, v]) => [k, { a: v.actual === null ? null : formatDecimal(v.actual), t: v.target?.toString() ?? null }])),
  }));
  return crypto.createHash('sha256').update(canonicalJson({ asOf: inputs.dataAsOf, data }) ?? '').digest('hex');
}

/**
 * Computes every scorecard of a period without storing anything: the scheme version in force, the managers it
 * applies to, their credited actuals and targets, the entries so far; ranks within each outlet and the branch.
 */
export function computePeriod(store: Store, req: RunRequest, runId: number | null, draft?: Scheme): Computed {
  const parsed = parsePeriod(req.period) ?? invalid(`无法识别的考核期 ${req.period}`, `Unknown period ${req.period}`);
  const range = periodRange(req.period);
  // A draft is previewed against a period's data before it is saved (the editor's 预览).
  const scheme: StoredScheme =
    draft === undefined ? schemeInForce(store, req.schemeCode, range.from) : { id: 0, code: draft.code, version: 0, validFrom: range.from, note: null, createdBy: '', createdAt: '', scheme: draft };
  if (parsed.kind !== scheme.scheme.periodType) {
    throw new AppError('INVALID_INPUT', {
      zh: `考核方案 ${scheme.code} 按${{ month: '月', quarter: '季', year: '年' }[scheme.scheme.periodType]}考核，考核期 ${req.period} 不符`,
      en: `Scheme ${scheme.code} is evaluated per ${scheme.scheme.periodType}; ${req.period} is not one`,
    });
  }
  const period = { key: req.period, ...range };
  const managers = evaluatedManagers(store, scheme.scheme, range.from, range.to, req.outletIds);
  const inputs = gatherInputs(store, scheme.scheme, period, managers, entriesOf(store, runId));
  const cards = inputs.inputs.map((i) => scoreManager(scheme.scheme, i));
  const branch = rank(cards, scheme.scheme.bottomWarning);
  const outletRanks = new Map<number, ReturnType<typeof rank>>();
  for (const outletId of new Set(managers.map((m) => m.outletId))) {
    const members = new Set(managers.filter((m) => m.outletId === outletId).map((m) => m.managerId));
    outletRanks.set(outletId, rank(cards.filter((c) => members.has(c.managerId)), 0));
  }
  const out = cards.map((card, i): ComputedCard => {
    const manager = managers[i] as EvaluatedManager;
    const b = branch.get(card.managerId);
    const o = outletRanks.get(manager.outletId)?.get(card.managerId);
    return {
      ...card,
      manager,
      rankOutlet: o?.rank ?? null,
      rankBranch: b?.rank ?? null,
      of: { outlet: o?.of ?? 0, branch: b?.of ?? 0 },
      bottom: b?.bottom ?? false,
    };
  });
  return { scheme, period, dataAsOf: inputs.dataAsOf, cards: out, inputsSha256: fingerprint(inputs) };
}

interface RunRow {
  id: number;
  status: 'draft' | 'review' | 'locked';
}

export function findRun(store: Store, schemeId: number, period: string, orgUnitId: number | null): RunRow | null {
  return (
    (store.db.prepare('SELECT id, status FROM evaluation_run WHERE scheme_id = ? AND period = ? AND org_unit_id IS ?').get(schemeId, period, orgUnitId) as RunRow | undefined) ?? null
  );
}

/** A computed card as stored and served (shared/evaluation/card.ts): points in hundredths as strings. */
export function toCard(c: ComputedCard): EvaluationCard {
  const str = (v: bigint | null): string | null => (v === null ? null : v.toString());
  return {
    managerId: c.managerId,
    manager: c.manager,
    items: c.items.map((i) => ({ key: i.key, points: str(i.points), completion: i.completion === null ? null : formatPercent(i.completion), status: i.status, trace: i.trace })),
    quantitative: c.quantitative.toString(),
    coefficient: c.coefficient,
    adjusted: c.adjusted.toString(),
    qualitative: c.qualitative.toString(),
    deductions: c.deductions.toString(),
    total: str(c.total),
    outcome: c.outcome,
    rankOutlet: c.rankOutlet,
    rankBranch: c.rankBranch,
    of: c.of,
    bottom: c.bottom,
    trace: c.trace,
  };
}

/**
 * Computes a period and stores it as a draft run (recomputing a draft or review run keeps the supervisor's entries;
 * the run goes back to draft). A locked run is refused: it changes only after an audited reopen.
 */
export function computeRun(store: Store, req: RunRequest, user: string, now: string): { runId: number; computed: Computed } {
  return store.transaction(() => {
    const range = periodRange(req.period);
    const scheme = schemeInForce(store, req.schemeCode, range.from);
    const existing = findRun(store, scheme.id, req.period, req.orgUnitId);
    if (existing?.status === 'locked') {
      throw new AppError('CONFLICT', { zh: `考核期 ${req.period} 已锁定；如需重算，请先经审计重新打开`, en: `${req.period} is locked; reopen it (audited) before computing again` });
    }
    const computed = computePeriod(store, req, existing?.id ?? null);
    const db = store.db;
    let runId: number;
    if (existing === null) {
      runId = Number(
        db
          .prepare(
            "INSERT INTO evaluation_run (scheme_id, period, period_from, period_to, status, org_unit_id, inputs_sha256, computed_by, computed_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
          )
          .run(scheme.id, req.period, range.from, range.to, req.orgUnitId, computed.inputsSha256, user, now).lastInsertRowid,
      );
    } else {
      runId = existing.id;
      db.prepare("UPDATE evaluation_run SET status = 'draft', inputs_sha256 = ?, computed_by = ?, computed_at = ? WHERE id = ?").run(computed.inputsSha256, user, now, runId);
      db.prepare('DELETE FROM evaluation_score WHERE run_id = ?').run(runId);
    }
    const insert = db.prepare(
      'INSERT INTO evaluation_score (run_id, manager_id, outlet_id, total, rank_outlet, rank_branch, bottom, outcome, card) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const c of computed.cards) {
      insert.run(runId, c.managerId, c.manager.outletId, c.total, c.rankOutlet, c.rankBranch, c.bottom ? 1 : 0, c.outcome, JSON.stringify(toCard(c)));
    }
    db.prepare("INSERT INTO evaluation_signoff (run_id, action, note, by_user, at) VALUES (?, 'compute', ?, ?, ?)").run(runId, `${computed.cards.length} managers, data as of ${computed.dataAsOf ?? '—'}`, user, now);
    return { runId, computed };
  });
}
