import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/types.js';
import { verifyAudit } from '../../electron/security/audit.js';
import { anonymousSession } from '../../electron/security/sessions.js';
import type { OrgUnit } from '../../shared/model/org.js';
import { makeTestApp } from '../helpers/app.js';
import { expectOk } from '../helpers/import.js';

/** The dispatcher records every change, export, sign-in, failed sign-in and refused call in the audit log. */
let t: ReturnType<typeof makeTestApp>;
const PASSWORD = 'Audit#Pass2026';
let admin: Session;
beforeAll(async () => {
  t = makeTestApp('audit-wiring');
  const anon = anonymousSession('zh-CN');
  const setup = expectOk(await t.app.dispatcher.invoke('auth.setup', { username: 'boss', displayName: '行长', password: PASSWORD }, { session: anon }));
  admin = t.app.services.sessions.resolve(setup.token, 'zh-CN') as Session;
}, 60_000);
afterAll(() => t.cleanup());

interface Row {
  username: string;
  role: string;
  action: string;
  outcome: string;
  entity: string | null;
  detail: string | null;
  before: string | null;
  after: string | null;
}
const entries = (): Row[] => t.app.services.store.db.prepare('SELECT username, role, action, outcome, entity, detail, before, after FROM audit_log ORDER BY id').all() as Row[];

describe('audit of API calls', () => {
  it('records sign-ins (good and bad, never the password), edits with before and after, exports and refusals; the chain verifies', async () => {
    const anon = anonymousSession('zh-CN');
    await t.app.dispatcher.invoke('auth.login', { username: 'boss', password: 'wrong-one' }, { session: anon });
    expectOk(await t.app.dispatcher.invoke('auth.login', { username: 'boss', password: PASSWORD }, { session: anon }));
    const unit: OrgUnit = expectOk(await t.app.dispatcher.invoke('org.saveUnit', { code: 'B', name: '分行', level: 'tier2', parentId: null }, { session: admin }));
    expectOk(await t.app.dispatcher.invoke('org.saveUnit', { id: unit.id, code: 'B', name: '南京分行', level: 'tier2', parentId: null }, { session: admin }));
    expectOk(await t.app.dispatcher.invoke('clients.export', {}, { session: admin }));
    const manager: Session = { ...admin, role: 'manager', userName: 'someone' };
    await t.app.dispatcher.invoke('users.list', {}, { session: manager });

    const log = entries();
    const actions = log.map((e) => `${e.action}:${e.outcome}:${e.username}`);
    expect(actions).toEqual([
      'auth.setup:ok:boss',
      'auth.login:failed:boss',
      'auth.login:ok:boss',
      'org.saveUnit:ok:boss',
      'org.saveUnit:ok:boss',
      'clients.export:ok:boss',
      'users.list:denied:someone',
    ]);
    expect(log.map((e) => e.detail ?? '').join('\n')).not.toContain(PASSWORD);
    expect(log.map((e) => e.detail ?? '').join('\n')).not.toContain('wrong-one');
    const edit = log[4];
    expect(edit?.entity).toBe('org_unit');
    expect(JSON.parse(edit?.before ?? 'null')).toMatchObject({ name: '分行' });
    expect(JSON.parse(edit?.after ?? 'null')).toMatchObject({ name: '南京分行' });
    expect(verifyAudit(t.app.services.store)).toMatchObject({ ok: true, entries: log.length });
  });
});
