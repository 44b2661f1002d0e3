import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../shared/api/http-client.js';
import { startBrowserServer } from '../../electron/server/browser-server.js';
import type { BrowserServer } from '../../electron/server/browser-server.js';
import { makeTestApp } from '../helpers/app.js';

let t: ReturnType<typeof makeTestApp>;
let server: BrowserServer;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch, so tests can forge Host and Origin headers like a hostile page would. */
function raw(method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  t = makeTestApp('server');
  const staticDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>bw</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'do not serve');
  server = await startBrowserServer(t.app, { staticDir });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in its fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{40,}$`));
  });

  it('refuses an API request without the token with 401', async () => {
    const r = await raw('POST', '/api/call/system.info', { ...json, host: `127.0.0.1:${server.port}` }, '{}');
    expect(r.status).toBe(401);
  });

  it('refuses a wrong token with 403', async () => {
    const r = await raw('POST', '/api/call/system.info', { ...json, host: `127.0.0.1:${server.port}`, 'x-workbench-token': 'guess' }, '{}');
    expect(r.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await raw('POST', '/api/call/system.info', { ...json, host: 'evil.example:80', 'x-workbench-token': server.token }, '{}');
    expect(r.status).toBe(403);
    const page = await raw('GET', '/', { host: `attacker.test:${server.port}` });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin header even with the token', async () => {
    const r = await raw(
      'POST',
      '/api/call/system.info',
      { ...json, host: `127.0.0.1:${server.port}`, origin: 'http://evil.example', 'x-workbench-token': server.token },
      '{}',
    );
    expect(r.status).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a proper call with an NDJSON result line', async () => {
    const r = await raw(
      'POST',
      '/api/call/system.info',
      { ...json, host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}`, 'x-workbench-token': server.token },
      '{"input":{}}',
    );
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    const last = JSON.parse(r.body.trim().split('\n').pop() ?? '') as { type: string; result: { ok: boolean } };
    expect(last.type).toBe('result');
    expect(last.result.ok).toBe(true);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await raw('GET', '/', { host: `127.0.0.1:${server.port}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const deep = await raw('GET', '/clients/123', { host: `127.0.0.1:${server.port}` });
    expect(deep.body).toContain('<title>bw</title>');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await raw('GET', p, { host: `127.0.0.1:${server.port}` });
      expect(r.body).not.toContain('do not serve');
    }
  });

  it('works through the typed HTTP client, including typed errors', async () => {
    const client = createHttpClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token, locale: () => 'en' });
    const info = await client.call('system.info', {});
    expect(info.ok && info.value.schemaVersion).toBeGreaterThan(0);
    // Signed out, only the public operations answer; the client keeps the session once signed in.
    expect(await client.call('clients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await client.call('auth.setup', { username: 'admin', displayName: 'Admin', password: 'Server#Pass2026' })).toMatchObject({ ok: true });
    expect(await client.call('clients.list', {})).toMatchObject({ ok: true });
    const bad = await client.call('clients.list', { limit: 100000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wrong = createHttpClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: 'nope' });
    expect(await wrong.call('system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
