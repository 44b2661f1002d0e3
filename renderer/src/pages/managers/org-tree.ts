import type { OrgUnit } from '../../../../shared/model/org.js';

export interface OrgTreeRow {
  unit: OrgUnit;
  depth: number;
}

/**
 * Depth-first order for an indented list: each unit followed by its subtree, siblings by code.
 * A unit whose parent is not in the list (outside the caller's scope) is shown as a root.
 */
export function flattenOrgTree(units: readonly OrgUnit[]): OrgTreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));

  const rows: OrgTreeRow[] = [];
  const seen = new Set<number>();
  const visit = (unit: OrgUnit, depth: number): void => {
    // Guards against a parent cycle in bad data: each unit is listed once.
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    rows.push({ unit, depth });
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** The unit and everything below it. */
export function subtreeIds(units: readonly OrgUnit[], rootId: number): Set<number> {
  const byParent = new Map<number, number[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = byParent.get(unit.parentId) ?? [];
    list.push(unit.id);
    byParent.set(unit.parentId, list);
  }
  const result = new Set<number>([rootId]);
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of byParent.get(id) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        queue.push(child);
      }
    }
  }
  return result;
}

/** How many managers sit directly in each unit. */
export function countByUnit(managers: ReadonlyArray<{ orgUnitId: number }>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of managers) counts.set(m.orgUnitId, (counts.get(m.orgUnitId) ?? 0) + 1);
  return counts;
}
