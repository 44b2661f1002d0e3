import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api/index.js';
import { ROLES } from '../../shared/api/contract.js';
import { ERROR_CODES } from '../../shared/api/errors.js';
import { handlers } from '../../electron/api/handlers.js';
import { localAdminSession } from '../../electron/api/types.js';
import type { Session } from '../../electron/api/types.js';
import { makeTestApp } from '../helpers/app.js';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp('dispatch');
});
afterEach(() => t.cleanup());

const admin = localAdminSession();
const manager: Session = { userName: 'm1', role: 'manager', orgUnitIds: [], managerId: 1, locale: 'zh-CN', authenticated: true };

describe('the API contract', () => {
  it('declares roles, scope and an input schema for every operation, and has exactly one handler each', () => {
    const names = Object.keys(api).sort();
    expect(Object.keys(handlers).sort()).toEqual(names);
    for (const name of names) {
      const spec = api[name as keyof typeof api];
      // domain.verb, both lower camel case (contactPlans.due)
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
      expect(spec.roles.length).toBeGreaterThan(0);
      for (const r of spec.roles) expect(ROLES).toContain(r);
      expect(['any', 'org', 'own']).toContain(spec.scope);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(spec.summary.length).toBeGreaterThan(5);
    }
  });
});

describe('dispatcher', () => {
  it('answers a valid call with a value', async () => {
    const r = await t.app.dispatcher.invoke('system.info', {}, { session: admin });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.schemaVersion).toBe(r.value.migrationCount);
      expect(r.value.mode).toBe('cli');
    }
  });

  it('rejects an unknown operation', async () => {
    const r = await t.app.dispatcher.call('system.rmrf', {}, { session: admin });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('rejects invalid input before the handler runs, naming every problem', async () => {
    const r = await t.app.dispatcher.call('preferences.set', { locale: 'fr', extra: 1 }, { session: { ...admin, locale: 'en' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toContain('preferences.set');
      const paths = (r.error.details?.problems ?? []).map((p) => p.path);
      expect(paths).toContain('locale');
    }
    const prefs = await t.app.dispatcher.invoke('preferences.get', {}, { session: admin });
    expect(prefs).toEqual({ ok: true, value: { locale: 'zh-CN' } });
  });

  it('answers in the caller’s language', async () => {
    const zh = await t.app.dispatcher.call('nope.op', {}, { session: admin });
    const en = await t.app.dispatcher.call('nope.op', {}, { session: { ...admin, locale: 'en' } });
    expect(!zh.ok && zh.error.message).toContain('未知的操作');
    expect(!en.ok && en.error.message).toContain('Unknown operation');
  });

  it('refuses a role the operation does not allow', async () => {
    const r = await t.app.dispatcher.call('demo.build', { clients: 100 }, { session: manager });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('remembers preferences in the store', async () => {
    const set = await t.app.dispatcher.invoke('preferences.set', { locale: 'en' }, { session: admin });
    expect(set).toEqual({ ok: true, value: { locale: 'en' } });
    const got = await t.app.dispatcher.invoke('preferences.get', {}, { session: admin });
    expect(got).toEqual({ ok: true, value: { locale: 'en' } });
  });

  it('returns CANCELLED for a call whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await t.app.dispatcher.call('system.summary', {}, { session: admin, signal: controller.signal });
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('lists only error codes declared in one place', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
