import { describe, expect, it } from 'vitest';
import { policyWarnings } from '../../electron/assignment/coverage-policy.js';
import type { PolicyOutletState } from '../../electron/assignment/coverage-policy.js';
import { planAssignment } from '../../electron/assignment/rules-engine.js';
import { DEFAULT_COVERAGE_POLICY, parseCoveragePolicy } from '../../shared/assignment/coverage.js';
import { parseAssignmentRules } from '../../shared/assignment/rules.js';
import type { AssignmentBook, BookClient, BookManager } from '../../shared/assignment/rules.js';

function outlet(over: Partial<PolicyOutletState> = {}): PolicyOutletState {
  return { orgUnitId: 7, name: '城东网点', vipClients: 0, vipFullTime: 0, vipUnassigned: 0, vipFormerManager: 0, fullTimeManagers: 0, ...over };
}
const kinds = (o: PolicyOutletState, policy = DEFAULT_COVERAGE_POLICY): string[] => policyWarnings({ outlets: [o], managers: [] }, policy).map((f) => f.kind);

describe('the coverage policy', () => {
  it('defaults to the source rule: 240 中高端 clients need a 专职 manager', () => {
    expect(parseCoveragePolicy({})).toEqual({ minVipForFullTime: 240 });
    expect(() => parseCoveragePolicy({ minVipForFullTime: 240, extra: 1 })).toThrow();
    expect(() => parseCoveragePolicy({ minVipForFullTime: 0 })).toThrow();
    const [f] = policyWarnings({ outlets: [outlet({ vipClients: 240 })], managers: [] }, DEFAULT_COVERAGE_POLICY);
    expect(f).toMatchObject({ kind: 'needs_full_time', severity: 'error', orgUnitId: 7, clients: 240 });
    expect(f?.message.zh).toBe('城东网点有 240 名中高端客户（不少于 240 名），但没有在岗的专职客户经理');
    expect(kinds(outlet({ vipClients: 239 }))).toEqual([]);
    expect(kinds(outlet({ vipClients: 500, fullTimeManagers: 1 }))).toEqual([]);
  });

  it('checks the optional 专职 share exactly, only where the 专职 rule applies and is met', () => {
    const policy = parseCoveragePolicy({ minVipForFullTime: 240, minCoveragePct: 50 });
    expect(kinds(outlet({ vipClients: 240, vipFullTime: 119, fullTimeManagers: 1 }), policy)).toEqual(['low_coverage']);
    expect(kinds(outlet({ vipClients: 240, vipFullTime: 120, fullTimeManagers: 1 }), policy)).toEqual([]);
    expect(kinds(outlet({ vipClients: 100, vipFullTime: 0, fullTimeManagers: 1 }), policy)).toEqual([]);
    expect(kinds(outlet({ vipClients: 300 }), policy)).toEqual(['needs_full_time']);
    const [low] = policyWarnings({ outlets: [outlet({ vipClients: 240, vipFullTime: 100, fullTimeManagers: 1 })], managers: [] }, policy);
    expect(low?.clients).toBe(140);
    expect(low?.message.en).toContain('41.7%');
  });

  it('counts VIP clients nobody looks after, and managers over either cap', () => {
    const [u] = policyWarnings({ outlets: [outlet({ vipClients: 10, vipUnassigned: 2, vipFormerManager: 3 })], managers: [] }, DEFAULT_COVERAGE_POLICY);
    expect(u).toMatchObject({ kind: 'unassigned_vip', clients: 5 });
    const m = { managerId: 3, orgUnitId: 7, clients: 90, vipClients: 25, maxClients: 100, maxVipClients: 20 };
    expect(policyWarnings({ outlets: [], managers: [m] }, DEFAULT_COVERAGE_POLICY)).toMatchObject([{ kind: 'over_capacity', managerId: 3, clients: 5 }]);
    expect(policyWarnings({ outlets: [], managers: [{ ...m, vipClients: 20, clients: 100 }] }, DEFAULT_COVERAGE_POLICY)).toEqual([]);
  });

  it('orders findings by outlet, then kind', () => {
    const f = policyWarnings(
      {
        outlets: [outlet({ orgUnitId: 9, vipClients: 1, vipUnassigned: 1 }), outlet({ orgUnitId: 8, vipClients: 300, vipUnassigned: 1 })],
        managers: [{ managerId: 1, orgUnitId: 8, clients: 2, vipClients: 0, maxClients: 1, maxVipClients: 1 }],
      },
      DEFAULT_COVERAGE_POLICY,
    );
    expect(f.map((x) => `${x.orgUnitId}:${x.kind}`)).toEqual(['8:needs_full_time', '8:unassigned_vip', '8:over_capacity', '9:unassigned_vip']);
  });
});

describe('policy warnings in the rule-engine preview', () => {
  const ORG = [
    { id: 1, parentId: null },
    { id: 11, parentId: 1 },
    { id: 12, parentId: 1 },
  ];
  const mgr = (id: number, over: Partial<BookManager> = {}): BookManager => ({ id, orgUnitId: 11, type: 'full_time', status: 'active', grade: 'standard', maxClients: 100, maxVipClients: 50, ...over });
  const cli = (id: number, over: Partial<BookClient> = {}): BookClient => ({ id, orgUnitId: 11, tier: 'gold', segment: null, stage: null, aumFen: 1_000_000, productTypes: [], primaryManagerId: null, ...over });
  // Outlet 11: four 金卡 clients and only a 兼职 manager; outlet 12: four 金卡 clients and a 专职 manager.
  const clients = [1, 2, 3, 4].map((id) => cli(id)).concat([5, 6, 7, 8].map((id) => cli(id, { orgUnitId: 12 })));
  const managers = [mgr(1, { type: 'part_time' }), mgr(2, { orgUnitId: 12 })];
  const rules = parseAssignmentRules({ asOf: '2026-10-31' });

  it('warns where an outlet reaching the threshold has no 专职 manager, without changing feasibility', () => {
    const without = planAssignment({ clients, managers, orgUnits: ORG }, rules);
    const book: AssignmentBook = { clients, managers, orgUnits: ORG, coveragePolicy: { minVipForFullTime: 4 } };
    const p = planAssignment(book, rules);
    expect(p.warnings.filter((w) => w.kind === 'needs_full_time')).toEqual([
      { kind: 'needs_full_time', poolId: 11, managerId: null, clients: 4, message: expect.objectContaining({ zh: expect.stringContaining('网点 #11') as unknown }) as unknown },
    ]);
    expect(p.feasible).toBe(without.feasible);
    expect(p.moves).toEqual(without.moves);
    expect(without.warnings.some((w) => w.kind === 'needs_full_time')).toBe(false);
    expect(planAssignment({ ...book, coveragePolicy: { minVipForFullTime: 5 } }, rules).warnings.some((w) => w.kind === 'needs_full_time')).toBe(false);
  });

  it('judges the 专职 share after the moves, only for outlets with selected clients, in any input order', () => {
    const book: AssignmentBook = { clients, managers, orgUnits: ORG, coveragePolicy: { minVipForFullTime: 4, minCoveragePct: 100 } };
    // Outlet 12's clients all go to its 专职 manager: after the plan the share is 100%, so no low_coverage warning.
    const p = planAssignment(book, rules);
    expect(p.warnings.filter((w) => w.kind === 'low_coverage')).toEqual([]);
    // Only outlet 12's clients selected: outlet 11 is not judged.
    const only12 = planAssignment(book, parseAssignmentRules({ asOf: '2026-10-31', select: { orgUnitIds: [12] } }));
    expect(only12.warnings.some((w) => w.kind === 'needs_full_time')).toBe(false);
    // 兼职 holders the plan keeps (keepExisting: 金卡 may stay with a 兼职 manager) leave the share below 100%.
    const held = clients.map((c) => (c.orgUnitId === 12 && c.id !== 5 ? { ...c, primaryManagerId: 3 } : c));
    const withPart = [...managers, mgr(3, { orgUnitId: 12, type: 'part_time' })];
    const q = planAssignment({ ...book, clients: held, managers: withPart }, parseAssignmentRules({ asOf: '2026-10-31', select: { orgUnitIds: [12] }, objective: { keepExisting: true, tolerancePct: 100 } }));
    expect(q.warnings.filter((w) => w.kind === 'low_coverage').map((w) => [w.poolId, w.clients])).toEqual([[12, 3]]);
    const shuffled = { ...book, clients: [...held].reverse(), managers: [...withPart].reverse() };
    expect(planAssignment(shuffled, parseAssignmentRules({ asOf: '2026-10-31', select: { orgUnitIds: [12] }, objective: { keepExisting: true, tolerancePct: 100 } }))).toEqual(q);
  });
});
