import type { Manager, ManagerGrade, ManagerStatus, ManagerType } from '../../shared/model/manager.js';
import type { OrgLevel, OrgUnit } from '../../shared/model/org.js';
import type { Store } from '../store/store.js';
import { readCapacityDefaults } from './capacity.js';

/** The unit and every unit below it (the org tree's subtree). */
export function unitAndDescendants(store: Store, unitId: number): number[] {
  return store.db
    .prepare('WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub')
    .pluck()
    .all(unitId) as number[];
}

/** Every unit at or below any of the roots. */
export function unitsBelow(store: Store, roots: Iterable<number>): Set<number> {
  const out = new Set<number>();
  for (const root of roots) for (const id of unitAndDescendants(store, root)) out.add(id);
  return out;
}

/** A `manager_period` row as stored: one effective-dated stretch of a manager's outlet, grade, type, status, caps. */
export interface ManagerPeriodRow {
  id: number;
  valid_from: string;
  valid_to: string | null;
  org_unit_id: number;
  grade: string;
  type: string;
  status: string;
  max_clients: number | null;
  max_vip_clients: number | null;
  batch_id: number | null;
}

/** Org units ordered so that every parent comes before its children. */
export function listOrgUnits(store: Store): OrgUnit[] {
  const rows = store.db
    .prepare(
      `WITH RECURSIVE tree(id, depth) AS (
         SELECT id, 0 FROM org_unit WHERE parent_id IS NULL
         UNION ALL SELECT o.id, t.depth + 1 FROM org_unit o JOIN tree t ON o.parent_id = t.id)
       SELECT o.id, o.code, o.name, o.level, o.parent_id, o.head_name, o.address, o.phone
       FROM org_unit o JOIN tree t ON t.id = o.id ORDER BY t.depth, o.code`,
    )
    .all() as Array<{
    id: number;
    code: string;
    name: string;
    level: OrgLevel;
    parent_id: number | null;
    head_name: string | null;
    address: string | null;
    phone: string | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    headName: r.head_name,
    address: r.address,
    phone: r.phone,
  }));
}

/** The roster as it stood on `asOf`: each manager's period in force that day. */
export function listManagersAsOf(store: Store, asOf: string): Manager[] {
  const rows = store.db
    .prepare(
      `SELECT m.id, m.staff_no, m.name, m.phone, p.org_unit_id, p.grade, p.type, p.status, p.max_clients, p.max_vip_clients, p.valid_from
       FROM manager m JOIN manager_period p ON p.manager_id = m.id
       WHERE p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)
       ORDER BY m.staff_no`,
    )
    .all(asOf, asOf) as Array<{
    id: number;
    staff_no: string;
    name: string;
    phone: string | null;
    org_unit_id: number;
    grade: ManagerGrade;
    type: ManagerType;
    status: ManagerStatus;
    max_clients: number | null;
    max_vip_clients: number | null;
    valid_from: string;
  }>;
  const defaults = readCapacityDefaults(store);
  return rows.map((r) => ({
    id: r.id,
    staffNo: r.staff_no,
    name: r.name,
    phone: r.phone,
    orgUnitId: r.org_unit_id,
    grade: r.grade,
    type: r.type,
    status: r.status,
    maxClients: r.max_clients,
    maxVipClients: r.max_vip_clients,
    capacity: {
      maxClients: r.max_clients ?? defaults[r.grade][r.type].maxClients,
      maxVipClients: r.max_vip_clients ?? defaults[r.grade][r.type].maxVipClients,
      isDefault: r.max_clients === null && r.max_vip_clients === null,
    },
    since: r.valid_from,
  }));
}
