import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import { localAdminSession } from '../../electron/api/types.js';
import type { Session } from '../../electron/api/types.js';
import { anonymousSession } from '../../electron/security/sessions.js';
import { api } from '../../shared/api/index.js';
import type { OpName } from '../../shared/api/index.js';
import type { ClientRow } from '../../shared/model/client.js';
import type { OrgUnit } from '../../shared/model/org.js';
import { WORKER_FILE } from '../helpers/app.js';
import { expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * Accounts, roles and scope, enforced in the main process for every operation: the whole contract walked with
 * every role, sign-in lockout, idle lock, and what a supervisor and a client manager can reach.
 */
const tmp = makeTempDir('security-roles');
let now = Date.parse('2026-11-22T09:00:00+08:00');
const clock = { now: () => new Date(now) };
let app: App;
const admin = localAdminSession('en');
const PASSWORD = 'Sicher#Pass2026';
const sessions: Record<'admin' | 'supervisor' | 'manager', Session> = {} as never;
let supervisorUnit = 0;
let managerId = 0;

const call = (name: string, input: unknown, session: Session) => app.dispatcher.call(name, input, { session });
async function signIn(username: string, password = PASSWORD): Promise<Session> {
  const r = expectOk(await app.dispatcher.invoke('auth.login', { username, password }, { session: anonymousSession('en') }));
  const s = app.services.sessions.resolve(r.token, 'en');
  if (s === null) throw new Error('no session');
  return s;
}

beforeAll(async () => {
  app = createApp({ storeFile: path.join(tmp.dir, 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock });
  expectOk(await app.dispatcher.invoke('demo.build', { clients: 2_000, managers: 16 }, { session: admin }));
  // First start: the administrator, created through the public setup operation.
  const setup = expectOk(await app.dispatcher.invoke('auth.setup', { username: 'boss', displayName: '行长', password: PASSWORD }, { session: anonymousSession('en') }));
  expect(setup.user.role).toBe('admin');
  const units = expectOk(await app.dispatcher.invoke('org.tree', {}, { session: admin }));
  supervisorUnit = units.find((u) => u.level === 'sub')?.id ?? 0;
  managerId = app.services.store.db
    .prepare("SELECT manager_id FROM assignment WHERE role = 'primary' AND valid_to IS NULL GROUP BY manager_id ORDER BY count(*) DESC LIMIT 1")
    .pluck()
    .get() as number;
  const bossSession = await signIn('boss');
  for (const [username, role, extra] of [
    ['zhuguan', 'supervisor', { orgUnitId: supervisorUnit }],
    ['jingli', 'manager', { managerId }],
  ] as const) {
    const u = expectOk(await app.dispatcher.invoke('users.create', { username, displayName: username, role, password: 'First#Pass2026', ...extra }, { session: bossSession }));
    expect(u.mustChangePassword).toBe(true);
    const first = await signIn(username, 'First#Pass2026');
    // Until the first password is changed, only the auth operations are open.
    expect(await call('clients.list', {}, first)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await app.dispatcher.invoke('auth.changePassword', { oldPassword: 'First#Pass2026', newPassword: PASSWORD }, { session: first }));
  }
  sessions.admin = await signIn('boss');
  sessions.supervisor = await signIn('zhuguan');
  sessions.manager = await signIn('jingli');
}, 120_000);
afterAll(() => {
  app.close();
  tmp.cleanup();
});

describe('the role × operation matrix', () => {
  it('refuses every non-public operation without a session, and every operation to a role it does not name', async () => {
    const probe = { __probe: true }; // invalid for every operation: nothing can run, only the checks before it
    const rows: string[] = [];
    expect(Object.keys(api).length).toBeGreaterThan(45);
    for (const name of Object.keys(api).sort() as OpName[]) {
      const spec = api[name];
      const anon = await call(name, probe, anonymousSession('en'));
      const anonDenied = !anon.ok && anon.error.code === 'UNAUTHENTICATED';
      if (anonDenied === spec.public) rows.push(`${name}: anonymous ${anon.ok ? 'ran' : anon.error.code}`);
      for (const role of ['admin', 'supervisor', 'manager'] as const) {
        const r = await call(name, probe, sessions[role]);
        const allowed = spec.roles.includes(role) || spec.public;
        const code = r.ok ? 'ran' : r.error.code;
        // Allowed: the role check passes and the probe is refused as invalid input (every schema is strict).
        if (allowed && code !== 'INVALID_INPUT') rows.push(`${name}: ${role} got ${code}, expected INVALID_INPUT`);
        if (!allowed && code !== 'FORBIDDEN') rows.push(`${name}: ${role} got ${code}, expected FORBIDDEN`);
      }
    }
    expect(rows).toEqual([]);
  });

  it('keeps the product’s division of duties', () => {
    const rolesOf = (n: OpName): string => (api[n].public ? 'public' : [...api[n].roles].sort().join('+'));
    const adminOnly = Object.keys(api).filter((n) => /^(users|audit|backup|import|demo)\./.test(n) || ['org.saveUnit', 'book.setConfig', 'managers.setCapacity', 'security.setIdleMinutes'].includes(n));
    for (const n of adminOnly) expect(rolesOf(n as OpName), n).toBe('admin');
    for (const n of ['auth.status', 'auth.setup', 'auth.login', 'system.info', 'preferences.get'] as const) expect(rolesOf(n)).toBe('public');
    for (const n of ['clients.list', 'clients.get', 'clients.count', 'clients.export', 'auth.logout', 'auth.changePassword'] as const) expect(rolesOf(n)).toBe('admin+manager+supervisor');
    // Report templates are the supervisors' and administrators' (filling stays within the caller's scope).
    for (const n of Object.keys(api).filter((k) => k.startsWith('templates.'))) expect(rolesOf(n as OpName), n).toBe('admin+supervisor');
  });
});

describe('scope', () => {
  it('shows a client manager only the clients they look after', async () => {
    const r = expectOk(await app.dispatcher.invoke('clients.list', { limit: 500, unassigned: true }, { session: sessions.manager }));
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.every((c: ClientRow) => c.managerId === managerId)).toBe(true);
    const someoneElses = app.services.store.db
      .prepare("SELECT client_id FROM assignment WHERE role = 'primary' AND valid_to IS NULL AND manager_id <> ? LIMIT 1")
      .pluck()
      .get(managerId) as number;
    expect(await call('clients.get', { id: someoneElses }, sessions.manager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('org.outletCard', { orgUnitId: 1 }, sessions.manager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('shows a supervisor the units they run (with the units above for context) and only those units’ clients', async () => {
    const tree: OrgUnit[] = expectOk(await app.dispatcher.invoke('org.tree', {}, { session: sessions.supervisor }));
    const below = tree.filter((u) => u.parentId === supervisorUnit).map((u) => u.id);
    expect(below.length).toBeGreaterThan(0);
    expect(tree.some((u) => u.level === 'outlet' && !below.includes(u.id))).toBe(false);
    const inScope = new Set([supervisorUnit, ...below]);
    const count = expectOk(await app.dispatcher.invoke('clients.count', {}, { session: sessions.supervisor })).count;
    const expected = app.services.store.db.prepare('SELECT count(*) FROM client WHERE org_unit_id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify([...inScope]));
    expect(count).toBe(expected);
    const outside = app.services.store.db.prepare("SELECT id FROM org_unit WHERE level = 'outlet' AND id NOT IN (SELECT value FROM json_each(?)) LIMIT 1").pluck().get(JSON.stringify([...inScope])) as number;
    expect(await call('org.outletCard', { orgUnitId: outside }, sessions.supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('clients.list', { orgUnitId: outside }, sessions.supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await app.dispatcher.invoke('org.outletCard', { orgUnitId: below[0] ?? 0 }, { session: sessions.supervisor }));
  });
});

describe('sign-in', () => {
  it('locks an account after five wrong passwords, for a growing time, and says until when', async () => {
    const anon = anonymousSession('en');
    for (let i = 0; i < 4; i++) expect(await call('auth.login', { username: 'jingli', password: 'wrong' }, anon)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Wrong user name or password' } });
    const fifth = await call('auth.login', { username: 'jingli', password: 'wrong' }, anon);
    expect(fifth).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('locked until') as unknown } });
    // The right password does not open a locked account.
    expect(await call('auth.login', { username: 'jingli', password: PASSWORD }, anon)).toMatchObject({ ok: false, error: { message: expect.stringContaining('locked') as unknown } });
    now += 61_000;
    expect(await call('auth.login', { username: 'jingli', password: 'wrong' }, anon)).toMatchObject({ ok: false, error: { message: expect.stringContaining('locked') as unknown } });
    const lockedUntil = app.services.store.db.prepare("SELECT locked_until FROM user WHERE username = 'jingli'").pluck().get() as string;
    expect(Date.parse(lockedUntil) - now).toBe(120_000); // the sixth failure doubles the lock
    now += 121_000;
    expectOk(await app.dispatcher.invoke('auth.login', { username: 'jingli', password: PASSWORD }, { session: anon }));
    expect(app.services.store.db.prepare("SELECT failed_attempts FROM user WHERE username = 'jingli'").pluck().get()).toBe(0);
    // An unknown user gets the same answer as a wrong password.
    expect(await call('auth.login', { username: 'nobody', password: 'x' }, anon)).toMatchObject({ ok: false, error: { message: 'Wrong user name or password' } });
  });

  it('ends a session after the idle minutes, and refuses weak passwords', async () => {
    const s = await signIn('zhuguan');
    expectOk(await app.dispatcher.invoke('security.setIdleMinutes', { idleMinutes: 5 }, { session: sessions.admin }));
    now += 4 * 60_000;
    expect(app.services.sessions.resolve(s.token, 'en')).not.toBeNull();
    now += 5 * 60_000 + 1;
    expect(app.services.sessions.resolve(s.token, 'en')).toBeNull();
    const fresh = await signIn('boss');
    for (const weak of ['short1A!', 'alllowercase12', 'Boss#Pass2026boss']) {
      const r = await call('users.resetPassword', { id: 2, password: weak.replace('Boss', 'zhuguan') }, fresh);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});
