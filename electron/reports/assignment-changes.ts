import type { ReportParams, ReportRow, ReportTable } from '../../shared/reports/report.js';
import type { Session } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { ReportScope } from './scope.js';
import { unitsJson } from './scope.js';
import { col, frame, sumOf } from './table.js';

/** The kinds of change as the report groups them (bulk is a manual change of many clients at once). */
type Group = 'manual' | 'rules' | 'handover' | 'import';
const groupOf = (kind: string): Group => (kind === 'bulk' || kind === 'manual' ? 'manual' : kind === 'rules' || kind === 'handover' || kind === 'import' ? kind : 'manual');

/**
 * Moves of a client's primary manager effective in the period, from the assignment history as it stands (an undone
 * change left no spans behind): a primary span starting on a day D of the period is a move *in* for its manager
 * unless the client's primary span ending on D (valid_to = D) was the same manager's (a change of credit shares,
 * not a move); that earlier span is a move *out* for its manager. A primary span ending on a day of the period with
 * no primary span starting that day is an unassignment: a move out. Each move counts under the kind of the change
 * that made it (the new span's change; for an unassignment the change that closed the span, from assignment_undo).
 */
const MOVES_SQL = `
  WITH starts AS (
    SELECT n.client_id, n.manager_id AS to_id, p.manager_id AS from_id, ch.kind
    FROM assignment n JOIN assignment_change ch ON ch.id = n.change_id
    LEFT JOIN assignment p ON p.client_id = n.client_id AND p.role = 'primary' AND p.valid_to = n.valid_from
    WHERE n.role = 'primary' AND n.valid_from BETWEEN @from AND @to AND (p.manager_id IS NULL OR p.manager_id <> n.manager_id)
  ),
  ends AS (
    SELECT p.client_id, NULL AS to_id, p.manager_id AS from_id,
      coalesce((SELECT ch.kind FROM assignment_undo u JOIN assignment_change ch ON ch.id = u.change_id
                WHERE u.assignment_id = p.id AND u.action = 'close' ORDER BY u.id DESC LIMIT 1), 'manual') AS kind
    FROM assignment p
    WHERE p.role = 'primary' AND p.valid_to BETWEEN @from AND @to
      AND NOT EXISTS (SELECT 1 FROM assignment n WHERE n.client_id = p.client_id AND n.role = 'primary' AND n.valid_from = p.valid_to)
  ),
  moves AS (SELECT * FROM starts UNION ALL SELECT * FROM ends)
  SELECT manager_id, kind, sum(dir = 'in') AS ins, sum(dir = 'out') AS outs FROM (
    SELECT to_id AS manager_id, kind, 'in' AS dir FROM moves WHERE to_id IS NOT NULL
    UNION ALL SELECT from_id, kind, 'out' FROM moves WHERE from_id IS NOT NULL
  ) GROUP BY manager_id, kind`;

/**
 * 管户变更: per manager of the covered units (their outlet on the period's last day, else their last one in the
 * period), the clients moved to them by kind, the clients moved away, and the net change.
 */
export function assignmentChanges(store: Store, _session: Session, scope: ReportScope, params: ReportParams, now: Date): ReportTable {
  const db = store.db;
  const managers = db
    .prepare(
      `SELECT m.id, m.staff_no AS staffNo, m.name, o.name AS outlet FROM manager m
       JOIN manager_period p ON p.id = (SELECT q.id FROM manager_period q WHERE q.manager_id = m.id AND q.valid_from <= @to AND (q.valid_to IS NULL OR q.valid_to > @from)
                                         ORDER BY q.valid_from DESC, q.id DESC LIMIT 1)
       JOIN org_unit o ON o.id = p.org_unit_id
       WHERE p.org_unit_id IN (SELECT value FROM json_each(@units)) ORDER BY m.staff_no`,
    )
    .all({ from: scope.from, to: scope.to, units: unitsJson(scope.units) }) as Array<{ id: number; staffNo: string; name: string; outlet: string }>;
  const counts = new Map<number, Record<Group, number> & { out: number }>();
  for (const r of db.prepare(MOVES_SQL).all({ from: scope.from, to: scope.to }) as Array<{ manager_id: number; kind: string; ins: number; outs: number }>) {
    const c = counts.get(r.manager_id) ?? { manual: 0, rules: 0, handover: 0, import: 0, out: 0 };
    c[groupOf(r.kind)] += r.ins;
    c.out += r.outs;
    counts.set(r.manager_id, c);
  }
  const rows: ReportRow[] = managers.map((m) => {
    const c = counts.get(m.id) ?? { manual: 0, rules: 0, handover: 0, import: 0, out: 0 };
    const ins = c.manual + c.rules + c.handover + c.import;
    return {
      key: m.staffNo,
      cells: { staffNo: m.staffNo, name: m.name, outlet: m.outlet, inManual: c.manual, inRules: c.rules, inHandover: c.handover, inImport: c.import, inTotal: ins, outTotal: c.out, net: ins - c.out },
    };
  });
  const cells = rows.map((r) => r.cells);
  const numeric = ['inManual', 'inRules', 'inHandover', 'inImport', 'inTotal', 'outTotal', 'net'];
  const changes = db
    .prepare(
      `SELECT count(DISTINCT change_id) FROM assignment WHERE role = 'primary' AND valid_from BETWEEN ? AND ?
         AND manager_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(scope.from, scope.to, JSON.stringify(managers.map((m) => m.id))) as number;
  return {
    ...frame('assignmentChanges', scope, params, now, {
      zh: `按生效日期统计 ${scope.from} 至 ${scope.to} 的主管户调整（已撤销的变更不计），涉及 ${changes} 次变更`,
      en: `Primary-manager moves effective ${scope.from} to ${scope.to} (undone changes excluded), from ${changes} changes`,
    }),
    columns: [
      col('staffNo', '员工号', 'Staff no', 'text'),
      col('name', '姓名', 'Name', 'text'),
      col('outlet', '网点', 'Outlet', 'text'),
      col('inManual', '调入·手工', 'In: manual', 'count'),
      col('inRules', '调入·规则', 'In: rules', 'count'),
      col('inHandover', '调入·移交', 'In: handover', 'count'),
      col('inImport', '调入·导入', 'In: import', 'count'),
      col('inTotal', '调入合计', 'In: total', 'count'),
      col('outTotal', '调出', 'Out', 'count'),
      col('net', '净增', 'Net', 'count'),
    ],
    rows,
    totals: { staffNo: '合计', name: null, outlet: null, ...Object.fromEntries(numeric.map((k) => [k, sumOf(cells, k)])) },
  };
}
