import { describe, expect, it } from 'vitest';
import { parseAssignmentRules } from '../../shared/assignment/rules.js';
import type { AssignmentBook, AssignmentRulesInput, BookClient, BookManager } from '../../shared/assignment/rules.js';
import { planAssignment } from '../../electron/assignment/rules-engine.js';

const OUTLET_A = 11;
const OUTLET_B = 12;
const ORG = [
  { id: 1, parentId: null },
  { id: OUTLET_A, parentId: 1 },
  { id: OUTLET_B, parentId: 1 },
];

function mgr(id: number, over: Partial<BookManager> = {}): BookManager {
  return { id, orgUnitId: OUTLET_A, type: 'full_time', status: 'active', grade: 'standard', maxClients: 100, maxVipClients: 20, ...over };
}

function cli(id: number, over: Partial<BookClient> = {}): BookClient {
  return { id, orgUnitId: OUTLET_A, tier: 'standard', segment: null, stage: null, aumFen: 1_000_000, productTypes: [], primaryManagerId: null, ...over };
}

function plan(clients: BookClient[], managers: BookManager[], rules: Partial<AssignmentRulesInput> = {}) {
  const book: AssignmentBook = { clients, managers, orgUnits: ORG };
  return planAssignment(book, parseAssignmentRules({ asOf: '2026-10-31', ...rules }));
}

const holderAfter = (p: ReturnType<typeof plan>, clients: BookClient[]): Map<number, number | null> => {
  const m = new Map(clients.map((c) => [c.id, c.primaryManagerId]));
  for (const mv of p.moves) m.set(mv.clientId, mv.toManagerId);
  return m;
};

describe('planAssignment', () => {
  it('fills capacity and reports the clients nobody can take, smallest last', () => {
    const clients = [1, 2, 3, 4, 5].map((id) => cli(id, { aumFen: id * 1_000_000 }));
    const p = plan(clients, [mgr(1, { maxClients: 2 }), mgr(2, { maxClients: 2 })]);
    expect(p.moves).toHaveLength(4);
    expect(p.unplaced).toEqual([{ clientId: 1, managerId: null, reason: 'capacity' }]);
    expect(p.feasible).toBe(false);
    expect(p.reason?.zh).toContain('管户上限不足');
    expect(p.managers.every((m) => m.clientsAfter <= 2 && !m.overCapacity)).toBe(true);
  });

  it('gives 白金 and above only to 专职 managers, gold may go to part-timers', () => {
    const clients = [cli(1, { tier: 'platinum' }), cli(2, { tier: 'private' }), cli(3, { tier: 'gold' }), cli(4, { tier: 'gold' })];
    const p = plan(clients, [mgr(1), mgr(2, { type: 'part_time' })]);
    const after = holderAfter(p, clients);
    expect(after.get(1)).toBe(1);
    expect(after.get(2)).toBe(1);
    expect([after.get(3), after.get(4)].sort()).toEqual([2, 2]);
    // With the minimum tier raised to 私行, a 白金 client may go to the part-timer.
    const q = plan(clients, [mgr(1), mgr(2, { type: 'part_time' })], { eligible: { vipFullTimeMinTier: 'private' } });
    expect(holderAfter(q, clients).get(2)).toBe(1);
  });

  it('reports VIP clients of an outlet without a 专职 manager instead of breaking the rule', () => {
    const clients = [cli(1, { tier: 'diamond' }), cli(2)];
    const p = plan(clients, [mgr(1, { type: 'part_time' })]);
    expect(p.unplaced).toEqual([{ clientId: 1, managerId: null, reason: 'no_full_time_manager' }]);
    expect(p.moves).toEqual([{ clientId: 2, fromManagerId: null, toManagerId: 1 }]);
    expect(p.feasible).toBe(false);
  });

  it('never chooses managers on leave, transferred or departed; leave only when asked', () => {
    const managers = [mgr(1), mgr(2, { status: 'leave' }), mgr(3, { status: 'departed' }), mgr(4, { status: 'transferred' })];
    const clients = [1, 2, 3, 4, 5, 6].map((id) => cli(id, { primaryManagerId: id <= 3 ? 3 : null }));
    const p = plan(clients, managers);
    expect(new Set(p.moves.map((m) => m.toManagerId))).toEqual(new Set([1]));
    expect(p.moves).toHaveLength(6);
    const q = plan(clients, managers, { eligible: { statuses: ['active', 'leave'] } });
    expect(new Set(q.moves.map((m) => m.toManagerId))).toEqual(new Set([1, 2]));
    expect(q.feasible).toBe(true);
  });

  it('keeps existing holders when the book is already balanced', () => {
    const clients = [1, 2, 3, 4].map((id) => cli(id, { primaryManagerId: id % 2 === 0 ? 1 : 2 }));
    const p = plan(clients, [mgr(1), mgr(2)]);
    expect(p.moves).toEqual([]);
    expect(p.feasible).toBe(true);
    expect(p.managers.map((m) => [m.clientsBefore, m.clientsAfter])).toEqual([
      [2, 2],
      [2, 2],
    ]);
  });

  it('moves the fewest clients needed to bring every manager within tolerance', () => {
    const clients = Array.from({ length: 10 }, (_, k) => cli(k + 1, { primaryManagerId: 1 }));
    const p = plan(clients, [mgr(1), mgr(2)], { objective: { tolerancePct: 10 } });
    expect(p.feasible).toBe(true);
    expect(p.moves).toHaveLength(5);
    expect(p.managers.map((m) => m.clientsAfter)).toEqual([5, 5]);
    expect(p.managers.every((m) => m.withinTolerance)).toBe(true);
  });

  it('balances AUM as well as counts', () => {
    const aum = [50, 40, 30, 20, 10, 10, 10, 10].map((y) => y * 1_000_000);
    const clients = aum.map((a, k) => cli(k + 1, { aumFen: a, primaryManagerId: k < 4 ? 1 : 2 }));
    const p = plan(clients, [mgr(1), mgr(2)], { objective: { tolerancePct: 20 } });
    expect(p.feasible).toBe(true);
    for (const m of p.managers) {
      expect(m.aumFenAfter).toBeGreaterThanOrEqual(p.pools[0]?.aumFenMin ?? Infinity);
      expect(m.aumFenAfter).toBeLessThanOrEqual(p.pools[0]?.aumFenMax ?? -1);
    }
    expect(p.managers.reduce((s, m) => s + m.aumFenAfter, 0)).toBe(aum.reduce((s, a) => s + a, 0));
  });

  it('flags a plan whose tolerance cannot be met, but still returns it', () => {
    const clients = [cli(1, { aumFen: 900_000_000 }), cli(2), cli(3), cli(4)];
    const p = plan(clients, [mgr(1), mgr(2)]);
    expect(p.feasible).toBe(false);
    expect(p.warnings.map((w) => w.kind)).toContain('tolerance_unreached');
    expect(p.moves).toHaveLength(4);
  });

  it('keeps clients within their outlet unless the plan is branch-wide', () => {
    const clients = [1, 2, 3, 4].map((id) => cli(id, { orgUnitId: OUTLET_B }));
    const p = plan(clients, [mgr(1)]);
    expect(p.moves).toEqual([]);
    expect(p.unplaced.map((u) => u.reason)).toEqual(['no_eligible_manager', 'no_eligible_manager', 'no_eligible_manager', 'no_eligible_manager']);
    const q = plan(clients, [mgr(1)], { eligible: { sameOutletOnly: false } });
    expect(q.moves).toHaveLength(4);
    expect(q.pools.map((x) => x.poolId)).toEqual([null]);
  });

  it('moves only selected clients and relieves a holder over capacity', () => {
    const clients = [cli(1, { tier: 'gold', primaryManagerId: 1 }), cli(2, { primaryManagerId: 1 }), cli(3, { tier: 'gold', primaryManagerId: 1, aumFen: 5_000_000 })];
    const p = plan(clients, [mgr(1, { maxVipClients: 1 }), mgr(2)], { select: { tiers: ['gold'] } });
    expect(p.selected).toBe(2);
    expect(p.moves).toEqual([{ clientId: 1, fromManagerId: 1, toManagerId: 2 }]);
    expect(p.managers.find((m) => m.managerId === 1)?.vipAfter).toBe(1);
  });

  it('gives the same plan whatever order the book lists things in', () => {
    const clients = Array.from({ length: 30 }, (_, k) => cli(k + 1, { aumFen: ((k * 7919) % 97) * 100_000, tier: k % 5 === 0 ? 'platinum' : 'standard', primaryManagerId: k % 3 === 0 ? 1 : null }));
    const managers = [mgr(1), mgr(2), mgr(3, { type: 'part_time' })];
    expect(plan([...clients].reverse(), [...managers].reverse())).toEqual(plan(clients, managers));
  });
});
