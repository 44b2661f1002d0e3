import { describe, expect, it } from 'vitest';
import type { TeamMemberInfo } from '../../shared/api/ops/assignment.js';
import { bpToPercent, checkTeam, draftFromTeam, percentToBp, sortTeam, teamCandidates } from '../../renderer/src/pages/clients/team-form.js';

const member = (managerId: number, role: TeamMemberInfo['role'], shareBp: number): TeamMemberInfo => ({ managerId, staffNo: `M${managerId}`, name: `经理${managerId}`, role, shareBp, validFrom: '2026-11-01' });

describe('team shares (分成比例)', () => {
  it('reads percentages as basis points exactly, strictly between 0 and 100', () => {
    expect(percentToBp('30')).toBe(3000);
    expect(percentToBp('12.5')).toBe(1250);
    expect(percentToBp('0.29')).toBe(29);
    expect(percentToBp(' 33.33 % ')).toBe(3333);
    expect(percentToBp('99.99')).toBe(9999);
    for (const bad of ['', '0', '0.00', '100', '150', '-5', '1.234', 'abc']) expect(percentToBp(bad), bad).toBeNull();
  });

  it('writes basis points as short percentages', () => {
    expect([3000, 1250, 3333, 7000, 10000, 5, 29].map(bpToPercent)).toEqual(['30', '12.5', '33.33', '70', '100', '0.05', '0.29']);
  });

  it('starts the form from the team in force', () => {
    expect(draftFromTeam([member(1, 'primary', 7000), member(2, 'secondary', 3000)])).toEqual({ primaryId: 1, secondaries: [{ managerId: 2, share: '30' }] });
    expect(draftFromTeam([])).toEqual({ primaryId: null, secondaries: [] });
  });

  it('gives the primary what the secondaries do not take, and the API shape when valid', () => {
    expect(checkTeam({ primaryId: 1, secondaries: [{ managerId: 2, share: '30' }] })).toEqual({ primaryBp: 7000, problems: [], secondaries: [{ managerId: 2, shareBp: 3000 }] });
    expect(checkTeam({ primaryId: 1, secondaries: [] })).toEqual({ primaryBp: 10000, problems: [], secondaries: [] });
    expect(checkTeam({ primaryId: 1, secondaries: [{ managerId: 2, share: '33.33' }, { managerId: 3, share: '33.33' }] }).primaryBp).toBe(3334);
  });

  it('refuses what the server refuses, saying why', () => {
    expect(checkTeam({ primaryId: null, secondaries: [] }).problems).toEqual(['noPrimary']);
    expect(checkTeam({ primaryId: 1, secondaries: [{ managerId: null, share: '10' }] }).problems).toEqual(['noManager']);
    const bad = checkTeam({ primaryId: 1, secondaries: [{ managerId: 2, share: '0' }] });
    expect(bad).toMatchObject({ problems: ['badShare'], primaryBp: null, secondaries: null });
    expect(checkTeam({ primaryId: 1, secondaries: [{ managerId: 2, share: '60' }, { managerId: 3, share: '40' }] }).problems).toEqual(['total']);
    expect(checkTeam({ primaryId: 1, secondaries: [{ managerId: 1, share: '10' }] }).problems).toEqual(['duplicate']);
    const six = Array.from({ length: 6 }, (_, i) => ({ managerId: 10 + i, share: '5' }));
    expect(checkTeam({ primaryId: 1, secondaries: six }).problems).toEqual(['tooMany']);
  });

  it('shows the primary first, then secondaries by share', () => {
    expect(sortTeam([member(3, 'secondary', 1000), member(1, 'primary', 6000), member(2, 'secondary', 3000)]).map((m) => m.managerId)).toEqual([1, 2, 3]);
  });

  it('offers managers in post, the client’s unit first, and keeps current members whatever their status', () => {
    const roster = [
      { id: 1, orgUnitId: 8, status: 'active' },
      { id: 2, orgUnitId: 7, status: 'leave' },
      { id: 3, orgUnitId: 7, status: 'departed' },
      { id: 4, orgUnitId: 7, status: 'transferred' },
      { id: 5, orgUnitId: 7, status: 'active' },
    ];
    expect(teamCandidates(roster, 7, new Set([4])).map((m) => m.id)).toEqual([2, 4, 5, 1]);
  });
});
