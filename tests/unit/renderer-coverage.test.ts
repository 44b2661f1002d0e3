import { describe, expect, it } from 'vitest';
import type { CoverageFinding, OutletCoverage } from '../../shared/assignment/coverage.js';
import { pctText, policyFromForm, rowSeverity, sortedFindings } from '../../renderer/src/pages/coverage/coverage-view.js';

function finding(orgUnitId: number, kind: CoverageFinding['kind']): CoverageFinding {
  return { kind, severity: kind === 'needs_full_time' ? 'error' : 'warning', orgUnitId, managerId: null, clients: 1, message: { zh: kind, en: kind } };
}
function outlet(orgUnitId: number, findings: CoverageFinding[]): OutletCoverage {
  return {
    orgUnitId,
    code: String(orgUnitId),
    name: `U${orgUnitId}`,
    parentId: null,
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
    findings,
  };
}

describe('the coverage page helpers', () => {
  it('shows basis points as a percentage, a dash without VIP clients', () => {
    expect(pctText(9056)).toBe('90.6%');
    expect(pctText(0)).toBe('0.0%');
    expect(pctText(null)).toBe('—');
  });

  it('marks a row by its worst finding and lists breaches of the rule first', () => {
    const a = outlet(1, [finding(1, 'unassigned_vip')]);
    const b = outlet(2, [finding(2, 'needs_full_time'), finding(2, 'over_capacity')]);
    expect([rowSeverity(a), rowSeverity(b), rowSeverity(outlet(3, []))]).toEqual(['warning', 'error', null]);
    expect(sortedFindings([a, b]).map((f) => `${f.orgUnitId}:${f.kind}`)).toEqual(['2:needs_full_time', '1:unassigned_vip', '2:over_capacity']);
  });

  it('reads the policy form: an empty share is not checked, nonsense is refused', () => {
    expect(policyFromForm('240', '')).toEqual({ minVipForFullTime: 240 });
    expect(policyFromForm(' 100 ', '75')).toEqual({ minVipForFullTime: 100, minCoveragePct: 75 });
    for (const [vip, pct] of [['', ''], ['0', ''], ['2.5', ''], ['abc', ''], ['240', '101'], ['240', '-1'], ['240', 'x']]) expect(policyFromForm(vip as string, pct as string)).toBeNull();
  });
});
