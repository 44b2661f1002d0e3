import { describe, expect, it } from 'vitest';
import type { AssignmentMove, AssignmentPreview, ManagerPreview } from '../../shared/assignment/rules.js';
import type { Manager } from '../../shared/model/manager.js';
import type { OrgUnit } from '../../shared/model/org.js';
import {
  involvedManagerIds,
  isChanged,
  managerFlags,
  managerRows,
  moveKinds,
  movesOf,
  pageOf,
  previewTotals,
  unplacedByReason,
} from '../../renderer/src/pages/assignment/preview-view.js';

function mp(managerId: number, over: Partial<ManagerPreview> = {}): ManagerPreview {
  return {
    managerId,
    poolId: 10,
    eligible: true,
    clientsBefore: 10,
    clientsAfter: 10,
    aumFenBefore: 1_000_000,
    aumFenAfter: 1_000_000,
    vipBefore: 1,
    vipAfter: 1,
    capacity: { maxClients: 300, maxVipClients: 50 },
    overCapacity: false,
    withinTolerance: true,
    ...over,
  };
}

function manager(id: number, staffNo: string, orgUnitId: number): Manager {
  return {
    id,
    staffNo,
    name: `经理${id}`,
    phone: null,
    orgUnitId,
    grade: 'standard',
    type: 'full_time',
    status: 'active',
    maxClients: null,
    maxVipClients: null,
    capacity: { maxClients: 300, maxVipClients: 50, isDefault: true },
    since: '2026-01-01',
  };
}

const unit = (id: number, code: string, name: string): OrgUnit => ({ id, code, name, level: 'outlet', parentId: 1, headName: null, address: null, phone: null });

function preview(managers: ManagerPreview[], moves: AssignmentMove[] = []): AssignmentPreview {
  return { asOf: '2026-10-31', selected: 0, managers, pools: [], moves, unplaced: [], warnings: [], feasible: true, reason: null };
}

describe('per-manager rows', () => {
  it('names managers from the roster, outlet by outlet, and shows a manager missing from it by id', () => {
    const p = preview([mp(3), mp(1), mp(2), mp(99)]);
    const rows = managerRows(p, [manager(1, 'S002', 20), manager(2, 'S001', 20), manager(3, 'S003', 10)], [unit(10, 'A10', '东城网点'), unit(20, 'B20', '西城网点')]);
    expect(rows.map((r) => [r.managerId, r.name, r.staffNo, r.outletName])).toEqual([
      // No roster entry that day: no outlet code, so first, shown by id.
      [99, '#99', null, '—'],
      [3, '经理3', 'S003', '东城网点'],
      [2, '经理2', 'S001', '西城网点'],
      [1, '经理1', 'S002', '西城网点'],
    ]);
    expect(rows.map((r) => [r.status, r.type])[0]).toEqual([null, null]);
    expect(rows.map((r) => [r.status, r.type])[1]).toEqual(['active', 'full_time']);
  });

  it('adds up clients, VIPs and AUM exactly, past 2^53 fen', () => {
    const big = 2 ** 52;
    const t = previewTotals([mp(1, { aumFenBefore: big, aumFenAfter: big + 1, clientsAfter: 12 }), mp(2, { aumFenBefore: big, aumFenAfter: big + 3, vipAfter: 0 })]);
    expect(t).toEqual({ managers: 2, clientsBefore: 20, clientsAfter: 22, vipBefore: 2, vipAfter: 1, aumFenBefore: 2n * BigInt(big), aumFenAfter: 2n * BigInt(big) + 4n });
  });

  it('flags over capacity, outside tolerance (receivers only) and not receiving', () => {
    expect(managerFlags(mp(1))).toEqual([]);
    expect(managerFlags(mp(1, { overCapacity: true, withinTolerance: false }))).toEqual(['over_capacity', 'outside_tolerance']);
    expect(managerFlags(mp(1, { eligible: false, withinTolerance: false }))).toEqual(['not_receiving']);
    expect(isChanged(mp(1))).toBe(false);
    expect(isChanged(mp(1, { aumFenAfter: 1 }))).toBe(true);
  });
});

describe('moves', () => {
  const moves: AssignmentMove[] = [
    { clientId: 1, fromManagerId: null, toManagerId: 5 },
    { clientId: 2, fromManagerId: 4, toManagerId: 5 },
    { clientId: 3, fromManagerId: 5, toManagerId: 6 },
  ];

  it('counts new assignments apart from transfers, and lists the managers involved', () => {
    expect(moveKinds(moves)).toEqual({ fromNobody: 1, transfers: 2 });
    expect([...involvedManagerIds(moves)].sort()).toEqual([4, 5, 6]);
  });

  it('filters the moves of one manager, in or out', () => {
    expect(movesOf(moves, null)).toBe(moves);
    expect(movesOf(moves, 5).map((m) => m.clientId)).toEqual([1, 2, 3]);
    expect(movesOf(moves, 4).map((m) => m.clientId)).toEqual([2]);
  });

  it('pages a long list and clamps the page into range', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 0, 50)).toMatchObject({ page: 0, pages: 3, rows: items.slice(0, 50) });
    expect(pageOf(items, 2, 50).rows).toEqual(items.slice(100));
    expect(pageOf(items, 9, 50).page).toBe(2);
    expect(pageOf([], 3, 50)).toEqual({ rows: [], page: 0, pages: 1 });
  });

  it('counts unplaced clients by reason, largest first', () => {
    const counts = unplacedByReason([
      { clientId: 1, managerId: null, reason: 'capacity' },
      { clientId: 2, managerId: null, reason: 'no_outlet' },
      { clientId: 3, managerId: 4, reason: 'capacity' },
    ]);
    expect(counts).toEqual([
      { reason: 'capacity', count: 2 },
      { reason: 'no_outlet', count: 1 },
    ]);
  });
});
