import type { PoolPreview } from '../../shared/assignment/rules.js';
import type { PlanState } from './plan-state.js';
import { hasRoom, moveLoad } from './plan-state.js';

/** A pool's tolerance band: inclusive bounds on client count and AUM (fen) around the mean of its eligible managers. */
export type Band = Omit<PoolPreview, 'poolId' | 'managers'>;

/**
 * Bounds from integer sums with BigInt, so no float ever touches an amount of money; counts and amounts are rounded
 * outwards, because an integer load can only land on a band whose ends are reachable.
 */
export function bandOf(clients: number, aumFen: number, managers: number, tolerancePct: number): Band {
  const bp = BigInt(Math.round(tolerancePct * 100));
  const div = 10000n * BigInt(managers);
  const floor = (total: number, f: bigint): number => Number((BigInt(total) * f) / div);
  const ceil = (total: number, f: bigint): number => Number((BigInt(total) * f + div - 1n) / div);
  return {
    clients,
    aumFen,
    clientsMin: floor(clients, 10000n - bp),
    clientsMax: ceil(clients, 10000n + bp),
    aumFenMin: floor(aumFen, 10000n - bp),
    aumFenMax: ceil(aumFen, 10000n + bp),
  };
}

export function poolBand(st: PlanState, pool: number, tolerancePct: number): Band {
  const members = st.poolAll[pool] as number[];
  let c = 0;
  let a = 0;
  for (const m of members) {
    c += st.cnt[m] as number;
    a += st.aum[m] as number;
  }
  return bandOf(c, a, members.length, tolerancePct);
}

/** Distance outside the band, each dimension relative to its mean, so one client and one yuan weigh comparably. */
function violation(b: Band, nC: number, nA: number, count: number, aum: number): number {
  const dc = count > b.clientsMax ? count - b.clientsMax : count < b.clientsMin ? b.clientsMin - count : 0;
  const da = aum > b.aumFenMax ? aum - b.aumFenMax : aum < b.aumFenMin ? b.aumFenMin - aum : 0;
  return dc / nC + da / nA;
}

/** A manager's movable clients in four groups (VIP × needs 专职), each sorted by AUM then position (= id order). */
type Groups = [number[], number[], number[], number[]];

function lowerBound(list: number[], aum: Float64Array, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((aum[list[mid] as number] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: number[], aum: Float64Array, i: number): void {
  const x = aum[i] as number;
  let at = lowerBound(list, aum, x);
  while (at < list.length && (aum[list[at] as number] as number) === x && (list[at] as number) < i) at++;
  list.splice(at, 0, i);
}

const EPS = 1e-12;

/**
 * The improvement pass for one pool: while some manager is outside the band, find the single move of a selected
 * client between two eligible managers of the pool that most reduces the total distance outside the band (capacity,
 * VIP capacity and the 专职 rule respected), and apply it. Each move strictly reduces that distance, so the loop
 * ends; it stops early when no move improves. Only violators are examined, and per manager pair only a few clients
 * (those whose AUM is nearest the amount that would fix the pair), which keeps a move at O(managers · log clients).
 */
export function balancePool(st: PlanState, pool: number, band: Band): void {
  const members = st.poolAll[pool] as number[];
  if (members.length < 2) return;
  const nC = Math.max(1, band.clients / members.length);
  const nA = Math.max(1, band.aumFen / members.length);
  const groups = new Map<number, Groups>();
  for (const m of members) groups.set(m, [[], [], [], []]);
  // Client positions ascend, so pushing then a stable sort by AUM gives AUM-then-id order.
  for (let i = 0; i < st.cCur.length; i++) {
    const m = st.cCur[i] as number;
    if (st.cSelected[i] !== 1 || m < 0 || st.mPool[m] !== pool) continue;
    (groups.get(m) as Groups)[(st.cVip[i] as number) + 2 * (st.cNeedFullTime[i] as number)]?.push(i);
  }
  for (const g of groups.values()) for (const list of g) list.sort((x, y) => (st.cAum[x] as number) - (st.cAum[y] as number) || x - y);

  const v = (m: number, dc: number, da: number): number => violation(band, nC, nA, (st.cnt[m] as number) + dc, (st.aum[m] as number) + da);
  let best = { gain: -EPS, client: -1, from: -1, to: -1 };
  const consider = (a: number, b: number): void => {
    const before = v(a, 0, 0) + v(b, 0, 0);
    const aAum = st.aum[a] as number;
    const bAum = st.aum[b] as number;
    const need = Math.max(0, aAum - band.aumFenMax, band.aumFenMin - bAum);
    const keep = Math.min(aAum - band.aumFenMin, band.aumFenMax - bAum);
    const targets = keep > need ? [need, (need + keep) / 2] : [need];
    const g = groups.get(a) as Groups;
    for (let gi = 0; gi < 4; gi++) {
      const list = g[gi] as number[];
      if (list.length === 0) continue;
      if (gi >= 2 && st.mFullTime[b] === 0) continue;
      if (!hasRoom(st, list[0] as number, b)) continue;
      const tryAt = (pos: number): void => {
        if (pos < 0 || pos >= list.length) return;
        const i = list[pos] as number;
        const x = st.cAum[i] as number;
        const gain = v(a, -1, -x) + v(b, 1, x) - before;
        // Strictly better only: the evaluation order is fixed, so ties resolve the same way on every run.
        if (gain < best.gain - EPS) best = { gain, client: i, from: a, to: b };
      };
      tryAt(0);
      for (const t of targets) {
        const pos = lowerBound(list, st.cAum, t);
        tryAt(pos - 1);
        tryAt(pos);
      }
    }
  };

  const limit = 4 * st.cCur.length + 1000;
  for (let iter = 0; iter < limit; iter++) {
    const violators = members
      .map((m) => ({ m, d: v(m, 0, 0) }))
      .filter((x) => x.d > 0)
      .sort((x, y) => y.d - x.d || (st.managerIds[x.m] as number) - (st.managerIds[y.m] as number));
    if (violators.length === 0) return;
    let moved = false;
    for (const { m: u } of violators) {
      best = { gain: -EPS, client: -1, from: -1, to: -1 };
      const count = st.cnt[u] as number;
      const aum = st.aum[u] as number;
      const excess = count > band.clientsMax || aum > band.aumFenMax;
      const deficit = count < band.clientsMin || aum < band.aumFenMin;
      for (const o of members) {
        if (o === u) continue;
        if (excess) consider(u, o);
        if (deficit) consider(o, u);
      }
      if (best.client < 0) continue;
      const { client, from, to } = best;
      const fromGroups = groups.get(from) as Groups;
      const gi = (st.cVip[client] as number) + 2 * (st.cNeedFullTime[client] as number);
      const list = fromGroups[gi] as number[];
      list.splice(list.indexOf(client), 1);
      insertSorted((groups.get(to) as Groups)[gi] as number[], st.cAum, client);
      moveLoad(st, client, from, to);
      moved = true;
      break;
    }
    if (!moved) return;
  }
}
