import { COVERAGE_FINDING_KINDS, basisPoints } from '../../shared/assignment/coverage.js';
import type { CoverageFinding, CoveragePolicy } from '../../shared/assignment/coverage.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';

/**
 * The branch policy checked against a state of the book, as a pure function so that the coverage report (today's
 * assignments) and the rule engine's preview (the assignments a plan would leave) judge by exactly the same rules.
 */
export interface PolicyOutletState {
  orgUnitId: number;
  /** Shown in messages; `网点 #id` when the caller has no names (the engine's book carries none). */
  name?: string;
  vipClients: number;
  vipFullTime: number;
  vipUnassigned: number;
  vipFormerManager: number;
  /** 专职 managers in post (在岗 or 休假) at the outlet. */
  fullTimeManagers: number;
}

export interface PolicyManagerState {
  managerId: number;
  orgUnitId: number;
  name?: string;
  clients: number;
  vipClients: number;
  maxClients: number;
  maxVipClients: number;
}

export interface PolicyState {
  outlets: readonly PolicyOutletState[];
  managers: readonly PolicyManagerState[];
}

function outletName(o: PolicyOutletState): LocalizedText {
  return o.name === undefined ? { zh: `网点 #${o.orgUnitId}`, en: `outlet #${o.orgUnitId}` } : { zh: o.name, en: o.name };
}

function pct(part: number, whole: number): string {
  return ((basisPoints(part, whole) ?? 0) / 100).toFixed(1);
}

function outletFindings(o: PolicyOutletState, policy: CoveragePolicy): CoverageFinding[] {
  const out: CoverageFinding[] = [];
  const name = outletName(o);
  const bound = o.vipClients >= policy.minVipForFullTime;
  const base = { orgUnitId: o.orgUnitId, managerId: null };
  if (bound && o.fullTimeManagers === 0) {
    out.push({
      ...base,
      kind: 'needs_full_time',
      severity: 'error',
      clients: o.vipClients,
      message: {
        zh: `${name.zh}有 ${o.vipClients} 名中高端客户（不少于 ${policy.minVipForFullTime} 名），但没有在岗的专职客户经理`,
        en: `${name.en} has ${o.vipClients} VIP clients (at least ${policy.minVipForFullTime}) but no full-time manager in post`,
      },
    });
  }
  const min = policy.minCoveragePct;
  // Checked against the exact fraction (no rounding), only where the 专职 rule applies and is met.
  if (min !== undefined && bound && o.fullTimeManagers > 0 && o.vipFullTime * 100 < min * o.vipClients) {
    out.push({
      ...base,
      kind: 'low_coverage',
      severity: 'warning',
      clients: o.vipClients - o.vipFullTime,
      message: {
        zh: `${name.zh}由专职客户经理管户的中高端客户占 ${pct(o.vipFullTime, o.vipClients)}%，低于 ${min}%`,
        en: `In ${name.en}, ${pct(o.vipFullTime, o.vipClients)}% of VIP clients have a full-time manager, below ${min}%`,
      },
    });
  }
  const orphans = o.vipUnassigned + o.vipFormerManager;
  if (orphans > 0) {
    out.push({
      ...base,
      kind: 'unassigned_vip',
      severity: 'warning',
      clients: orphans,
      message:
        o.vipFormerManager === 0
          ? { zh: `${name.zh}有 ${o.vipUnassigned} 名中高端客户未分配管户客户经理`, en: `${name.en} has ${o.vipUnassigned} VIP clients with no manager` }
          : {
              zh: `${name.zh}有 ${orphans} 名中高端客户无人管户：${o.vipUnassigned} 名未分配，${o.vipFormerManager} 名的客户经理已不在岗`,
              en: `${name.en} has ${orphans} VIP clients nobody looks after: ${o.vipUnassigned} unassigned, ${o.vipFormerManager} whose manager is no longer in post`,
            },
    });
  }
  return out;
}

function managerFinding(m: PolicyManagerState): CoverageFinding | null {
  const overClients = m.clients - m.maxClients;
  const overVip = m.vipClients - m.maxVipClients;
  if (overClients <= 0 && overVip <= 0) return null;
  const who = m.name === undefined ? `#${m.managerId}` : m.name;
  return {
    kind: 'over_capacity',
    severity: 'warning',
    orgUnitId: m.orgUnitId,
    managerId: m.managerId,
    // Handing on the larger excess also cures the other (VIP clients count as clients too).
    clients: Math.max(overClients, overVip),
    message: {
      zh: `客户经理 ${who} 超出管户上限：客户 ${m.clients}/${m.maxClients}，中高端客户 ${m.vipClients}/${m.maxVipClients}`,
      en: `Manager ${who} is over capacity: ${m.clients}/${m.maxClients} clients, ${m.vipClients}/${m.maxVipClients} VIP clients`,
    },
  };
}

/** The findings of the policy on a state, ordered by outlet, then kind, then manager. */
export function policyWarnings(state: PolicyState, policy: CoveragePolicy): CoverageFinding[] {
  const all = state.outlets.flatMap((o) => outletFindings(o, policy));
  for (const m of state.managers) {
    const f = managerFinding(m);
    if (f !== null) all.push(f);
  }
  const rank = (f: CoverageFinding): number => COVERAGE_FINDING_KINDS.indexOf(f.kind);
  return all.sort((a, b) => a.orgUnitId - b.orgUnitId || rank(a) - rank(b) || (a.managerId ?? 0) - (b.managerId ?? 0));
}
