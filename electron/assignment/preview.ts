import { TIER_LABELS } from '../../shared/book/labels.js';
import type {
  AssignmentMove,
  AssignmentPreview,
  AssignmentRules,
  AssignmentWarning,
  ManagerPreview,
  UnplacedClient,
  UnplacedReason,
} from '../../shared/assignment/rules.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import type { Band } from './balance.js';
import type { PlanState } from './plan-state.js';

function poolName(key: number | null): LocalizedText {
  return key === null ? { zh: '全辖', en: 'the whole scope' } : { zh: `网点 #${key}`, en: `outlet #${key}` };
}

function unplacedMessage(reason: UnplacedReason, n: number, pool: LocalizedText, rules: AssignmentRules): LocalizedText {
  const tier = TIER_LABELS[rules.eligible.vipFullTimeMinTier];
  switch (reason) {
    case 'no_outlet':
      return { zh: `${n} 名客户没有所属网点，无法按网点分配`, en: `${n} clients have no outlet and cannot be assigned within their outlet` };
    case 'no_eligible_manager':
      return { zh: `${pool.zh}没有可接收客户的客户经理：${n} 名客户未能分配`, en: `No eligible manager in ${pool.en}: ${n} clients left unassigned` };
    case 'no_full_time_manager':
      return {
        zh: `${pool.zh}没有可接收客户的专职客户经理：${n} 名${tier.zh}及以上客户未能分配`,
        en: `No eligible full-time manager in ${pool.en}: ${n} ${tier.en}-and-above clients left unassigned`,
      };
    case 'capacity':
      return { zh: `${pool.zh}管户上限不足：${n} 名客户未能分配`, en: `Not enough capacity in ${pool.en}: ${n} clients left unassigned` };
  }
}

/** Per-manager figures before and after, pool bands, warnings and the feasibility verdict. */
export function buildPreview(
  st: PlanState,
  rules: AssignmentRules,
  bands: Band[],
  moves: AssignmentMove[],
  unplaced: Array<UnplacedClient & { pool: number }>,
): AssignmentPreview {
  const k = st.managerIds.length;
  const before = { cnt: new Int32Array(k), aum: new Float64Array(k), vip: new Int32Array(k) };
  // Pools with at least one selected client are the ones the plan is judged on; the rest are shown as they are.
  const activePool = new Uint8Array(st.poolKeys.length);
  const involved = new Uint8Array(k);
  let selected = 0;
  for (let i = 0; i < st.cOrig.length; i++) {
    const h = st.cOrig[i] as number;
    if (h >= 0) {
      before.cnt[h] = (before.cnt[h] as number) + 1;
      before.aum[h] = (before.aum[h] as number) + (st.cAum[i] as number);
      before.vip[h] = (before.vip[h] as number) + (st.cVip[i] as number);
    }
    if (st.cSelected[i] === 0) continue;
    selected++;
    if (h >= 0) involved[h] = 1;
    const p = st.cPool[i] as number;
    if (p >= 0) activePool[p] = 1;
  }
  const tol = rules.objective.tolerancePct;
  const warnings: AssignmentWarning[] = [];
  const managers: ManagerPreview[] = [];
  const outOfBand = new Int32Array(st.poolKeys.length);
  let infeasibleCapacity = false;
  for (let m = 0; m < k; m++) {
    if (st.mShown[m] === 0) continue;
    const p = st.mPool[m] as number;
    if (p >= 0 && activePool[p] === 1) involved[m] = 1;
    const real = m < st.realManagers;
    const cnt = st.cnt[m] as number;
    const aum = st.aum[m] as number;
    const vip = st.vip[m] as number;
    const maxC = st.mMaxClients[m] as number;
    const maxV = st.mMaxVip[m] as number;
    const overCapacity = real && (cnt > maxC || vip > maxV);
    const band = p >= 0 ? bands[p] : undefined;
    const within = band !== undefined && cnt >= band.clientsMin && cnt <= band.clientsMax && aum >= band.aumFenMin && aum <= band.aumFenMax;
    if (band !== undefined && !within && activePool[p] === 1) outOfBand[p] = (outOfBand[p] as number) + 1;
    const id = st.managerIds[m] as number;
    if (overCapacity) {
      if (involved[m] === 1) infeasibleCapacity = true;
      warnings.push({
        kind: 'over_capacity',
        poolId: p >= 0 ? (st.poolKeys[p] ?? null) : null,
        managerId: id,
        clients: Math.max(0, cnt - maxC),
        message: {
          zh: `客户经理 #${id} 超出管户上限：客户 ${cnt}/${maxC}，中高端客户 ${vip}/${maxV}`,
          en: `Manager #${id} is over capacity: ${cnt}/${maxC} clients, ${vip}/${maxV} VIP clients`,
        },
      });
    }
    managers.push({
      managerId: id,
      poolId: p >= 0 ? (st.poolKeys[p] ?? null) : null,
      eligible: st.mEligible[m] === 1,
      clientsBefore: before.cnt[m] as number,
      clientsAfter: cnt,
      aumFenBefore: before.aum[m] as number,
      aumFenAfter: aum,
      vipBefore: before.vip[m] as number,
      vipAfter: vip,
      capacity: { maxClients: maxC, maxVipClients: maxV },
      overCapacity,
      withinTolerance: within,
    });
  }
  managers.sort((a, b) => a.managerId - b.managerId);

  const groups = new Map<string, { reason: UnplacedReason; pool: number; n: number }>();
  for (const u of unplaced) {
    const key = `${u.reason}:${u.pool}`;
    const g = groups.get(key) ?? { reason: u.reason, pool: u.pool, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  const unplacedWarnings: AssignmentWarning[] = [...groups.values()].map((g) => {
    const key = g.pool >= 0 ? (st.poolKeys[g.pool] ?? null) : null;
    return { kind: g.reason, poolId: key, managerId: null, clients: g.n, message: unplacedMessage(g.reason, g.n, poolName(key), rules) };
  });
  const toleranceWarnings: AssignmentWarning[] = [];
  for (let p = 0; p < st.poolKeys.length; p++) {
    const n = outOfBand[p] as number;
    if (n === 0) continue;
    const name = poolName(st.poolKeys[p] ?? null);
    toleranceWarnings.push({
      kind: 'tolerance_unreached',
      poolId: st.poolKeys[p] ?? null,
      managerId: null,
      clients: 0,
      message: {
        zh: `${name.zh}有 ${n} 名客户经理的客户数或金融资产未能落在均值 ±${tol}% 以内`,
        en: `In ${name.en}, ${n} managers' client count or AUM could not be brought within ±${tol}% of the mean`,
      },
    });
  }
  const all = [...unplacedWarnings, ...warnings, ...toleranceWarnings];
  const feasible = unplaced.length === 0 && !infeasibleCapacity && toleranceWarnings.length === 0;
  return {
    asOf: rules.asOf,
    selected,
    managers,
    pools: st.poolKeys.map((key, p) => {
      const b = bands[p] as Band;
      return {
        poolId: key,
        managers: (st.poolAll[p] as number[]).length,
        clients: b.clients,
        aumFen: b.aumFen,
        clientsMin: b.clientsMin,
        clientsMax: b.clientsMax,
        aumFenMin: b.aumFenMin,
        aumFenMax: b.aumFenMax,
      };
    }),
    moves,
    unplaced: unplaced.map(({ clientId, managerId, reason }) => ({ clientId, managerId, reason })),
    warnings: all,
    feasible,
    reason: feasible ? null : ((unplacedWarnings[0] ?? warnings.find((w) => w.kind === 'over_capacity' && w.managerId !== null) ?? toleranceWarnings[0])?.message ?? null),
  };
}
