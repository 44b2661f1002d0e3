import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The Content-Security-Policy of every page: nothing but our own origin, no inline scripts, no network. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // MUI (emotion) injects <style> elements at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Browser mode answers only requests addressed to the loopback server itself:
 * the Host header must name it (defeats DNS rebinding) and any Origin must be ours (defeats other sites).
 */
export function checkOrigin(req: IncomingMessage, port: number): string | null {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = req.headers.host;
  if (host === undefined || !allowedHosts.has(host.toLowerCase())) return `foreign Host header: ${host ?? '(none)'}`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    const allowed = [...allowedHosts].map((h) => `http://${h}`);
    if (!allowed.includes(origin.toLowerCase())) return `foreign Origin header: ${origin}`;
  } else if (origin === 'null') {
    return 'opaque Origin';
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-site request';
  return null;
}
