import { addDays } from '../../shared/worklog/rules.js';
import type { ContactPlanCoverage, CoverageCounts, ManagerPlanCoverage, UnitPlanCoverage } from '../../shared/worklog/types.js';
import type { Store } from '../store/store.js';
import { unitsBelow } from '../org/queries.js';
import { heldUnderPlan, scoredAsOf } from './plans.js';
import { managersInUnitsOn } from './reach.js';

/**
 * Per manager: clients under a plan held (primary) on @to, and how many of them were covered — overdue on no day
 * of [@from, @to] (docs/worklog.md). A client is covered exactly when, among its distinct contact days (by anyone)
 * in [@from − interval, @to]: the first is on or before @from, no two consecutive ones after @from are more than
 * interval + 1 days apart (at most `interval` days without a contact), and the last is at most `interval` days
 * before @to. Only contacts that can matter are read, on `contact_by_client`.
 */
const coverageSql = (named: boolean): string => `WITH planned AS (${heldUnderPlan('@to', named)}),
  hits AS (
    SELECT DISTINCT p.client_id, julianday(substr(c.contact_at, 1, 10)) AS day
    FROM planned p JOIN contact c ON c.client_id = p.client_id
    WHERE c.contact_at >= date(@from, '-' || p.every_days || ' days') AND c.contact_at < @toNext
  ),
  gaps AS (
    SELECT client_id, day, day - lag(day) OVER (PARTITION BY client_id ORDER BY day) AS gap FROM hits
  ),
  per_client AS (
    SELECT client_id, min(day) AS first_day, max(day) AS last_day, max(CASE WHEN day > julianday(@from) THEN gap END) AS worst_gap
    FROM gaps GROUP BY client_id
  )
  SELECT p.manager_id, count(*) AS underPlan,
         count(*) FILTER (WHERE pc.first_day <= julianday(@from) AND coalesce(pc.worst_gap, 0) <= p.every_days + 1
                                AND julianday(@to) - pc.last_day <= p.every_days) AS covered
  FROM planned p LEFT JOIN per_client pc ON pc.client_id = p.client_id
  GROUP BY p.manager_id`;

export function rateBp(covered: number, underPlan: number): number | null {
  return underPlan === 0 ? null : Math.round((covered * 10_000) / underPlan);
}

const counts = (underPlan: number, covered: number): CoverageCounts => ({ underPlan, covered, rateBp: rateBp(covered, underPlan) });

export interface CoverageQuery {
  from: string;
  to: string;
  /** Only these managers (every one of them gets a row, with zeros when they hold no planned client). */
  managerIds?: readonly number[] | undefined;
  /** Only managers working in these units (subtrees included) on `to`. */
  orgUnitIds?: readonly number[] | undefined;
}

function managersOf(store: Store, q: CoverageQuery): readonly number[] | null {
  if (q.managerIds !== undefined) return q.managerIds;
  if (q.orgUnitIds === undefined) return null;
  return managersInUnitsOn(store, unitsBelow(store, q.orgUnitIds), q.to);
}

/**
 * 联系计划覆盖率 for [from, to] — the function the evaluation calls. Per manager, the share of the clients under a
 * plan they held (primary) on `to` that were overdue on no day of the period; rolled up to the manager's unit on
 * `to` and every unit above it. Scope is the caller's business: this reads whatever it is asked for.
 */
export function contactPlanCoverage(store: Store, q: CoverageQuery): ContactPlanCoverage {
  const managers = managersOf(store, q);
  const rows = store.db
    .prepare(coverageSql(managers !== null))
    .all({ from: q.from, to: q.to, toNext: addDays(q.to, 1), managers: JSON.stringify(managers ?? []) }) as Array<{
    manager_id: number;
    underPlan: number;
    covered: number;
  }>;
  const byManager = new Map(rows.map((r) => [r.manager_id, r]));
  const ids = [...new Set([...(managers ?? []), ...byManager.keys()])];
  const people = store.db
    .prepare(
      `SELECT m.id, m.staff_no AS staffNo, m.name,
         (SELECT org_unit_id FROM manager_period p WHERE p.manager_id = m.id AND p.valid_from <= @to AND (p.valid_to IS NULL OR p.valid_to > @to)
          ORDER BY p.valid_from DESC, p.id DESC LIMIT 1) AS orgUnitId
       FROM manager m WHERE m.id IN (SELECT value FROM json_each(@ids)) ORDER BY m.staff_no`,
    )
    .all({ to: q.to, ids: JSON.stringify(ids) }) as Array<{ id: number; staffNo: string; name: string; orgUnitId: number | null }>;
  const out: ManagerPlanCoverage[] = people.map((p) => {
    const r = byManager.get(p.id);
    return { managerId: p.id, staffNo: p.staffNo, name: p.name, orgUnitId: p.orgUnitId, ...counts(r?.underPlan ?? 0, r?.covered ?? 0) };
  });
  const underPlan = out.reduce((s, m) => s + m.underPlan, 0);
  const covered = out.reduce((s, m) => s + m.covered, 0);
  return { from: q.from, to: q.to, managers: out, units: rollUp(store, out), totals: counts(underPlan, covered), scoredAsOf: scoredAsOf(store) };
}

/**
 * Each manager's figures added to their unit and every unit above it; units without planned clients are left out.
 * Listed depth first.
 */
function rollUp(store: Store, managers: readonly ManagerPlanCoverage[]): UnitPlanCoverage[] {
  const units = new Map(
    (store.db.prepare('SELECT id, code, name, level, parent_id AS parentId FROM org_unit').all() as Array<Omit<UnitPlanCoverage, 'orgUnitId' | keyof CoverageCounts> & { id: number }>).map(
      (u) => [u.id, u],
    ),
  );
  const sums = new Map<number, { underPlan: number; covered: number }>();
  for (const m of managers) {
    if (m.underPlan === 0) continue;
    const seen = new Set<number>();
    for (let id = m.orgUnitId; id !== null && !seen.has(id); id = units.get(id)?.parentId ?? null) {
      seen.add(id);
      const s = sums.get(id) ?? { underPlan: 0, covered: 0 };
      s.underPlan += m.underPlan;
      s.covered += m.covered;
      sums.set(id, s);
    }
  }
  const rows = new Map<number, UnitPlanCoverage>();
  for (const [id, s] of sums) {
    const u = units.get(id);
    if (u !== undefined) rows.set(id, { orgUnitId: id, code: u.code, name: u.name, level: u.level, parentId: u.parentId, ...counts(s.underPlan, s.covered) });
  }
  // Depth first, siblings by code, so each unit is followed by the units below it (the table reads as the tree).
  const children = new Map<number | null, UnitPlanCoverage[]>();
  for (const r of rows.values()) {
    const parent = r.parentId !== null && rows.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: UnitPlanCoverage[] = [];
  const visit = (parent: number | null): void => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push(r);
      visit(r.orgUnitId);
    }
  };
  visit(null);
  return out;
}
