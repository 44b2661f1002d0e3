import { COVERAGE_POLICY_KEY, DEFAULT_COVERAGE_POLICY, basisPoints, coveragePolicySchema } from '../../shared/assignment/coverage.js';
import type { CoveragePolicy, CoverageReport, CoverageTotals, ManagerLoad, OutletCoverage } from '../../shared/assignment/coverage.js';
import { VIP_MIN_TIER, tierRank } from '../../shared/assignment/rules.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { ManagerGrade, ManagerStatus, ManagerType } from '../../shared/model/manager.js';
import type { OrgLevel } from '../../shared/model/org.js';
import { readLastRun } from '../book/config-store.js';
import { readCapacityDefaults } from '../org/capacity.js';
import { createLogger } from '../platform/log.js';
import { readSetting, writeSetting } from '../store/settings.js';
import type { Store } from '../store/store.js';
import { policyWarnings } from './coverage-policy.js';

export { policyWarnings } from './coverage-policy.js';
export type { PolicyManagerState, PolicyOutletState, PolicyState } from './coverage-policy.js';

const log = createLogger('coverage');

/** The policy in force: the stored one, or the defaults when none was saved (or it no longer validates). */
export function readCoveragePolicy(store: Store): CoveragePolicy {
  const raw = readSetting<unknown>(store, COVERAGE_POLICY_KEY, null);
  if (raw === null) return DEFAULT_COVERAGE_POLICY;
  const parsed = coveragePolicySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log.warn('stored assignment.policy does not validate; using the defaults', { issues: parsed.error.issues.length });
  return DEFAULT_COVERAGE_POLICY;
}

export function writeCoveragePolicy(store: Store, policy: CoveragePolicy): CoveragePolicy {
  store.transaction(() => writeSetting(store, COVERAGE_POLICY_KEY, policy));
  return readCoveragePolicy(store);
}

const IN_POST: ReadonlySet<ManagerStatus> = new Set(['active', 'leave']);
const VIP_TIERS = JSON.stringify(CLIENT_TIERS.filter((t) => tierRank(t) >= tierRank(VIP_MIN_TIER)));

interface RosterRow {
  manager_id: number;
  org_unit_id: number;
  grade: ManagerGrade;
  type: ManagerType;
  status: ManagerStatus;
  max_clients: number | null;
  max_vip_clients: number | null;
  staff_no: string;
  name: string;
}

/** Each manager's roster period in force on the day (the latest, should periods overlap), with capacity resolved. */
function rosterOn(store: Store, day: string): Map<number, ManagerLoad> {
  const defaults = readCapacityDefaults(store);
  const rows = store.db
    .prepare(
      `SELECT p.manager_id, p.org_unit_id, p.grade, p.type, p.status, p.max_clients, p.max_vip_clients, m.staff_no, m.name
       FROM manager_period p JOIN manager m ON m.id = p.manager_id
       WHERE p.valid_from <= @d AND (p.valid_to IS NULL OR p.valid_to > @d)
       ORDER BY p.manager_id, p.valid_from DESC, p.id DESC`,
    )
    .all({ d: day }) as RosterRow[];
  const out = new Map<number, ManagerLoad>();
  for (const r of rows) {
    if (out.has(r.manager_id)) continue;
    const d = (defaults[r.grade] ?? defaults.trainee)[r.type];
    out.set(r.manager_id, {
      managerId: r.manager_id,
      staffNo: r.staff_no,
      name: r.name,
      orgUnitId: r.org_unit_id,
      type: r.type,
      status: r.status,
      clients: 0,
      vipClients: 0,
      maxClients: r.max_clients ?? d.maxClients,
      maxVipClients: r.max_vip_clients ?? d.maxVipClients,
    });
  }
  return out;
}

function emptyOutlet(u: { id: number; code: string; name: string; parent_id: number | null }): OutletCoverage {
  return {
    orgUnitId: u.id,
    code: u.code,
    name: u.name,
    parentId: u.parent_id,
    clients: 0,
    vipClients: 0,
    vipFullTime: 0,
    vipFullTimeBp: null,
    vipPartTime: 0,
    vipUnassigned: 0,
    vipFormerManager: 0,
    fullTimeManagers: 0,
    partTimeManagers: 0,
    overCapacity: [],
    findings: [],
  };
}

/**
 * 管户覆盖 on a day for the given org units (already expanded to subtrees; null = all), in four set-based statements
 * and one pass over their small results:
 * - clients per unit (the client_by_org index alone);
 * - VIP clients per (unit, primary manager that day), driven by client_score's tier index so only VIP clients are
 *   looked up, each primary found through assignment_by_client (min() keeps a data error from counting one twice);
 * - primary clients per manager that day (their load against the cap);
 * - the roster in force that day (type, status, caps), which classifies each VIP client's manager.
 * Tiers are those of the last recompute (`scoredAsOf`); assignments and the roster are read on `asOf`.
 */
export function coverageReport(store: Store, opts: { asOf: string; orgUnitIds: readonly number[] | null }): CoverageReport {
  const db = store.db;
  const day = opts.asOf;
  const policy = readCoveragePolicy(store);
  const wanted = opts.orgUnitIds === null ? null : new Set(opts.orgUnitIds);
  const units = db.prepare('SELECT id, code, name, level, parent_id FROM org_unit ORDER BY code, id').all() as Array<{ id: number; code: string; name: string; level: OrgLevel; parent_id: number | null }>;
  const rows = new Map<number, OutletCoverage>();
  for (const u of units) if (u.level === 'outlet' && (wanted === null || wanted.has(u.id))) rows.set(u.id, emptyOutlet(u));
  // Clients or managers may sit on a unit above outlet level (a sub-branch's own book): such a unit gets a row too.
  const rowOf = (unitId: number | null): OutletCoverage | null => {
    if (unitId === null || (wanted !== null && !wanted.has(unitId))) return null;
    let row = rows.get(unitId);
    if (row === undefined) {
      const u = units.find((x) => x.id === unitId);
      if (u === undefined) return null;
      row = emptyOutlet(u);
      rows.set(unitId, row);
    }
    return row;
  };

  for (const r of db.prepare('SELECT org_unit_id, count(*) FROM client GROUP BY org_unit_id').raw().all() as Array<[number | null, number]>) {
    const row = rowOf(r[0]);
    if (row !== null) row.clients = r[1];
  }

  const roster = rosterOn(store, day);
  for (const m of roster.values()) {
    if (!IN_POST.has(m.status)) continue;
    const row = rowOf(m.orgUnitId);
    if (row === null) continue;
    if (m.type === 'full_time') row.fullTimeManagers++;
    else row.partTimeManagers++;
  }

  const vipRows = db
    .prepare(
      `SELECT c.org_unit_id AS unit,
         (SELECT min(a.manager_id) FROM assignment a WHERE a.client_id = s.client_id AND a.role = 'primary'
            AND a.valid_from <= @d AND (a.valid_to IS NULL OR a.valid_to > @d)) AS manager,
         count(*) AS n
       FROM client_score s JOIN client c ON c.id = s.client_id
       WHERE s.tier IN (SELECT value FROM json_each(@vip))
       GROUP BY unit, manager`,
    )
    .raw()
    .all({ d: day, vip: VIP_TIERS }) as Array<[number | null, number | null, number]>;
  for (const [unit, manager, n] of vipRows) {
    const m = manager === null ? undefined : roster.get(manager);
    if (m !== undefined) m.vipClients += n;
    const row = rowOf(unit);
    if (row === null) continue;
    row.vipClients += n;
    if (manager === null) row.vipUnassigned += n;
    else if (m === undefined || !IN_POST.has(m.status)) row.vipFormerManager += n;
    else if (m.type === 'full_time') row.vipFullTime += n;
    else row.vipPartTime += n;
  }

  const loads = db
    .prepare(
      `SELECT manager_id, count(*) FROM assignment
       WHERE role = 'primary' AND valid_from <= @d AND (valid_to IS NULL OR valid_to > @d) GROUP BY manager_id`,
    )
    .raw()
    .all({ d: day }) as Array<[number, number]>;
  for (const [id, n] of loads) {
    const m = roster.get(id);
    if (m !== undefined) m.clients = n;
  }

  const outlets = [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.orgUnitId - b.orgUnitId));
  const inPost = [...roster.values()].filter((m) => IN_POST.has(m.status) && rows.has(m.orgUnitId)).sort((a, b) => a.managerId - b.managerId);
  const findings = policyWarnings({ outlets, managers: inPost.map((m) => ({ ...m, name: `${m.name}（${m.staffNo}）` })) }, policy);
  for (const f of findings) rows.get(f.orgUnitId)?.findings.push(f);
  for (const m of inPost) if (m.clients > m.maxClients || m.vipClients > m.maxVipClients) rows.get(m.orgUnitId)?.overCapacity.push(m);
  for (const o of outlets) o.vipFullTimeBp = basisPoints(o.vipFullTime, o.vipClients);

  // The recompute records its date; max(as_of) over client_score (no index on it) is only the fallback.
  const scoredAsOf = readLastRun(store)?.asOf ?? ((db.prepare('SELECT max(as_of) FROM client_score').pluck().get() as string | null) ?? null);
  return { asOf: day, scoredAsOf, policy, outlets, totals: totalsOf(outlets) };
}

function totalsOf(outlets: readonly OutletCoverage[]): CoverageTotals {
  const sum = (f: (o: OutletCoverage) => number): number => outlets.reduce((s, o) => s + f(o), 0);
  const vipClients = sum((o) => o.vipClients);
  const vipFullTime = sum((o) => o.vipFullTime);
  return {
    outlets: outlets.length,
    clients: sum((o) => o.clients),
    vipClients,
    vipFullTime,
    vipFullTimeBp: basisPoints(vipFullTime, vipClients),
    vipUnassigned: sum((o) => o.vipUnassigned),
    vipFormerManager: sum((o) => o.vipFormerManager),
    fullTimeManagers: sum((o) => o.fullTimeManagers),
    partTimeManagers: sum((o) => o.partTimeManagers),
    managersOverCapacity: sum((o) => o.overCapacity.length),
    outletsNeedingFullTime: sum((o) => (o.findings.some((f) => f.kind === 'needs_full_time') ? 1 : 0)),
    findings: sum((o) => o.findings.length),
  };
}
