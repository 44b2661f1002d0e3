import type { ManagerGrade, ManagerStatus, ManagerType } from '../../shared/model/manager.js';
import type { OrgLevel, OrgUnit } from '../../shared/model/org.js';
import { ORG_LEVELS } from '../../shared/model/org.js';
import { AppError } from '../platform/app-error.js';
import { sqliteCode } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { listOrgUnits } from './queries.js';
import type { ManagerPeriodRow as PeriodRow } from './queries.js';

export interface UnitInput {
  id?: number | undefined;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  headName?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
}

const invalid = (zh: string, en: string): never => {
  throw new AppError('INVALID_INPUT', { zh, en });
};

/**
 * Creates or edits an org unit by hand. A unit sits below a unit of a higher level, so the tree keeps its
 * shape (总行 → 一级分行 → 二级分行 → 支行 → 网点, levels may be skipped); a unit edited by hand is no longer
 * the import's (its batch is cleared), so rolling that import back leaves the edit alone.
 */
export function saveUnit(store: Store, input: UnitInput): OrgUnit {
  return store.transaction(() => {
    const units = listOrgUnits(store);
    const found = input.parentId === null ? null : units.find((u) => u.id === input.parentId);
    if (found === undefined) return invalid('上级机构不存在', 'The parent unit does not exist');
    const parent: OrgUnit | null = found;
    if (parent !== null && ORG_LEVELS.indexOf(parent.level) >= ORG_LEVELS.indexOf(input.level)) {
      invalid('上级机构的层级必须高于本机构', 'The parent must be of a higher level than the unit');
    }
    if (input.id !== undefined) {
      // A unit cannot move below itself.
      for (let p: OrgUnit | null = parent; p !== null; p = units.find((u) => u.id === p?.parentId) ?? null) {
        if (p.id === input.id) invalid('不能把机构移到它自己的下级', 'A unit cannot move below itself');
      }
      const child = units.find((u) => u.parentId === input.id && ORG_LEVELS.indexOf(u.level) <= ORG_LEVELS.indexOf(input.level));
      if (child !== undefined) invalid(`下级机构“${child.name}”的层级不低于新层级`, `Child unit “${child.name}” is not of a lower level`);
    }
    const values = [input.code, input.name, input.level, input.parentId, input.headName ?? null, input.address ?? null, input.phone ?? null];
    let id = input.id;
    try {
      if (id === undefined) {
        id = Number(store.db.prepare('INSERT INTO org_unit (code, name, level, parent_id, head_name, address, phone) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...values).lastInsertRowid);
      } else {
        const n = store.db.prepare('UPDATE org_unit SET code = ?, name = ?, level = ?, parent_id = ?, head_name = ?, address = ?, phone = ?, batch_id = NULL WHERE id = ?').run(...values, id).changes;
        if (n === 0) throw new AppError('NOT_FOUND', { zh: `找不到机构 #${id}`, en: `Org unit #${id} not found` });
      }
    } catch (e) {
      if (sqliteCode(e) === 'SQLITE_CONSTRAINT_UNIQUE') invalid(`机构号“${input.code}”已被使用`, `Org code “${input.code}” is already used`);
      throw e;
    }
    const saved = listOrgUnits(store).find((u) => u.id === id);
    if (saved === undefined) throw new Error('saved unit vanished');
    return saved;
  });
}

export interface PeriodChange {
  managerId: number;
  /** The first day the change applies. */
  from: string;
  orgUnitId?: number | undefined;
  grade?: ManagerGrade | undefined;
  type?: ManagerType | undefined;
  status?: ManagerStatus | undefined;
  /** null: back to the default for the grade and type. */
  maxClients?: number | null | undefined;
  maxVipClients?: number | null | undefined;
}


/**
 * An effective-dated roster change (调岗, 晋级, 休假, 离职, 管户上限): the period in force on `from` is closed the day
 * before and a new one, with the change applied, runs to where the old one ended. A change dated on a period's
 * first day edits that period. Past periods stay as they were, so earlier months still show who was where.
 */
export function changePeriod(store: Store, change: PeriodChange): { periodId: number } {
  return store.transaction(() => {
    const db = store.db;
    const current = db
      .prepare('SELECT * FROM manager_period WHERE manager_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from DESC LIMIT 1')
      .get(change.managerId, change.from, change.from) as PeriodRow | undefined;
    if (current === undefined) return invalid(`该客户经理在 ${change.from} 没有在册记录`, `The manager has no roster period on ${change.from}`);
    const c = current;
    if (change.orgUnitId !== undefined && db.prepare('SELECT 1 FROM org_unit WHERE id = ?').get(change.orgUnitId) === undefined) invalid('机构不存在', 'The org unit does not exist');
    const next = {
      org_unit_id: change.orgUnitId ?? c.org_unit_id,
      grade: change.grade ?? c.grade,
      type: change.type ?? c.type,
      status: change.status ?? c.status,
      max_clients: change.maxClients === undefined ? c.max_clients : change.maxClients,
      max_vip_clients: change.maxVipClients === undefined ? c.max_vip_clients : change.maxVipClients,
    };
    if (c.valid_from === change.from) {
      db.prepare(
        'UPDATE manager_period SET org_unit_id = @org_unit_id, grade = @grade, type = @type, status = @status, max_clients = @max_clients, max_vip_clients = @max_vip_clients, batch_id = NULL WHERE id = @id',
      ).run({ ...next, id: c.id });
      return { periodId: c.id };
    }
    db.prepare('UPDATE manager_period SET valid_to = ? WHERE id = ?').run(change.from, c.id);
    const id = db
      .prepare(
        `INSERT INTO manager_period (manager_id, valid_from, valid_to, org_unit_id, grade, type, status, max_clients, max_vip_clients)
         VALUES (@manager_id, @valid_from, @valid_to, @org_unit_id, @grade, @type, @status, @max_clients, @max_vip_clients)`,
      )
      .run({ ...next, manager_id: change.managerId, valid_from: change.from, valid_to: c.valid_to }).lastInsertRowid;
    return { periodId: Number(id) };
  });
}
