import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/security.js';
import { readStaticFile } from '../server/static-files.js';
import { APP_HOST, APP_SCHEME } from './app-url.js';

/** Where the built renderer sits relative to the bundled main process (dist/electron → dist/renderer). */
export function rendererRoot(bundleDir: string): string {
  return path.join(bundleDir, '..', 'renderer');
}

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URLs,
 * `secure` makes it a secure context like https, `supportFetchAPI` lets the renderer fetch its own assets.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(`${status} ${text}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
  });
}

/** Answers one request for the app's own pages from the built renderer, never from elsewhere on disk. */
export function rendererResponse(root: string, request: { method: string; url: string }): Response {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'Bad Request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not Found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
  const file = readStaticFile(root, url.pathname);
  if (file === null) return plain(404, 'Not Found');
  const headers = {
    'Content-Type': file.contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers });
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(root, request));
}
