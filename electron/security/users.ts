import type { Role } from '../../shared/api/contract.js';
import type { UserInfo } from '../../shared/api/ops/auth.js';
import { AppError } from '../platform/app-error.js';
import { sqliteCode } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { DECOY_HASH, hashPassword, passwordProblem, verifyPassword } from './passwords.js';

/** Failed attempts before a lockout; each further failure doubles it, up to an hour. */
export const LOCKOUT_AFTER = 5;
const LOCKOUT_BASE_MS = 60_000;
const LOCKOUT_MAX_MS = 3_600_000;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  org_unit_id: number | null;
  manager_id: number | null;
  password_hash: string;
  must_change: number;
  failed_attempts: number;
  locked_until: string | null;
  disabled: number;
  last_login_at: string | null;
}

function toInfo(r: UserRow): UserInfo {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgUnitId: r.org_unit_id,
    managerId: r.manager_id,
    mustChangePassword: r.must_change === 1,
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
  };
}

const invalid = (zh: string, en: string): never => {
  throw new AppError('INVALID_INPUT', { zh, en });
};

function checkStrength(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem !== null) throw new AppError('INVALID_INPUT', problem);
}

export function hasUsers(store: Store): boolean {
  return store.db.prepare('SELECT EXISTS (SELECT 1 FROM user)').pluck().get() === 1;
}

export function listUsers(store: Store): UserInfo[] {
  return (store.db.prepare('SELECT * FROM user ORDER BY role, username').all() as UserRow[]).map(toInfo);
}

export function getUser(store: Store, id: number): UserInfo {
  const row = store.db.prepare('SELECT * FROM user WHERE id = ?').get(id) as UserRow | undefined;
  if (row === undefined) throw new AppError('NOT_FOUND', { zh: `找不到用户 #${id}`, en: `User #${id} not found` });
  return toInfo(row);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId?: number | null | undefined;
  managerId?: number | null | undefined;
  password: string;
  /** The administrator sets a first password; the user chooses their own at first sign-in. */
  mustChange?: boolean;
}

/** A supervisor needs the org unit they run; a client manager their roster entry. */
function checkScope(store: Store, role: Role, orgUnitId: number | null, managerId: number | null): void {
  if (role === 'supervisor' && orgUnitId === null) invalid('客户经理主管须指定所辖机构', 'A supervisor needs an org unit');
  if (role === 'manager' && managerId === null) invalid('客户经理账号须关联花名册中的客户经理', 'A client manager account needs a roster entry');
  if (orgUnitId !== null && store.db.prepare('SELECT 1 FROM org_unit WHERE id = ?').get(orgUnitId) === undefined) invalid('机构不存在', 'The org unit does not exist');
  if (managerId !== null && store.db.prepare('SELECT 1 FROM manager WHERE id = ?').get(managerId) === undefined) invalid('客户经理不存在', 'The manager does not exist');
}

export function createUser(store: Store, u: NewUser, now: string): UserInfo {
  checkStrength(u.password, u.username);
  const orgUnitId = u.orgUnitId ?? null;
  const managerId = u.managerId ?? null;
  return store.transaction(() => {
    checkScope(store, u.role, orgUnitId, managerId);
    try {
      const id = store.db
        .prepare(
          `INSERT INTO user (username, display_name, role, org_unit_id, manager_id, password_hash, must_change, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(u.username, u.displayName, u.role, orgUnitId, managerId, hashPassword(u.password), u.mustChange === true ? 1 : 0, now, now).lastInsertRowid;
      return getUser(store, Number(id));
    } catch (e) {
      if (sqliteCode(e) === 'SQLITE_CONSTRAINT_UNIQUE') return invalid(`用户名“${u.username}”已存在`, `User name “${u.username}” is taken`);
      throw e;
    }
  });
}

export interface UserChange {
  id: number;
  displayName?: string | undefined;
  role?: Role | undefined;
  orgUnitId?: number | null | undefined;
  managerId?: number | null | undefined;
  disabled?: boolean | undefined;
}

export function updateUser(store: Store, change: UserChange, now: string): { before: UserInfo; after: UserInfo } {
  return store.transaction(() => {
    const before = getUser(store, change.id);
    const role = change.role ?? before.role;
    const orgUnitId = change.orgUnitId === undefined ? before.orgUnitId : change.orgUnitId;
    const managerId = change.managerId === undefined ? before.managerId : change.managerId;
    checkScope(store, role, orgUnitId, managerId);
    const disabled = change.disabled ?? before.disabled;
    if (before.role === 'admin' && (role !== 'admin' || disabled)) {
      const admins = store.db.prepare("SELECT count(*) FROM user WHERE role = 'admin' AND disabled = 0").pluck().get() as number;
      if (admins <= 1) invalid('至少要保留一个可用的系统管理员', 'At least one active administrator must remain');
    }
    store.db
      .prepare('UPDATE user SET display_name = ?, role = ?, org_unit_id = ?, manager_id = ?, disabled = ?, updated_at = ? WHERE id = ?')
      .run(change.displayName ?? before.displayName, role, orgUnitId, managerId, disabled ? 1 : 0, now, change.id);
    return { before, after: getUser(store, change.id) };
  });
}

/** The administrator sets a new password (and clears a lockout); the user must change it at next sign-in. */
export function resetPassword(store: Store, id: number, password: string, now: string): UserInfo {
  const user = getUser(store, id);
  checkStrength(password, user.username);
  store.transaction(() =>
    store.db.prepare('UPDATE user SET password_hash = ?, must_change = 1, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(hashPassword(password), now, id),
  );
  return getUser(store, id);
}

export function changePassword(store: Store, id: number, oldPassword: string, newPassword: string, now: string): void {
  const row = store.db.prepare('SELECT * FROM user WHERE id = ?').get(id) as UserRow | undefined;
  if (row === undefined || !verifyPassword(oldPassword, row.password_hash)) throw new AppError('INVALID_INPUT', { zh: '原密码不正确', en: 'The current password is wrong' });
  checkStrength(newPassword, row.username);
  if (oldPassword === newPassword) invalid('新密码不能与原密码相同', 'The new password must differ from the current one');
  store.transaction(() => store.db.prepare('UPDATE user SET password_hash = ?, must_change = 0, updated_at = ? WHERE id = ?').run(hashPassword(newPassword), now, id));
}

export type LoginResult = { ok: true; user: UserInfo } | { ok: false; reason: 'bad' | 'locked' | 'disabled'; lockedUntil?: string; username: string };

/**
 * Checks a sign-in. Wrong passwords count; from the fifth in a row the account locks for a minute, doubling with
 * each further failure up to an hour. An unknown user name costs the same time as a wrong password and gets the
 * same answer, so the login does not reveal which accounts exist.
 */
export function checkLogin(store: Store, username: string, password: string, now: Date): LoginResult {
  const row = store.db.prepare('SELECT * FROM user WHERE username = ?').get(username) as UserRow | undefined;
  if (row === undefined) {
    verifyPassword(password, DECOY_HASH);
    return { ok: false, reason: 'bad', username };
  }
  if (row.locked_until !== null && row.locked_until > now.toISOString()) return { ok: false, reason: 'locked', lockedUntil: row.locked_until, username: row.username };
  const good = verifyPassword(password, row.password_hash);
  if (!good) {
    const failures = row.failed_attempts + 1;
    const lockMs = failures >= LOCKOUT_AFTER ? Math.min(LOCKOUT_MAX_MS, LOCKOUT_BASE_MS * 2 ** (failures - LOCKOUT_AFTER)) : 0;
    const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
    store.transaction(() => store.db.prepare('UPDATE user SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failures, lockedUntil, row.id));
    return lockedUntil === null ? { ok: false, reason: 'bad', username: row.username } : { ok: false, reason: 'locked', lockedUntil, username: row.username };
  }
  if (row.disabled === 1) return { ok: false, reason: 'disabled', username: row.username };
  return { ok: true, user: recordLogin(store, row.id, now) };
}

/** A successful sign-in: the failure count starts over and the time is kept. */
export function recordLogin(store: Store, id: number, now: Date): UserInfo {
  store.transaction(() => store.db.prepare('UPDATE user SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(now.toISOString(), id));
  return getUser(store, id);
}
