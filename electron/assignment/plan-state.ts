import { CLIENT_TIERS } from '../../shared/model/client.js';
import { VIP_MIN_TIER, tierRank } from '../../shared/assignment/rules.js';
import type { AssignmentBook, AssignmentRules, BookManager, BookOrgUnit } from '../../shared/assignment/rules.js';

/**
 * The book turned into flat arrays indexed by position (clients and managers sorted by id), so the planner's inner
 * loops touch typed arrays only and the result does not depend on the order the caller listed things in.
 * AUM stays integer fen in Float64Array slots: sums below 2^53 are exact.
 */
export interface PlanState {
  /** Managers: real ones (sorted by id) first, then holders the book does not list (no roster period in force). */
  managerIds: number[];
  realManagers: number;
  managerRows: Array<BookManager | null>;
  mEligible: Uint8Array;
  mFullTime: Uint8Array;
  /** Pool index, or -1 when the manager cannot receive clients. */
  mPool: Int32Array;
  mMaxClients: Float64Array;
  mMaxVip: Float64Array;
  /** Whether the manager belongs in the preview (in scope, or holding an in-scope client). */
  mShown: Uint8Array;
  cnt: Int32Array;
  vip: Int32Array;
  /** Seats held for released clients that may return to this holder (only when not keeping existing holders). */
  resClients: Int32Array;
  resVip: Int32Array;
  aum: Float64Array;

  clientIds: Int32Array | number[];
  cAum: Float64Array;
  cVip: Uint8Array;
  cNeedFullTime: Uint8Array;
  /** 0 = not selected, 1 = selected, 2 = selected but pinned to its holder (nobody acceptable could take it). */
  cSelected: Uint8Array;
  /** Pool index, -1 = no outlet, -2 = nobody eligible in the outlet. */
  cPool: Int32Array;
  cOrig: Int32Array;
  cCur: Int32Array;
  cReserved: Uint8Array;

  /** Pool keys: an outlet id, or null for one branch-wide pool. */
  poolKeys: Array<number | null>;
  /** Eligible managers per pool, by id; and the full-time ones. */
  poolAll: number[][];
  poolFull: number[][];
}

function subtree(units: readonly BookOrgUnit[], roots: readonly number[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return out;
}

function byId<T extends { id: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.id - b.id);
}

export function buildPlanState(book: AssignmentBook, rules: AssignmentRules): PlanState {
  const scope = rules.scope.orgUnitIds === undefined ? null : subtree(book.orgUnits, rules.scope.orgUnitIds);
  const inScope = (unit: number | null): boolean => scope === null || (unit !== null && scope.has(unit));
  const sel = rules.select;
  const selUnits = sel.orgUnitIds === undefined ? null : subtree(book.orgUnits, sel.orgUnitIds);
  const tiers = sel.tiers === undefined ? null : new Set<string>(sel.tiers);
  const segments = sel.segments === undefined ? null : new Set(sel.segments);
  const stages = sel.stages === undefined ? null : new Set<string>(sel.stages);
  const products = sel.productTypes === undefined ? null : new Set<string>(sel.productTypes);
  const statuses = new Set<string>(rules.eligible.statuses);
  const holders = sel.managerIds === undefined ? null : new Set(sel.managerIds);
  const receivers = rules.eligible.managerIds === undefined ? null : new Set(rules.eligible.managerIds);

  const managers = byId(book.managers);
  const clients = byId(book.clients);
  const index = new Map<number, number>();
  const managerIds: number[] = [];
  const managerRows: Array<BookManager | null> = [];
  for (const m of managers) {
    if (index.has(m.id)) continue;
    index.set(m.id, managerIds.length);
    managerIds.push(m.id);
    managerRows.push(m);
  }
  const realManagers = managerIds.length;
  // Holders without a roster period on the date still hold clients: they appear, but can never receive any.
  for (const c of clients) {
    if (c.primaryManagerId !== null && !index.has(c.primaryManagerId)) {
      index.set(c.primaryManagerId, managerIds.length);
      managerIds.push(c.primaryManagerId);
      managerRows.push(null);
    }
  }
  const k = managerIds.length;
  const st: PlanState = {
    managerIds,
    realManagers,
    managerRows,
    mEligible: new Uint8Array(k),
    mFullTime: new Uint8Array(k),
    mPool: new Int32Array(k).fill(-1),
    mMaxClients: new Float64Array(k),
    mMaxVip: new Float64Array(k),
    mShown: new Uint8Array(k),
    cnt: new Int32Array(k),
    vip: new Int32Array(k),
    resClients: new Int32Array(k),
    resVip: new Int32Array(k),
    aum: new Float64Array(k),
    clientIds: clients.map((c) => c.id),
    cAum: new Float64Array(clients.length),
    cVip: new Uint8Array(clients.length),
    cNeedFullTime: new Uint8Array(clients.length),
    cSelected: new Uint8Array(clients.length),
    cPool: new Int32Array(clients.length),
    cOrig: new Int32Array(clients.length),
    cCur: new Int32Array(clients.length),
    cReserved: new Uint8Array(clients.length),
    poolKeys: [],
    poolAll: [],
    poolFull: [],
  };
  const poolIndex = new Map<number | null, number>();
  const poolOf = (unit: number): number | null => (rules.eligible.sameOutletOnly ? unit : null);
  for (let m = 0; m < realManagers; m++) {
    const row = managerRows[m] as BookManager;
    st.mMaxClients[m] = row.maxClients;
    st.mMaxVip[m] = row.maxVipClients;
    st.mFullTime[m] = row.type === 'full_time' ? 1 : 0;
    if (!inScope(row.orgUnitId)) continue;
    st.mShown[m] = 1;
    if (!statuses.has(row.status) || (receivers !== null && !receivers.has(row.id))) continue;
    st.mEligible[m] = 1;
    const key = poolOf(row.orgUnitId);
    let p = poolIndex.get(key);
    if (p === undefined) {
      p = st.poolKeys.length;
      poolIndex.set(key, p);
      st.poolKeys.push(key);
      st.poolAll.push([]);
      st.poolFull.push([]);
    }
    st.mPool[m] = p;
    (st.poolAll[p] as number[]).push(m);
    if (st.mFullTime[m] === 1) (st.poolFull[p] as number[]).push(m);
  }

  const vipRank = tierRank(VIP_MIN_TIER);
  const ftRank = rules.eligible.vipFullTimeOnly ? tierRank(rules.eligible.vipFullTimeMinTier) : CLIENT_TIERS.length;
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i] as (typeof clients)[number];
    const rank = tierRank(c.tier);
    const holder = c.primaryManagerId === null ? -1 : (index.get(c.primaryManagerId) as number);
    st.cAum[i] = c.aumFen;
    st.cVip[i] = rank >= vipRank ? 1 : 0;
    st.cNeedFullTime[i] = rank >= ftRank ? 1 : 0;
    st.cOrig[i] = holder;
    st.cCur[i] = holder;
    if (holder >= 0) {
      st.cnt[holder] = (st.cnt[holder] as number) + 1;
      st.aum[holder] = (st.aum[holder] as number) + c.aumFen;
      st.vip[holder] = (st.vip[holder] as number) + (st.cVip[i] as number);
    }
    if (!inScope(c.orgUnitId)) {
      st.cPool[i] = -2;
      continue;
    }
    if (holder >= 0) st.mShown[holder] = 1;
    const selected =
      (tiers === null || tiers.has(c.tier)) &&
      (segments === null || (c.segment !== null && segments.has(c.segment))) &&
      (stages === null || (c.stage !== null && stages.has(c.stage))) &&
      (selUnits === null || (c.orgUnitId !== null && selUnits.has(c.orgUnitId))) &&
      (products === null || c.productTypes.some((p) => products.has(p))) &&
      (!sel.onlyUnassigned || c.primaryManagerId === null) &&
      (holders === null || (c.primaryManagerId !== null && holders.has(c.primaryManagerId)));
    st.cSelected[i] = selected ? 1 : 0;
    if (c.orgUnitId === null && rules.eligible.sameOutletOnly) st.cPool[i] = -1;
    else st.cPool[i] = poolIndex.get(poolOf(c.orgUnitId ?? 0)) ?? -2;
  }
  return st;
}

/** May manager `m` hold client `i` under the rules (status, pool, 专职 policy)? Capacity is checked separately. */
export function acceptable(st: PlanState, i: number, m: number): boolean {
  return m >= 0 && st.mEligible[m] === 1 && st.mPool[m] === st.cPool[i] && (st.cNeedFullTime[i] === 0 || st.mFullTime[m] === 1);
}

/** Has manager `m` room for client `i` (count and, for VIPs, VIP capacity)? */
export function hasRoom(st: PlanState, i: number, m: number): boolean {
  // Seats reserved for a holder's own released clients count as taken (a client frees its own seat before it is placed).
  return (
    (st.cnt[m] as number) + (st.resClients[m] as number) < (st.mMaxClients[m] as number) &&
    (st.cVip[i] === 0 || (st.vip[m] as number) + (st.resVip[m] as number) < (st.mMaxVip[m] as number))
  );
}

export function moveLoad(st: PlanState, i: number, from: number, to: number): void {
  const a = st.cAum[i] as number;
  const v = st.cVip[i] as number;
  if (from >= 0) {
    st.cnt[from] = (st.cnt[from] as number) - 1;
    st.aum[from] = (st.aum[from] as number) - a;
    st.vip[from] = (st.vip[from] as number) - v;
  }
  if (to >= 0) {
    st.cnt[to] = (st.cnt[to] as number) + 1;
    st.aum[to] = (st.aum[to] as number) + a;
    st.vip[to] = (st.vip[to] as number) + v;
  }
  st.cCur[i] = to;
}
