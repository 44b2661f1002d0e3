import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssignmentRules } from '../../shared/assignment/rules.js';
import type { AssignmentBook, AssignmentPreview, AssignmentRules, BookClient, BookManager } from '../../shared/assignment/rules.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import { planAssignment } from '../../electron/assignment/rules-engine.js';

const OUTLETS = [11, 12, 13];
const ORG = [{ id: 1, parentId: null }, ...OUTLETS.map((id) => ({ id, parentId: 1 }))];
const rank = (t: BookClient['tier']): number => CLIENT_TIERS.indexOf(t);

const managerArb = (id: number): fc.Arbitrary<BookManager> =>
  fc.record({
    id: fc.constant(id),
    orgUnitId: fc.constantFrom(...OUTLETS),
    type: fc.constantFrom('full_time' as const, 'part_time' as const),
    status: fc.constantFrom('active' as const, 'active' as const, 'leave' as const, 'transferred' as const, 'departed' as const),
    grade: fc.constant('standard'),
    maxClients: fc.integer({ min: 0, max: 20 }),
    maxVipClients: fc.integer({ min: 0, max: 8 }),
  });

const bookArb: fc.Arbitrary<AssignmentBook> = fc.integer({ min: 1, max: 7 }).chain((nm) =>
  fc
    .tuple(
      fc.tuple(...Array.from({ length: nm }, (_, k) => managerArb(k + 1))),
      fc.array(
        fc.record({
          orgUnitId: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...OUTLETS) }, { weight: 1, arbitrary: fc.constant(null) }),
          tier: fc.constantFrom(...CLIENT_TIERS),
          aumFen: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 })),
          // 99 holds clients without a roster period in force on the date.
          primaryManagerId: fc.option(fc.constantFrom(...Array.from({ length: nm }, (_, k) => k + 1), 99), { nil: null }),
        }),
        { maxLength: 60 },
      ),
    )
    .map(([managers, rows]) => ({
      managers,
      orgUnits: ORG,
      clients: rows.map((r, k) => ({ id: k + 1, segment: null, stage: null, productTypes: [], ...r })),
    })),
);

const rulesArb: fc.Arbitrary<AssignmentRules> = fc
  .record({
    statuses: fc.constantFrom<Array<'active' | 'leave'>>(['active'], ['active', 'leave']),
    sameOutletOnly: fc.boolean(),
    vipFullTimeOnly: fc.boolean(),
    vipFullTimeMinTier: fc.constantFrom(...CLIENT_TIERS),
    tolerancePct: fc.integer({ min: 0, max: 60 }),
    keepExisting: fc.boolean(),
    tiers: fc.option(fc.subarray([...CLIENT_TIERS], { minLength: 1 }), { nil: undefined }),
    onlyUnassigned: fc.boolean(),
  })
  .map((r) =>
    parseAssignmentRules({
      asOf: '2026-10-31',
      select: { ...(r.tiers === undefined ? {} : { tiers: r.tiers }), onlyUnassigned: r.onlyUnassigned },
      eligible: { statuses: r.statuses, sameOutletOnly: r.sameOutletOnly, vipFullTimeOnly: r.vipFullTimeOnly, vipFullTimeMinTier: r.vipFullTimeMinTier },
      objective: { tolerancePct: r.tolerancePct, keepExisting: r.keepExisting },
    }),
  );

/** Every hard constraint, recomputed from the book, the rules and the moves without the engine's code. */
function checkPlan(book: AssignmentBook, rules: AssignmentRules, p: AssignmentPreview): void {
  const managers = new Map(book.managers.map((m) => [m.id, m]));
  const byId = new Map(book.clients.map((c) => [c.id, c]));
  const needsFullTime = (c: BookClient): boolean => rules.eligible.vipFullTimeOnly && rank(c.tier) >= rank(rules.eligible.vipFullTimeMinTier);
  const ok = (c: BookClient, id: number | null): boolean => {
    const m = id === null ? undefined : managers.get(id);
    return (
      m !== undefined &&
      (rules.eligible.statuses as string[]).includes(m.status) &&
      (!rules.eligible.sameOutletOnly || m.orgUnitId === c.orgUnitId) &&
      (!needsFullTime(c) || m.type === 'full_time')
    );
  };
  const selected = new Set(
    book.clients
      .filter((c) => (rules.select.tiers === undefined || rules.select.tiers.includes(c.tier)) && (!rules.select.onlyUnassigned || c.primaryManagerId === null))
      .map((c) => c.id),
  );
  expect(p.selected).toBe(selected.size);
  const after = new Map(book.clients.map((c) => [c.id, c.primaryManagerId]));
  const moved = new Set<number>();
  for (const mv of p.moves) {
    const c = byId.get(mv.clientId) as BookClient;
    expect(moved.has(mv.clientId)).toBe(false);
    moved.add(mv.clientId);
    expect(selected.has(mv.clientId)).toBe(true);
    expect(mv.fromManagerId).toBe(c.primaryManagerId);
    expect(mv.toManagerId).not.toBe(c.primaryManagerId);
    expect(ok(c, mv.toManagerId)).toBe(true);
    after.set(mv.clientId, mv.toManagerId);
  }
  const unplaced = new Set(p.unplaced.map((u) => u.clientId));
  for (const id of unplaced) {
    expect(selected.has(id)).toBe(true);
    expect(moved.has(id)).toBe(false);
  }
  // Every selected client ends with an acceptable manager, or is reported.
  for (const id of selected) expect(ok(byId.get(id) as BookClient, after.get(id) ?? null) || unplaced.has(id)).toBe(true);

  const load = new Map<number, { n: number; vip: number; aum: number }>();
  for (const c of book.clients) {
    const h = after.get(c.id) ?? null;
    if (h === null) continue;
    const l = load.get(h) ?? { n: 0, vip: 0, aum: 0 };
    l.n++;
    l.aum += c.aumFen;
    if (rank(c.tier) >= rank('gold')) l.vip++;
    load.set(h, l);
  }
  for (const mp of p.managers) {
    const l = load.get(mp.managerId) ?? { n: 0, vip: 0, aum: 0 };
    expect([mp.clientsAfter, mp.vipAfter, mp.aumFenAfter]).toEqual([l.n, l.vip, l.aum]);
  }
  // A receiver is within its cap in every dimension it received in.
  for (const mv of p.moves) {
    const m = managers.get(mv.toManagerId) as BookManager;
    const l = load.get(m.id) as { n: number; vip: number };
    expect(l.n).toBeLessThanOrEqual(m.maxClients);
    if (rank((byId.get(mv.clientId) as BookClient).tier) >= rank('gold')) expect(l.vip).toBeLessThanOrEqual(m.maxVipClients);
  }
  if (!p.feasible) {
    expect(p.reason).not.toBeNull();
    return;
  }
  expect(p.unplaced).toEqual([]);
  // Feasible: nobody involved is over capacity, and each pool holding a selected client is within tolerance.
  const poolOf = (unit: number | null): number | null => (rules.eligible.sameOutletOnly ? unit : null);
  const involved = new Set<number>();
  const activePools = new Set<number | null>();
  for (const id of selected) {
    const c = byId.get(id) as BookClient;
    if (c.primaryManagerId !== null) involved.add(c.primaryManagerId);
    activePools.add(poolOf(c.orgUnitId));
  }
  const eligible = book.managers.filter((m) => (rules.eligible.statuses as string[]).includes(m.status));
  for (const m of eligible) if (activePools.has(poolOf(m.orgUnitId))) involved.add(m.id);
  for (const id of involved) {
    const m = managers.get(id);
    const l = load.get(id) ?? { n: 0, vip: 0, aum: 0 };
    if (m !== undefined) expect(l.n <= m.maxClients && l.vip <= m.maxVipClients).toBe(true);
  }
  const bp = BigInt(Math.round(rules.objective.tolerancePct * 100));
  for (const pool of activePools) {
    const members = eligible.filter((m) => poolOf(m.orgUnitId) === pool);
    if (members.length === 0) continue;
    const total = members.reduce((s, m) => ({ n: s.n + (load.get(m.id)?.n ?? 0), aum: s.aum + BigInt(load.get(m.id)?.aum ?? 0) }), { n: 0, aum: 0n });
    const k = BigInt(members.length);
    for (const m of members) {
      const l = load.get(m.id) ?? { n: 0, vip: 0, aum: 0 };
      // x within [floor(T(1−t)/k), ceil(T(1+t)/k)], compared in integers: k·10000·x against T·(10000 ± bp), widened by the rounding.
      const within = (x: bigint, t: bigint): boolean => k * 10000n * x > t * (10000n - bp) - k * 10000n && k * 10000n * x < t * (10000n + bp) + k * 10000n;
      expect(within(BigInt(l.n), BigInt(total.n)) && within(BigInt(l.aum), total.aum)).toBe(true);
    }
  }
}

describe('planAssignment on random books', () => {
  it('meets every hard constraint, touches only selected clients, and is within tolerance whenever feasible', () => {
    fc.assert(
      fc.property(bookArb, rulesArb, (book, rules) => {
        checkPlan(book, rules, planAssignment(book, rules));
      }),
      { numRuns: 400, seed: 20261122 },
    );
  });

  it('is deterministic whatever the order of the book', () => {
    fc.assert(
      fc.property(bookArb, rulesArb, (book, rules) => {
        const shuffled = { ...book, clients: [...book.clients].reverse(), managers: [...book.managers].reverse() };
        expect(planAssignment(shuffled, rules)).toEqual(planAssignment(book, rules));
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('finds a feasible plan when capacity is ample and clients are alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 4, max: 12 }), fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 80 }), (nm, perManager, holders) => {
        const managers = Array.from({ length: nm }, (_, k): BookManager => ({ id: k + 1, orgUnitId: 11, type: 'full_time', status: 'active', grade: 'standard', maxClients: 1000, maxVipClients: 1000 }));
        const count = nm * perManager;
        const clients = Array.from({ length: count }, (_, k): BookClient => {
          const h = holders[k % holders.length] as number;
          return { id: k + 1, orgUnitId: 11, tier: 'standard', segment: null, stage: null, aumFen: 1_000_000, productTypes: [], primaryManagerId: h === 0 || h > nm ? null : h };
        });
        const book = { clients, managers, orgUnits: ORG };
        const rules = parseAssignmentRules({ asOf: '2026-10-31', objective: { tolerancePct: 30 } });
        const p = planAssignment(book, rules);
        checkPlan(book, rules, p);
        expect(p.feasible).toBe(true);
      }),
      { numRuns: 150, seed: 3 },
    );
  });
});
