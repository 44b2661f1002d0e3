import type {
  AssignmentBook,
  AssignmentMove,
  AssignmentPreview,
  AssignmentRules,
  UnplacedClient,
  UnplacedReason,
} from '../../shared/assignment/rules.js';
import type { Band } from './balance.js';
import { balancePool, poolBand } from './balance.js';
import type { PlanState } from './plan-state.js';
import { acceptable, buildPlanState, hasRoom, moveLoad } from './plan-state.js';
import { planPolicyWarnings } from './policy-preview.js';
import { buildPreview } from './preview.js';

/**
 * Rule-based assignment (规则分配), a pure function of the book and the rules (docs/assignment.md):
 * 1. selected clients whose holder is acceptable stay (keepExisting), unless the holder is over capacity, in which
 *    case the smallest ones leave until it is not; every other selected client is to be placed;
 * 2. clients to place go, largest AUM first, to the acceptable manager with room and the lowest load relative to
 *    the pool's expected mean (AUM share + count share; ties to the lower manager id);
 * 3. per pool, an improvement pass moves single clients from over-band to under-band managers (balance.ts).
 * A client nobody acceptable can take stays where it is and is reported as unplaced.
 */
export function planAssignment(book: AssignmentBook, rules: AssignmentRules): AssignmentPreview {
  const st = buildPlanState(book, rules);
  const unplaced: Array<UnplacedClient & { pool: number }> = [];
  const { toPlace, kept } = releaseClients(st, rules.objective.keepExisting);
  placeGreedily(st, toPlace, rules.objective.keepExisting, kept, unplaced);
  const bands: Band[] = [];
  for (let p = 0; p < st.poolKeys.length; p++) {
    const band = poolBand(st, p, rules.objective.tolerancePct);
    bands.push(band);
    balancePool(st, p, band);
  }
  const moves: AssignmentMove[] = [];
  for (let i = 0; i < st.cCur.length; i++) {
    const from = st.cOrig[i] as number;
    const to = st.cCur[i] as number;
    if (from === to || to < 0) continue;
    moves.push({ clientId: st.clientIds[i] as number, fromManagerId: from < 0 ? null : (st.managerIds[from] as number), toManagerId: st.managerIds[to] as number });
  }
  const preview = buildPreview(st, rules, bands, moves, unplaced);
  // The coverage policy is advisory here: it adds warnings but leaves `feasible` to the plan's own constraints.
  if (book.coveragePolicy !== undefined) preview.warnings.push(...planPolicyWarnings(book, st, book.coveragePolicy));
  return preview;
}

interface Targets {
  clients: Float64Array;
  aumFen: Float64Array;
}

/** Step 1: take out of their holder's load every selected client that has to be (re)placed. */
function releaseClients(st: PlanState, keepExisting: boolean): { toPlace: number[]; kept: Map<number, number[]> } {
  const toPlace: number[] = [];
  const kept = new Map<number, number[]>();
  for (let i = 0; i < st.cCur.length; i++) {
    if (st.cSelected[i] === 0) continue;
    const holder = st.cOrig[i] as number;
    if (keepExisting && acceptable(st, i, holder)) {
      const list = kept.get(holder) ?? [];
      list.push(i);
      kept.set(holder, list);
      continue;
    }
    moveLoad(st, i, holder, -1);
    toPlace.push(i);
    // A released client may still end with its holder (placed back, or nobody else can take it): its seat stays
    // reserved until it is placed, so newcomers never take it and nobody ends over capacity by keeping a client.
    if (holder >= 0) {
      st.cReserved[i] = 1;
      st.resClients[holder] = (st.resClients[holder] as number) + 1;
      st.resVip[holder] = (st.resVip[holder] as number) + (st.cVip[i] as number);
    }
  }
  return { toPlace, kept };
}

/** Expected means per pool (current load + everything still to place), used only to weigh count against AUM. */
function expectedMeans(st: PlanState, toPlace: number[]): Targets {
  const clients = new Float64Array(st.poolKeys.length);
  const aumFen = new Float64Array(st.poolKeys.length);
  for (let p = 0; p < st.poolKeys.length; p++) {
    const members = st.poolAll[p] as number[];
    let c = 0;
    let a = 0;
    for (const m of members) {
      c += st.cnt[m] as number;
      a += st.aum[m] as number;
    }
    clients[p] = c;
    aumFen[p] = a;
  }
  for (const i of toPlace) {
    const p = st.cPool[i] as number;
    if (p < 0) continue;
    clients[p] = (clients[p] as number) + 1;
    aumFen[p] = (aumFen[p] as number) + (st.cAum[i] as number);
  }
  for (let p = 0; p < st.poolKeys.length; p++) {
    const n = (st.poolAll[p] as number[]).length;
    clients[p] = Math.max(1, (clients[p] as number) / n);
    aumFen[p] = Math.max(1, (aumFen[p] as number) / n);
  }
  return { clients, aumFen };
}

/** The acceptable manager with room and the lowest relative load (ties to the lower id), or -1. */
function pickManager(st: PlanState, t: Targets, i: number, exclude: number): number {
  const p = st.cPool[i] as number;
  const candidates = (st.cNeedFullTime[i] === 1 ? st.poolFull[p] : st.poolAll[p]) as number[];
  const tc = t.clients[p] as number;
  const ta = t.aumFen[p] as number;
  let best = -1;
  let bestScore = Infinity;
  for (const m of candidates) {
    if (m === exclude || !hasRoom(st, i, m)) continue;
    const score = (st.cnt[m] as number) / tc + (st.aum[m] as number) / ta;
    if (score < bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}

/**
 * A holder over capacity hands on its smallest clients (the cheapest relationships to move) to colleagues with
 * room: VIPs first while over the VIP cap, then others while over the client cap. Done before anything else is
 * placed, so no one receives a client while over capacity; what nobody can take stays, flagged as over capacity.
 */
function relieveOverCapacity(st: PlanState, t: Targets, kept: Map<number, number[]>): void {
  for (const m of [...kept.keys()].sort((a, b) => a - b)) {
    if ((st.cnt[m] as number) <= (st.mMaxClients[m] as number) && (st.vip[m] as number) <= (st.mMaxVip[m] as number)) continue;
    const order = [...(kept.get(m) as number[])].sort((x, y) => (st.cAum[x] as number) - (st.cAum[y] as number) || x - y);
    const handOn = (i: number): void => {
      const to = pickManager(st, t, i, m);
      if (to >= 0) moveLoad(st, i, m, to);
    };
    for (const i of order) {
      if ((st.vip[m] as number) <= (st.mMaxVip[m] as number)) break;
      if (st.cVip[i] === 1) handOn(i);
    }
    for (const vip of [0, 1]) {
      for (const i of order) {
        if ((st.cnt[m] as number) <= (st.mMaxClients[m] as number)) break;
        if (st.cCur[i] === m && st.cVip[i] === vip) handOn(i);
      }
    }
  }
}

/** Step 2: largest AUM first to the least loaded acceptable manager with room. */
function placeGreedily(st: PlanState, toPlace: number[], keepExisting: boolean, kept: Map<number, number[]>, unplaced: Array<UnplacedClient & { pool: number }>): void {
  toPlace.sort((x, y) => (st.cAum[y] as number) - (st.cAum[x] as number) || x - y);
  const t = expectedMeans(st, toPlace);
  if (keepExisting) relieveOverCapacity(st, t, kept);
  for (const i of toPlace) {
    const p = st.cPool[i] as number;
    if (st.cReserved[i] === 1) {
      const h = st.cOrig[i] as number;
      st.cReserved[i] = 0;
      st.resClients[h] = (st.resClients[h] as number) - 1;
      st.resVip[h] = (st.resVip[h] as number) - (st.cVip[i] as number);
    }
    const unplace = (reason: UnplacedReason): void => {
      const holder = st.cOrig[i] as number;
      moveLoad(st, i, -1, holder);
      // Pinned: the balancing pass must not move it, or it would be both placed and reported unplaced.
      st.cSelected[i] = 2;
      unplaced.push({ clientId: st.clientIds[i] as number, managerId: holder < 0 ? null : (st.managerIds[holder] as number), reason, pool: p });
    };
    if (p < 0) {
      unplace(p === -1 ? 'no_outlet' : 'no_eligible_manager');
      continue;
    }
    if (st.cNeedFullTime[i] === 1 && (st.poolFull[p] as number[]).length === 0) {
      unplace('no_full_time_manager');
      continue;
    }
    const best = pickManager(st, t, i, -1);
    if (best < 0) unplace('capacity');
    else moveLoad(st, i, -1, best);
  }
}
