import { describe, expect, it } from 'vitest';
import type { WorkbenchBridge } from '../../shared/api/bridge.js';
import { TOKEN_STORAGE_KEY, extractToken, resolveToken } from '../../renderer/src/boot/token.js';
import { chooseTransport } from '../../renderer/src/boot/transport.js';
import type { BootEnv } from '../../renderer/src/boot/transport.js';

describe('extractToken', () => {
  it('takes the token of the launch URL and leaves an empty hash', () => {
    expect(extractToken('#token=abc_DEF-123')).toEqual({ token: 'abc_DEF-123', rest: '' });
  });

  it('keeps a route and other parameters that share the hash', () => {
    expect(extractToken('#/clients?token=t1&search=x')).toEqual({ token: 't1', rest: '#/clients?search=x' });
    expect(extractToken('#/clients?token=t1')).toEqual({ token: 't1', rest: '#/clients' });
    expect(extractToken('#lang=en&token=t2')).toEqual({ token: 't2', rest: '#lang=en' });
  });

  it('finds no token in an ordinary route or an empty value', () => {
    expect(extractToken('#/clients')).toEqual({ token: null, rest: '#/clients' });
    expect(extractToken('')).toEqual({ token: null, rest: '' });
    expect(extractToken('#token=')).toEqual({ token: null, rest: '' });
    expect(extractToken('#token=%20')).toEqual({ token: null, rest: '' });
  });
});

describe('resolveToken', () => {
  it('prefers the token in the URL over a stored one and asks to clean the address bar', () => {
    expect(resolveToken('#token=new', 'old')).toEqual({ token: 'new', replaceHash: '' });
  });

  it('falls back to the stored token after a reload, leaving the hash alone', () => {
    expect(resolveToken('#/managers', 'kept')).toEqual({ token: 'kept', replaceHash: null });
  });

  it('has no token when neither place has one', () => {
    expect(resolveToken('#/managers', null)).toEqual({ token: null, replaceHash: null });
    expect(resolveToken('', '  ')).toEqual({ token: null, replaceHash: null });
  });
});

function fakeEnv(hash: string, stored: Record<string, string> = {}, bridge: unknown = undefined) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const env: BootEnv = {
    bridge,
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => void replaced.push(String(url)) },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    newCallId: () => 'id',
    locale: () => 'zh-CN',
  };
  return { env, storage, replaced };
}

describe('chooseTransport', () => {
  it('uses the preload bridge when Electron exposes one', () => {
    const bridge: WorkbenchBridge = {
      call: () => Promise.resolve({ ok: true, value: null }),
      cancel: () => undefined,
      onProgress: () => () => undefined,
      upload: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'unused' } }),
    };
    const { env, replaced } = fakeEnv('#token=ignored', {}, bridge);
    expect(chooseTransport(env).kind).toBe('electron');
    expect(replaced).toEqual([]);
  });

  it('moves the launch token into sessionStorage and out of the address bar', () => {
    const { env, storage, replaced } = fakeEnv('#token=secret');
    expect(chooseTransport(env).kind).toBe('browser');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('secret');
    expect(replaced).toEqual(['/']);
  });

  it('reuses the stored token after a reload without touching history', () => {
    const { env, replaced } = fakeEnv('#/clients', { [TOKEN_STORAGE_KEY]: 'secret' });
    expect(chooseTransport(env).kind).toBe('browser');
    expect(replaced).toEqual([]);
  });

  it('reports a missing token instead of calling the server without one', () => {
    const { env } = fakeEnv('');
    expect(chooseTransport(env).kind).toBe('no-token');
  });

  it('does not mistake an object without the bridge functions for a bridge', () => {
    const { env } = fakeEnv('', {}, { call: () => undefined });
    expect(chooseTransport(env).kind).toBe('no-token');
  });
});
