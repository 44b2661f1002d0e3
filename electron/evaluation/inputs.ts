import type { Scheme } from '../../shared/evaluation/scheme.js';
import type { ManagerGrade, ManagerType } from '../../shared/model/manager.js';
import { VIP_MIN_TIER, tierRank } from '../../shared/assignment/rules.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { Store } from '../store/store.js';
import { creditedActualsMany, periodWindow } from '../targets/credit.js';
import type { YearWindow } from '../targets/org-actuals.js';
import { sourceOf } from '../targets/org-actuals.js';
import { contactPlanCoverage } from '../worklog/coverage.js';
import type { Rational } from '../platform/rational.js';
import { rat } from '../platform/rational.js';
import type { ManagerInputs } from './scorecard.js';
import type { ItemInput } from './score-item.js';

/** A manager evaluated in a period: their last roster period in it (outlet, grade, type). */
export interface EvaluatedManager {
  managerId: number;
  staffNo: string;
  name: string;
  outletId: number;
  outletCode: string;
  outletName: string;
  grade: ManagerGrade;
  type: ManagerType;
}

export interface PeriodInputs {
  managers: EvaluatedManager[];
  inputs: ManagerInputs[];
  /** The snapshot the data-sourced actuals were read at (null when the period has none yet). */
  dataAsOf: string | null;
}

/**
 * The managers a scheme applies to in a period: on the roster at some point of it (not departed or transferred
 * before it began), in the given outlets, of the scheme's grades and types (by their last roster period in it).
 */
export function evaluatedManagers(store: Store, scheme: Scheme, from: string, to: string, outletIds: ReadonlySet<number> | null): EvaluatedManager[] {
  const rows = store.db
    .prepare(
      `SELECT m.id, m.staff_no, m.name, p.org_unit_id, o.code, o.name AS outlet, p.grade, p.type, p.status
       FROM manager m JOIN manager_period p ON p.id = (
         SELECT id FROM manager_period WHERE manager_id = m.id AND valid_from <= @to AND (valid_to IS NULL OR valid_to > @from)
         ORDER BY valid_from DESC LIMIT 1)
       JOIN org_unit o ON o.id = p.org_unit_id
       ORDER BY o.code, m.staff_no`,
    )
    .all({ from, to }) as Array<{ id: number; staff_no: string; name: string; org_unit_id: number; code: string; outlet: string; grade: ManagerGrade; type: ManagerType; status: string }>;
  const grades = scheme.appliesTo.grades === undefined ? null : new Set<string>(scheme.appliesTo.grades);
  const types = scheme.appliesTo.types === undefined ? null : new Set<string>(scheme.appliesTo.types);
  return rows
    .filter((r) => (outletIds === null || outletIds.has(r.org_unit_id)) && (grades === null || grades.has(r.grade)) && (types === null || types.has(r.type)))
    .map((r) => ({ managerId: r.id, staffNo: r.staff_no, name: r.name, outletId: r.org_unit_id, outletCode: r.code, outletName: r.outlet, grade: r.grade, type: r.type }));
}

/** The manager-level target of the latest published plan for the indicator, year and period. */
function targetsFor(store: Store, indicator: string, period: string): Map<number, bigint> {
  const rows = store.db
    .prepare(
      `SELECT t.manager_id AS id, t.value FROM target t
       WHERE t.period = @period AND t.manager_id IS NOT NULL AND t.plan_id = (
         SELECT p.id FROM target_plan p JOIN indicator i ON i.id = p.indicator_id
         WHERE i.code = @indicator AND p.year = @year AND p.status = 'published' ORDER BY p.version DESC LIMIT 1)`,
    )
    .safeIntegers()
    .all({ period, indicator, year: Number(period.slice(0, 4)) }) as Array<{ id: bigint; value: bigint }>;
  return new Map(rows.map((r) => [Number(r.id), r.value]));
}

/** Share of VIP (金卡+) clients among those each manager holds as primary on `day`, in basis points. */
function vipShare(store: Store, day: string): Map<number, Rational> {
  const vip = CLIENT_TIERS.filter((t) => tierRank(t) >= tierRank(VIP_MIN_TIER));
  const rows = store.db
    .prepare(
      `SELECT a.manager_id AS id, count(*) AS n, count(*) FILTER (WHERE s.tier IN (SELECT value FROM json_each(@vip))) AS v
       FROM assignment a LEFT JOIN client_score s ON s.client_id = a.client_id
       WHERE a.role = 'primary' AND a.valid_from <= @day AND (a.valid_to IS NULL OR a.valid_to > @day) GROUP BY a.manager_id`,
    )
    .all({ day, vip: JSON.stringify(vip) }) as Array<{ id: number; n: number; v: number }>;
  return new Map(rows.map((r) => [r.id, rat(BigInt(r.v) * 10_000n, BigInt(r.n))]));
}

/** Credited actuals of each indicator the scheme uses (those without a source: none). */
function creditedByIndicator(store: Store, scheme: Scheme, window: YearWindow): Map<string, Map<number, bigint>> {
  const codes = [...new Set(scheme.items.flatMap((i) => (i.source.kind === 'indicator' ? [i.source.indicator] : [])))];
  const sourced = codes.flatMap((code) => {
    const row = store.db.prepare('SELECT code, source FROM indicator WHERE code = ?').get(code) as { code: string; source: string | null } | undefined;
    const source = row === undefined ? null : sourceOf(row.code, row.source);
    return source === null ? [] : [{ code, source }];
  });
  const credited = creditedActualsMany(store, sourced.map((x) => x.source), window);
  return new Map(sourced.map((x, i) => [x.code, credited[i] ?? new Map<number, bigint>()]));
}

/**
 * Everything a period's scorecards are computed from: per manager and item, the credited actual (indicators through
 * the assignment history and credit shares, targets/credit.ts), the target (published manager plan, else the
 * scheme's fixed target), the direction, and the supervisor's entries.
 */
export function gatherInputs(
  store: Store,
  scheme: Scheme,
  period: { key: string; from: string; to: string },
  managers: readonly EvaluatedManager[],
  entries: ReadonlyMap<string, bigint>,
): PeriodInputs {
  const ids = managers.map((m) => m.managerId);
  const window = periodWindow(store, period.key, period.to);
  const byItem = new Map<string, { actual: Map<number, Rational>; target: Map<number, bigint>; direction: 'up' | 'down' }>();
  // Every indicator's credited actuals at once (balance indicators share one read), each once even when the scheme
  // scores it several ways (ratio, bands, difference).
  const creditedBy = creditedByIndicator(store, scheme, window);
  for (const item of scheme.items) {
    const fixed = item.fixedTarget === undefined ? null : BigInt(item.fixedTarget);
    if (item.source.kind === 'indicator') {
      const row = store.db.prepare('SELECT code, direction, source FROM indicator WHERE code = ?').get(item.source.indicator) as
        | { code: string; direction: 'up' | 'down'; source: string | null }
        | undefined;
      const source = row === undefined ? null : sourceOf(row.code, row.source);
      const credited = creditedBy.get(item.source.indicator) ?? new Map<number, bigint>();
      const actual = new Map<number, Rational>(ids.map((id) => [id, rat(credited.get(id) ?? 0n)]));
      const planned = targetsFor(store, item.source.indicator, period.key);
      const target = new Map<number, bigint>();
      for (const id of ids) {
        const t = planned.get(id) ?? fixed;
        if (t !== null) target.set(id, t);
      }
      byItem.set(item.key, { actual: source === null || window.snapshot === null ? new Map<number, Rational>() : actual, target, direction: row?.direction ?? 'up' });
    } else if (item.source.kind === 'metric') {
      let actual: Map<number, Rational>;
      if (item.source.metric === 'contact_coverage') {
        const cov = contactPlanCoverage(store, { from: period.from, to: period.to, managerIds: ids });
        actual = new Map(cov.managers.filter((m) => m.underPlan > 0).map((m) => [m.managerId, rat(BigInt(m.covered) * 10_000n, BigInt(m.underPlan))]));
      } else {
        actual = vipShare(store, period.to);
      }
      byItem.set(item.key, { actual, target: new Map(fixed === null ? [] : ids.map((id) => [id, fixed])), direction: 'up' });
    }
  }
  const inputs = managers.map((m): ManagerInputs => {
    const items: Record<string, ItemInput> = {};
    for (const item of scheme.items) {
      const data = byItem.get(item.key);
      const entered = entries.get(`${m.managerId}:${item.key}`) ?? null;
      items[item.key] = {
        actual: data?.actual.get(m.managerId) ?? null,
        target: data?.target.get(m.managerId) ?? null,
        direction: data?.direction ?? 'up',
        entered: item.source.kind === 'qualitative' ? entered : null,
        count: item.source.kind === 'count' ? entered : null,
      };
    }
    return { managerId: m.managerId, grade: m.grade, outletCode: m.outletCode, items };
  });
  return { managers: [...managers], inputs, dataAsOf: window.snapshot };
}
