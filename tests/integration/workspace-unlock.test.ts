import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOrLock } from '../../electron/app-gate.js';
import type { AppGate } from '../../electron/app-gate.js';
import { startBrowserServer } from '../../electron/server/browser-server.js';
import { registerIpc } from '../../electron/shell/ipc.js';
import { IPC_CHANNELS } from '../../shared/api/bridge.js';
import type { ApiResult } from '../../shared/api/errors.js';
import type { BrowserServer } from '../../electron/server/browser-server.js';
import { envelopeFileOf, newWorkspaceKey, sealEnvelope, writeEnvelope } from '../../electron/security/key-envelope.js';
import { UnlockThrottle } from '../../electron/security/unlock-throttle.js';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { openStore } from '../../electron/store/store.js';
import { UPLOAD_PATH } from '../../shared/api/client.js';
import { createHttpClient } from '../../shared/api/http-client.js';
import { WORKER_FILE } from '../helpers/app.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * An encrypted workspace started without its key (browser mode's `serve` with no BW_PASSPHRASE): the server runs
 * locked behind the same token and Host/Origin checks, refuses every ordinary call with WORKSPACE_LOCKED, throttles
 * wrong passphrases, and once the right one is typed is the ordinary app, sign-in included.
 */
const tmp = makeTempDir('unlock');
const PASS = '支行 workspace passphrase 2026!';
const RECOVERY = 'recovery phrase for the admin 2026';
const ADMIN = { username: 'admin', displayName: '管理员', password: 'Unlock#Pass2026' };
let now = Date.parse('2026-11-23T09:00:00+08:00');
const clock = { now: () => new Date(now) };
const toClose: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const close of toClose.reverse()) await close();
  tmp.cleanup();
});

function encryptedStore(name: string, passphrase: string): string {
  const file = path.join(tmp.dir, name);
  openStore(file, { passphrase }).close();
  return file;
}

async function serveGate(gate: AppGate): Promise<{ server: BrowserServer; client: ReturnType<typeof createHttpClient> }> {
  const staticDir = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  const server = await startBrowserServer(gate, { staticDir });
  toClose.push(() => gate.close(), () => server.close());
  return { server, client: createHttpClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token, locale: () => 'en' }) };
}

function raw(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('unlock throttle', () => {
  it('lets three wrong passphrases through, then waits 5 s, doubling up to 5 minutes', () => {
    const t = new UnlockThrottle();
    const waits: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      t.fail(1_000);
      waits.push(t.waitMs(1_000));
    }
    // 1st, 2nd free; 3rd → 5 s, 4th → 10 s … 8th → 160 s, then the 300 s cap.
    expect(waits).toEqual([0, 0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(t.waitMs(1_000 + 300_000)).toBe(0);
  });
});

describe('browser mode on a locked encrypted workspace', () => {
  let gate: AppGate;
  let server: BrowserServer;
  let client: ReturnType<typeof createHttpClient>;

  it('starts locked and says so in system.info', async () => {
    const file = encryptedStore('locked.db', PASS);
    gate = openOrLock({ storeFile: file, mode: 'browser', workerFile: WORKER_FILE, clock, keyFromEnvironment: () => undefined });
    expect(gate.current()).toBeNull();
    ({ server, client } = await serveGate(gate));
    const info = await client.call('system.info', {});
    expect(info).toMatchObject({ ok: true, value: { locked: true, unlockWith: 'passphrase', storeFile: file, mode: 'browser' } });
  });

  it('keeps the token and Host/Origin checks exactly as for an open workspace', async () => {
    const host = `127.0.0.1:${server.port}`;
    expect((await raw(server.port, 'POST', '/api/call/system.unlock', { 'content-type': 'application/json', host }, '{"input":{"passphrase":"x"}}')).status).toBe(401);
    expect((await raw(server.port, 'POST', '/api/call/system.unlock', { 'content-type': 'application/json', host, 'x-workbench-token': 'guess' }, '{}')).status).toBe(403);
    expect((await raw(server.port, 'POST', '/api/call/system.info', { 'content-type': 'application/json', host: 'evil.example', 'x-workbench-token': server.token }, '{}')).status).toBe(403);
    expect(
      (await raw(server.port, 'POST', '/api/call/system.info', { 'content-type': 'application/json', host, origin: 'http://evil.example', 'x-workbench-token': server.token }, '{}')).status,
    ).toBe(403);
  });

  it('refuses every ordinary operation and uploads with WORKSPACE_LOCKED', async () => {
    for (const [name, input] of [
      ['preferences.get', {}],
      ['auth.status', {}],
      ['auth.setup', ADMIN],
      ['auth.login', { username: 'admin', password: 'x' }],
      ['clients.list', {}],
      ['system.summary', {}],
    ] as const) {
      expect(await client.call(name, input as never), name).toMatchObject({ ok: false, error: { code: 'WORKSPACE_LOCKED' } });
    }
    const upload = await raw(server.port, 'POST', UPLOAD_PATH, { host: `127.0.0.1:${server.port}`, 'x-workbench-token': server.token, 'content-type': 'application/octet-stream' }, 'a,b\n');
    expect(JSON.parse(upload.body)).toMatchObject({ ok: false, error: { code: 'WORKSPACE_LOCKED' } });
    expect(await client.call('system.unlock', { passphrase: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a wrong passphrase with STORE_KEY and throttles repeated failures, the right one included', async () => {
    const first = await client.call('system.unlock', { passphrase: 'wrong one' });
    expect(first).toMatchObject({ ok: false, error: { code: 'STORE_KEY', details: { retryAfterMs: 0 } } });
    expect(!first.ok && first.error.message).toMatch(/is encrypted: the passphrase is wrong/);
    expect(await client.call('system.unlock', { passphrase: 'wrong two' })).toMatchObject({ ok: false, error: { code: 'STORE_KEY', details: { retryAfterMs: 0 } } });
    // The third wrong one in a row starts the wait: 5 s.
    expect(await client.call('system.unlock', { passphrase: 'wrong three' })).toMatchObject({ ok: false, error: { code: 'STORE_KEY', details: { retryAfterMs: 5_000 } } });
    now += 2_000;
    const early = await client.call('system.unlock', { passphrase: PASS });
    expect(early).toMatchObject({ ok: false, error: { code: 'STORE_KEY', details: { throttled: true, retryAfterMs: 3_000 } } });
    expect(!early.ok && early.error.message).toMatch(/try again in 3 s/);
    expect(gate.current()).toBeNull();
    now += 2_999;
    expect(await client.call('system.unlock', { passphrase: 'wrong four' })).toMatchObject({ ok: false, error: { details: { throttled: true, retryAfterMs: 1 } } });
    expect(await client.call('clients.list', {})).toMatchObject({ ok: false, error: { code: 'WORKSPACE_LOCKED' } });
  });

  it('opens with the right passphrase once the wait is over; then setup, sign-in and ordinary calls work', async () => {
    now += 1;
    expect(await client.call('system.unlock', { passphrase: PASS })).toEqual({ ok: true, value: { open: true } });
    const app = gate.current();
    expect(app).not.toBeNull();
    const info = await client.call('system.info', {});
    expect(info).toMatchObject({ ok: true, value: { locked: false, schemaVersion: MIGRATIONS.length } });
    expect(await client.call('auth.status', {})).toMatchObject({ ok: true, value: { setupNeeded: true } });
    expect(await client.call('clients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await client.call('auth.setup', ADMIN)).toMatchObject({ ok: true });
    expect(await client.call('clients.list', {})).toMatchObject({ ok: true });
    const second = createHttpClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token, locale: () => 'en' });
    expect(await second.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: true });
    expect(await second.call('system.summary', {})).toMatchObject({ ok: true, value: { clients: 0 } });
    // A second unlock (another tab) changes nothing.
    expect(await second.call('system.unlock', { passphrase: 'anything' })).toEqual({ ok: true, value: { open: true } });
  });

  it('records the failed attempts since start in one audit entry, without any passphrase', () => {
    const store = gate.current()?.services.store;
    if (store === undefined) throw new Error('not open');
    const rows = store.db.prepare("SELECT action, outcome, detail FROM audit_log WHERE action = 'workspace.unlock'").all() as Array<{ action: string; outcome: string; detail: string }>;
    expect(rows).toHaveLength(1);
    const detail = JSON.parse(rows[0]?.detail ?? '{}') as { failedAttempts: number; throttledAttempts: number; attempts: Array<{ outcome: string }> };
    // Attempts above: wrong one, two, three (wrong); PASS early and wrong four (throttled).
    expect(detail.failedAttempts).toBe(3);
    expect(detail.throttledAttempts).toBe(2);
    expect(detail.attempts.map((a) => a.outcome)).toEqual(['wrong', 'wrong', 'wrong', 'throttled', 'throttled']);
    const everything = JSON.stringify(store.db.prepare('SELECT * FROM audit_log').all());
    for (const secret of [PASS, 'wrong one', 'wrong four']) expect(everything.includes(secret), secret).toBe(false);
  });
});

describe('what does not change', () => {
  it('a plain workspace opens at once, whatever the gate', async () => {
    const file = path.join(tmp.dir, 'plain.db');
    const gate = openOrLock({ storeFile: file, mode: 'browser', workerFile: WORKER_FILE, clock, keyFromEnvironment: () => undefined });
    expect(gate.current()).not.toBeNull();
    const { client } = await serveGate(gate);
    expect(await client.call('system.info', {})).toMatchObject({ ok: true, value: { locked: false, schemaVersion: MIGRATIONS.length } });
    expect(await client.call('auth.status', {})).toMatchObject({ ok: true, value: { setupNeeded: true } });
    expect(await client.call('clients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a plain workspace given a passphrase still fails to start (STORE_KEY), rather than waiting locked', () => {
    const file = path.join(tmp.dir, 'plain.db');
    expect(() => openOrLock({ storeFile: file, mode: 'browser', workerFile: WORKER_FILE, clock, keyFromEnvironment: () => 'not needed' })).toThrow(/not encrypted/);
  });

  it('an encrypted workspace with its key in the environment opens at once', () => {
    const file = encryptedStore('env-key.db', PASS);
    const gate = openOrLock({ storeFile: file, mode: 'browser', workerFile: WORKER_FILE, clock, keyFromEnvironment: () => PASS });
    toClose.push(() => gate.close());
    expect(gate.current()?.services.store.schemaVersion).toBe(MIGRATIONS.length);
  });
});

describe('a workspace with a key envelope', () => {
  it('asks for the recovery passphrase and opens with the key it unwraps', async () => {
    const key = newWorkspaceKey();
    const file = encryptedStore('protected.db', key);
    writeEnvelope(envelopeFileOf(file), sealEnvelope(key, RECOVERY, null));
    const gate = openOrLock({ storeFile: file, mode: 'browser', workerFile: WORKER_FILE, clock, keyFromEnvironment: () => undefined });
    const { client } = await serveGate(gate);
    expect(await client.call('system.info', {})).toMatchObject({ ok: true, value: { locked: true, unlockWith: 'recovery' } });
    const wrong = await client.call('system.unlock', { passphrase: 'not the recovery phrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'STORE_KEY' } });
    expect(!wrong.ok && wrong.error.message).toMatch(/recovery passphrase is wrong/);
    // The store's own key typed directly is not the recovery passphrase either.
    expect(await client.call('system.unlock', { passphrase: key })).toMatchObject({ ok: false, error: { code: 'STORE_KEY' } });
    expect(await client.call('system.unlock', { passphrase: RECOVERY })).toEqual({ ok: true, value: { open: true } });
    expect(await client.call('auth.status', {})).toMatchObject({ ok: true, value: { setupNeeded: true } });
  });
});

describe('the Electron shell’s IPC on a locked workspace', () => {
  it('answers only system.info and system.unlock, with anonymous windows, until unlocked; then signs the window in', async () => {
    const file = encryptedStore('ipc.db', PASS);
    const gate = openOrLock({ storeFile: file, mode: 'electron', workerFile: WORKER_FILE, clock, keyFromEnvironment: () => undefined });
    toClose.push(() => gate.close());
    // A stand-in for Electron's ipcMain: records the handlers registerIpc installs, so the test can invoke them.
    type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
    const handlers = new Map<string, Handler>();
    const ipcMain = {
      handle: (channel: string, h: Handler) => handlers.set(channel, h),
      on: () => ipcMain,
      removeHandler: (channel: string) => handlers.delete(channel),
      removeListener: () => ipcMain,
    };
    const registration = registerIpc(ipcMain as never, {
      dispatcher: gate.dispatcher,
      uploads: () => gate.current()?.services.uploads ?? null,
      sessions: () => gate.current()?.services.sessions ?? null,
    });
    toClose.push(() => registration.dispose());
    const event = { sender: { id: 3, isDestroyed: () => true, send: () => undefined }, senderFrame: { url: 'app://workbench/index.html', parent: null } };
    let n = 0;
    const call = (name: string, input: unknown) => handlers.get(IPC_CHANNELS.call)?.(event, name, input, `c${(n += 1)}`) as Promise<ApiResult<unknown>>;
    const upload = () => handlers.get(IPC_CHANNELS.upload)?.(event, 'a.csv', new Uint8Array([97, 10])) as Promise<ApiResult<unknown>>;

    expect(await call('system.info', {})).toMatchObject({ ok: true, value: { locked: true, mode: 'electron' } });
    // Not the local administrator: a locked gate never falls back to the registry-less bridge's admin session.
    expect(await call('auth.setup', ADMIN)).toMatchObject({ ok: false, error: { code: 'WORKSPACE_LOCKED' } });
    expect(await call('clients.list', {})).toMatchObject({ ok: false, error: { code: 'WORKSPACE_LOCKED' } });
    expect(await upload()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('system.unlock', { passphrase: 'wrong' })).toMatchObject({ ok: false, error: { code: 'STORE_KEY' } });
    expect(await call('system.unlock', { passphrase: PASS })).toEqual({ ok: true, value: { open: true } });
    expect(await call('clients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('auth.setup', ADMIN)).toMatchObject({ ok: true });
    expect(await call('clients.list', {})).toMatchObject({ ok: true });
    expect(await upload()).toMatchObject({ ok: true });
  });
});

describe('the real serve command', () => {
  it('starts locked without BW_PASSPHRASE, logs every attempt to the app log and never the passphrase', async () => {
    const file = encryptedStore('serve.db', PASS);
    const env: NodeJS.ProcessEnv = { ...process.env, BW_LOG_LEVEL: 'info' };
    delete env['BW_PASSPHRASE'];
    delete env['BW_RECOVERY_PASSPHRASE'];
    const child = spawn(process.execPath, [path.resolve('dist/cli.cjs'), 'serve', '--db', file, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const started = await new Promise<{ url: string; port: number; locked: boolean }>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`serve exited ${String(code)}: ${stderr}`)));
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        try {
          resolve(JSON.parse(stdout) as { url: string; port: number; locked: boolean });
        } catch {
          // not a whole document yet
        }
      });
    });
    try {
      expect(started.locked).toBe(true);
      const client = createHttpClient({ baseUrl: `http://127.0.0.1:${started.port}`, token: new URL(started.url).hash.replace('#token=', ''), locale: () => 'en' });
      expect(await client.call('system.unlock', { passphrase: 'a wrong guess 123' })).toMatchObject({ ok: false, error: { code: 'STORE_KEY' } });
      expect(await client.call('system.unlock', { passphrase: PASS })).toEqual({ ok: true, value: { open: true } });
      expect(await client.call('auth.status', {})).toMatchObject({ ok: true, value: { setupNeeded: true } });
    } finally {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    }
    expect(stderr).toMatch(/starting locked/);
    expect(stderr).toMatch(/unlock attempt failed: wrong passphrase/);
    expect(stderr).toMatch(/workspace unlocked in the window .*"failedAttempts":1/);
    expect(stderr.includes(PASS)).toBe(false);
    expect(stderr.includes('a wrong guess 123')).toBe(false);
  });
});
