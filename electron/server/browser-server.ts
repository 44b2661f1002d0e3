import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WireMessage } from '../../shared/api/client.js';
import { API_PATH_PREFIX, FILE_NAME_HEADER, SESSION_HEADER, TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api/client.js';
import type { UploadInfo } from '../../shared/api/client.js';
import { ADMIN_ONLY } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/errors.js';
import { pickText } from '../../shared/i18n/locale.js';
import { isAppError } from '../platform/app-error.js';
import { LOCALES } from '../../shared/i18n/locale.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { App } from '../app.js';
import type { AppGate } from '../app-gate.js';
import type { Dispatcher } from '../api/dispatcher.js';
import { anonymousSession } from '../security/sessions.js';
import type { Session } from '../api/types.js';
import { createLogger } from '../platform/log.js';
import { CONTENT_SECURITY_POLICY, checkOrigin, newToken, tokensEqual } from './security.js';
import { readStaticFile } from './static-files.js';

const log = createLogger('browser-server');
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export interface BrowserServer {
  /** The URL to open: carries the per-launch token in its fragment, which never reaches server logs. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  staticDir: string;
  port?: number;
  token?: string;
  /** Who the browser session acts as; a local administrator until accounts exist. */
  session?: (locale: Locale) => Session;
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function refuse(res: http.ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${status} ${reason}\n`);
}

function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function localeOf(req: http.IncomingMessage): Locale {
  const value = req.headers['x-workbench-locale'];
  return (LOCALES as readonly string[]).includes(String(value)) ? (value as Locale) : 'zh-CN';
}

async function handleApi(dispatcher: Pick<Dispatcher, 'call'>, req: http.IncomingMessage, res: http.ServerResponse, opName: string, session: Session) {
  if (req.method !== 'POST') return refuse(res, 405, 'Method Not Allowed');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Unsupported Media Type');
  let input: unknown;
  try {
    const body = (await readBody(req)).toString('utf8');
    input = body === '' ? {} : (JSON.parse(body) as { input?: unknown }).input;
  } catch (e) {
    return refuse(res, 400, `Bad Request: ${e instanceof Error ? e.message : String(e)}`);
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  const send = (m: WireMessage): void => {
    if (!res.writableEnded) res.write(`${JSON.stringify(m)}\n`);
  };
  const result = await dispatcher.call(opName, input, {
    session,
    signal: controller.signal,
    onProgress: (progress) => send({ type: 'progress', progress }),
  });
  send({ type: 'result', result });
  res.end();
}

/** Receives a file for import into memory (never to disk) and answers with its upload id. */
async function handleUpload(app: App | null, req: http.IncomingMessage, res: http.ServerResponse, session: Session): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'Method Not Allowed');
  const reply = (result: ApiResult<UploadInfo>): void => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(result));
  };
  if (app === null) {
    return reply({ ok: false, error: { code: 'WORKSPACE_LOCKED', message: pickText({ zh: '工作区尚未解锁', en: 'The workspace is still locked' }, session.locale) } });
  }
  if (!session.authenticated || !ADMIN_ONLY.includes(session.role)) {
    return reply({ ok: false, error: { code: 'FORBIDDEN', message: pickText({ zh: '当前角色无权导入数据', en: 'Your role may not import data' }, session.locale) } });
  }
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? 'upload')).replace(/[\\/\0]/g, '_') || 'upload';
  } catch {
    name = 'upload';
  }
  let body: Buffer;
  try {
    body = await readBody(req, MAX_UPLOAD_BYTES);
  } catch {
    return refuse(res, 413, 'Payload Too Large');
  }
  try {
    const upload = app.services.uploads.put(name, body);
    reply({ ok: true, value: { uploadId: upload.id, name: upload.name, size: upload.size } });
  } catch (e) {
    if (isAppError(e)) return reply({ ok: false, error: { code: e.code, message: pickText(e.text, session.locale) } });
    throw e;
  }
}

function isGate(app: App | AppGate): app is AppGate {
  return 'current' in app;
}

/**
 * Serves the built renderer and the API on 127.0.0.1 only, guarded by a per-launch token. Given an AppGate (an
 * encrypted workspace that may start locked, electron/app-gate.ts) the same checks apply; only what answers changes.
 */
export async function startBrowserServer(served: App | AppGate, opts: BrowserServerOptions): Promise<BrowserServer> {
  const live = (): App | null => (isGate(served) ? served.current() : served);
  const token = opts.token ?? newToken();
  // The signed-in user's session from the x-workbench-session header; without one only public operations run.
  const makeSession =
    opts.session === undefined
      ? (req: http.IncomingMessage): Session => {
          const locale = localeOf(req);
          const header = req.headers[SESSION_HEADER];
          return live()?.services.sessions.resolve(Array.isArray(header) ? header[0] : header, locale) ?? anonymousSession(locale);
        }
      : (req: http.IncomingMessage): Session => (opts.session as (l: Locale) => Session)(localeOf(req));
  let port = 0;
  const server = http.createServer((req, res) => {
    securityHeaders(res);
    const problem = checkOrigin(req, port);
    if (problem !== null) {
      log.warn('refused request', { reason: problem, url: req.url });
      return refuse(res, 403, `Forbidden: ${problem}`);
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const given = req.headers[TOKEN_HEADER];
      if (given === undefined) return refuse(res, 401, 'Unauthorized: missing token');
      if (!tokensEqual(Array.isArray(given) ? given[0] : given, token)) return refuse(res, 403, 'Forbidden: wrong token');
      if (url.pathname === UPLOAD_PATH) {
        handleUpload(live(), req, res, makeSession(req)).catch((e: unknown) => {
          log.error('upload failed', { error: String(e) });
          if (!res.headersSent) refuse(res, 500, 'Internal Server Error');
        });
        return;
      }
      if (!url.pathname.startsWith(API_PATH_PREFIX)) return refuse(res, 404, 'Not Found');
      const opName = url.pathname.slice(API_PATH_PREFIX.length);
      handleApi(served.dispatcher, req, res, opName, makeSession(req)).catch((e: unknown) => {
        log.error('api request failed', { error: String(e) });
        if (!res.headersSent) refuse(res, 500, 'Internal Server Error');
        else res.end();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method Not Allowed');
    const file = readStaticFile(opts.staticDir, url.pathname);
    if (file === null) return refuse(res, 404, 'Not Found');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
