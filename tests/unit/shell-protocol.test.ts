import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAppScheme, rendererResponse, rendererRoot, serveRenderer } from '../../electron/shell/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/security.js';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-protocol-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(root), 'bw-protocol-secret.txt'), 'secret');
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(root), 'bw-protocol-secret.txt'), { force: true });
});

const get = (url: string, method = 'GET') => rendererResponse(root, { method, url });

describe('app:// protocol', () => {
  it('registers one privileged scheme: standard, secure, fetchable', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built renderer from dist/renderer next to dist/electron', () => {
    expect(rendererRoot(path.join('/opt', 'app', 'dist', 'electron'))).toBe(path.join('/opt', 'app', 'dist', 'renderer'));
    let scheme = '';
    serveRenderer({ handle: (s) => (scheme = s) }, root);
    expect(scheme).toBe('app');
  });

  it('answers with the file, the CSP and nosniff', async () => {
    const res = get('app://workbench/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>x</title>');
    const asset = get('app://workbench/assets/index-abc.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = get('app://workbench/clients/42');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>x</title>');
  });

  it('serves nothing outside the renderer folder, for another host, or for other methods', () => {
    expect(get('app://workbench/../bw-protocol-secret.txt').status).toBe(404);
    expect(get('app://workbench/%2e%2e/bw-protocol-secret.txt').status).toBe(404);
    expect(get('app://workbench/missing.js').status).toBe(404);
    expect(get('app://other/index.html').status).toBe(404);
    expect(get('app://workbench/index.html', 'POST').status).toBe(405);
    expect(get('app://workbench/index.html').headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers HEAD without a body', async () => {
    const res = get('app://workbench/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
