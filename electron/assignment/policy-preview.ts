import type { CoveragePolicy } from '../../shared/assignment/coverage.js';
import type { AssignmentBook, AssignmentWarning } from '../../shared/assignment/rules.js';
import { policyWarnings } from './coverage-policy.js';
import type { PolicyOutletState } from './coverage-policy.js';
import type { PlanState } from './plan-state.js';

const IN_POST = new Set(['active', 'leave']);

/** Position of a client id in the plan's id-sorted client list; the book is usually in id order, so try `hint` first. */
function indexOf(ids: ArrayLike<number>, id: number, hint: number): number {
  if (ids[hint] === id) return hint;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The coverage policy judged on the state a plan would leave, for the outlets of the clients it selected:
 * 中高端 clients of an outlet that reaches the threshold with no 专职 manager in post (`needs_full_time`), and the
 * 专职 share after the moves below the minimum (`low_coverage`). Advisory: the roster, not the plan, decides whether
 * an outlet has a 专职 manager, so these never make a plan infeasible. Over-capacity and unassigned clients are
 * already reported by the engine's own warnings. Pure: reads the book and the finished plan state only.
 */
export function planPolicyWarnings(book: AssignmentBook, st: PlanState, policy: CoveragePolicy): AssignmentWarning[] {
  const outlets = new Map<number, PolicyOutletState>();
  const involved = new Set<number>();
  const state = (unit: number): PolicyOutletState => {
    let o = outlets.get(unit);
    if (o === undefined) {
      o = { orgUnitId: unit, vipClients: 0, vipFullTime: 0, vipUnassigned: 0, vipFormerManager: 0, fullTimeManagers: 0 };
      outlets.set(unit, o);
    }
    return o;
  };
  let hint = 0;
  for (const c of book.clients) {
    const i = indexOf(st.clientIds, c.id, hint);
    hint = i + 1;
    if (i < 0 || c.orgUnitId === null) continue;
    if (st.cSelected[i] !== 0) involved.add(c.orgUnitId);
    if (st.cVip[i] === 0) continue;
    const o = state(c.orgUnitId);
    o.vipClients++;
    const m = st.cCur[i] as number;
    const row = m >= 0 && m < st.realManagers ? st.managerRows[m] : null;
    if (m < 0) o.vipUnassigned++;
    else if (row === null || row === undefined || !IN_POST.has(row.status)) o.vipFormerManager++;
    else if (row.type === 'full_time') o.vipFullTime++;
  }
  const seen = new Set<number>();
  for (const m of book.managers) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    if (m.type === 'full_time' && IN_POST.has(m.status)) state(m.orgUnitId).fullTimeManagers++;
  }
  const judged = [...involved].sort((a, b) => a - b).map(state);
  return policyWarnings({ outlets: judged, managers: [] }, policy).flatMap((f): AssignmentWarning[] =>
    f.kind === 'needs_full_time' || f.kind === 'low_coverage' ? [{ kind: f.kind, poolId: f.orgUnitId, managerId: null, clients: f.clients, message: f.message }] : [],
  );
}
