import { addDays } from '../../shared/worklog/rules.js';
import type { DueClient, DueCounts, DueReport, ManagerDue } from '../../shared/worklog/types.js';
import type { Store } from '../store/store.js';
import { heldUnderPlan } from './plans.js';

/**
 * Every client under a plan whose primary manager on @d is one of @managers (or anyone's), with the plan's
 * interval, the last contact by anyone up to the end of @d, and `late` = days since that contact − interval
 * (NULL when never contacted). One set-based pass: the last contact is a max over `contact_by_client`.
 */
const staged = (named: boolean): string => `WITH planned AS (${heldUnderPlan('@d', named)}),
  judged AS (
    SELECT p.*, (SELECT max(c.contact_at) FROM contact c WHERE c.client_id = p.client_id AND c.contact_at < @dNext) AS last_at FROM planned p
  ),
  staged AS (
    SELECT j.*, CAST(julianday(@d) - julianday(substr(j.last_at, 1, 10)) AS INTEGER) - j.every_days AS late FROM judged j
  )`;

interface CountRow {
  manager_id: number;
  underPlan: number;
  overdue: number;
  never: number;
  dueSoon: number;
}

interface ListRow {
  clientId: number;
  clientNo: string;
  clientName: string;
  tier: DueClient['tier'];
  segment: DueClient['segment'];
  managerId: number;
  managerName: string;
  planId: number;
  everyDays: number;
  lastContactAt: string | null;
  lastContactBy: string | null;
  dueOn: string | null;
  daysLate: number | null;
}

const zero = (): DueCounts => ({ underPlan: 0, overdue: 0, never: 0, dueSoon: 0 });

/**
 * The due list on a day (docs/worklog.md): per manager the clients under a plan they hold, how many are overdue
 * (never contacted, or more than the plan's interval since the last contact by anyone), how many fall due within
 * `withinDays`; and the clients themselves, most urgent first.
 */
export function dueReport(store: Store, opts: { asOf: string; withinDays: number; limit: number; managers: readonly number[] | null }): DueReport {
  const named = opts.managers !== null;
  const params = { d: opts.asOf, dNext: addDays(opts.asOf, 1), managers: JSON.stringify(opts.managers ?? []), within: opts.withinDays };
  const counts = store.db
    .prepare(
      `${staged(named)}
       SELECT manager_id, count(*) AS underPlan,
              count(*) FILTER (WHERE late IS NULL OR late > 0) AS overdue,
              count(*) FILTER (WHERE last_at IS NULL) AS never,
              count(*) FILTER (WHERE late <= 0 AND late >= -@within) AS dueSoon
       FROM staged GROUP BY manager_id`,
    )
    .all(params) as CountRow[];
  const byManager = new Map(counts.map((c) => [c.manager_id, c]));
  const ids = [...new Set([...(opts.managers ?? []), ...byManager.keys()])];
  const people = store.db
    .prepare(
      `SELECT m.id, m.staff_no AS staffNo, m.name,
         (SELECT org_unit_id FROM manager_period p WHERE p.manager_id = m.id AND p.valid_from <= @d AND (p.valid_to IS NULL OR p.valid_to > @d)
          ORDER BY p.valid_from DESC, p.id DESC LIMIT 1) AS orgUnitId
       FROM manager m WHERE m.id IN (SELECT value FROM json_each(@ids)) ORDER BY m.staff_no`,
    )
    .all({ d: opts.asOf, ids: JSON.stringify(ids) }) as Array<{ id: number; staffNo: string; name: string; orgUnitId: number | null }>;
  const totals = zero();
  const managers: ManagerDue[] = people.map((p) => {
    const c = byManager.get(p.id);
    const row: DueCounts = c === undefined ? zero() : { underPlan: c.underPlan, overdue: c.overdue, never: c.never, dueSoon: c.dueSoon };
    totals.underPlan += row.underPlan;
    totals.overdue += row.overdue;
    totals.never += row.never;
    totals.dueSoon += row.dueSoon;
    return { managerId: p.id, staffNo: p.staffNo, name: p.name, orgUnitId: p.orgUnitId, ...row };
  });
  const listed = opts.limit === 0 ? [] : dueClients(store, named, params, opts.limit);
  const clients: DueClient[] = listed.map((r) => ({ ...r, status: r.daysLate === null || r.daysLate > 0 ? 'overdue' : 'due' }));
  return { asOf: opts.asOf, withinDays: opts.withinDays, totals, managers, clients, truncated: totals.overdue + totals.dueSoon > clients.length };
}

function dueClients(store: Store, named: boolean, params: Record<string, unknown>, limit: number): ListRow[] {
  // The inner query picks and orders the rows; the outer one looks up who made the last contact for those only.
  return store.db
    .prepare(
      `${staged(named)}
       SELECT x.*, (SELECT m2.name FROM contact c2 JOIN manager m2 ON m2.id = c2.manager_id
                    WHERE c2.client_id = x.clientId AND c2.contact_at = x.lastContactAt ORDER BY c2.id DESC LIMIT 1) AS lastContactBy
       FROM (
         SELECT st.client_id AS clientId, cl.client_no AS clientNo, cl.name AS clientName, st.tier, st.segment, st.manager_id AS managerId,
                m.name AS managerName, st.plan_id AS planId, st.every_days AS everyDays, st.last_at AS lastContactAt,
                CASE WHEN st.last_at IS NULL THEN NULL ELSE date(substr(st.last_at, 1, 10), '+' || st.every_days || ' days') END AS dueOn,
                st.late AS daysLate
         FROM staged st JOIN client cl ON cl.id = st.client_id JOIN manager m ON m.id = st.manager_id
         WHERE st.late IS NULL OR st.late >= -@within
         ORDER BY st.last_at IS NOT NULL, st.late DESC, cl.client_no
         LIMIT @limit
       ) x`,
    )
    .all({ ...params, limit }) as ListRow[];
}
