import { describe, expect, it } from 'vitest';
import type { WorkspaceSummary } from '../../shared/api/ops/system.js';
import type { OrgUnit } from '../../shared/model/org.js';
import { combineStates } from '../../renderer/src/api/query-state.js';
import { isWorkspaceEmpty } from '../../renderer/src/pages/dashboard/summary.js';
import { firstPage, nextPage, pageInput, pageNumber, previousPage } from '../../renderer/src/pages/clients/paging.js';
import { countByUnit, flattenOrgTree, subtreeIds } from '../../renderer/src/pages/managers/org-tree.js';
import { DEMO_SIZES, demoSize, progressPercent } from '../../renderer/src/pages/settings/demo-sizes.js';
import { baseName } from '../../renderer/src/shell/app-state.js';

const emptySummary: WorkspaceSummary = {
  orgUnits: 0,
  managers: 0,
  clients: 0,
  balanceSnapshots: 0,
  holdings: 0,
  transactions: 0,
  contacts: 0,
  latestAsOf: null,
};

function unit(id: number, code: string, parentId: number | null, level: OrgUnit['level'] = 'outlet'): OrgUnit {
  return { id, code, name: `U${id}`, level, parentId, headName: null, address: null, phone: null };
}

describe('client paging', () => {
  it('steps forward with the cursor and back through the visited pages', () => {
    let p = firstPage('  wang ');
    expect(pageInput(p)).toEqual({ limit: 50, search: 'wang' });
    p = nextPage(p, 120);
    p = nextPage(p, 240);
    expect(pageNumber(p)).toBe(3);
    expect(pageInput(p, 10)).toEqual({ limit: 10, search: 'wang', after: 240 });
    p = previousPage(p);
    expect(pageInput(p)).toEqual({ limit: 50, search: 'wang', after: 120 });
    p = previousPage(previousPage(p));
    expect(pageNumber(p)).toBe(1);
    expect(pageInput(p)).toEqual({ limit: 50, search: 'wang' });
  });

  it('stays on the last page when there is no next cursor, and omits an empty search', () => {
    const p = firstPage('');
    expect(nextPage(p, null)).toBe(p);
    expect(pageInput(p)).toEqual({ limit: 50 });
  });
});

describe('org tree', () => {
  const units = [unit(1, '000', null, 'head'), unit(3, '200', 1, 'sub'), unit(2, '100', 1, 'sub'), unit(4, '101', 2), unit(5, '900', 77)];

  it('lists each unit before its subtree, siblings by code, orphans as roots', () => {
    expect(flattenOrgTree(units).map((r) => [r.unit.id, r.depth])).toEqual([
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 1],
      [5, 0],
    ]);
  });

  it('survives a parent cycle', () => {
    const cyclic = [unit(1, 'a', 2), unit(2, 'b', 1), unit(3, 'c', null)];
    expect(flattenOrgTree(cyclic).map((r) => r.unit.id)).toEqual([3]);
    expect(subtreeIds(cyclic, 1)).toEqual(new Set([1, 2]));
  });

  it('finds a subtree and counts managers per unit', () => {
    expect(subtreeIds(units, 2)).toEqual(new Set([2, 4]));
    expect(subtreeIds(units, 1)).toEqual(new Set([1, 2, 3, 4]));
    expect(countByUnit([{ orgUnitId: 4 }, { orgUnitId: 4 }, { orgUnitId: 2 }])).toEqual(new Map([[4, 2], [2, 1]]));
  });
});

describe('workspace summary', () => {
  it('calls a workspace empty only when nothing at all is loaded', () => {
    expect(isWorkspaceEmpty(emptySummary)).toBe(true);
    expect(isWorkspaceEmpty({ ...emptySummary, orgUnits: 1 })).toBe(false);
    expect(isWorkspaceEmpty({ ...emptySummary, contacts: 3 })).toBe(false);
  });
});

describe('small helpers', () => {
  it('combines page states: error wins, then loading', () => {
    expect(combineStates('ready', 'loading', 'error')).toBe('error');
    expect(combineStates('ready', 'loading')).toBe('loading');
    expect(combineStates('ready', 'ready')).toBe('ready');
  });

  it('shows the file name of POSIX and Windows store paths', () => {
    expect(baseName('/home/a/workspace.db')).toBe('workspace.db');
    expect(baseName('C:\\Users\\a\\工作区.db')).toBe('工作区.db');
    expect(baseName('plain.db')).toBe('plain.db');
  });

  it('keeps demo sizes within the contract and falls back to the default size', () => {
    for (const s of DEMO_SIZES) {
      expect(s.clients).toBeGreaterThanOrEqual(100);
      expect(s.clients).toBeLessThanOrEqual(1_000_000);
      expect(s.managers).toBeGreaterThanOrEqual(4);
      expect(s.managers).toBeLessThanOrEqual(400);
    }
    expect(demoSize('nope').id).toBe('standard');
  });

  it('computes progress only when the total is known', () => {
    expect(progressPercent(5, 10)).toBe(50);
    expect(progressPercent(15, 10)).toBe(100);
    expect(progressPercent(5, undefined)).toBeNull();
    expect(progressPercent(0, 0)).toBeNull();
  });
});
