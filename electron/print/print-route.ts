import type { PrintFonts } from './fonts.js';
import { FONT_CSS_PATH, FONT_FILE_PREFIX } from './page.js';

/**
 * Every request of a print page is answered from memory. The sheet holds bank data, and the product never writes
 * a plaintext copy of bank data to disk, so there is no temp HTML file; the page is instead loaded from a fixed
 * origin that cannot exist (`.invalid` is reserved, RFC 2606) and the printer intercepts every request to it.
 * An https origin also avoids `setContent`, under which Chromium would not load the web fonts.
 */
export const PRINT_ORIGIN = 'https://print.workbench.invalid';
export const PRINT_PAGE_PATH = '/sheet.html';
export const PRINT_PAGE_URL = `${PRINT_ORIGIN}${PRINT_PAGE_PATH}`;

/** The page may use its inline styles and our fonts; no script, no other origin, no form, no frame. */
export const PRINT_CSP = `default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src data:; script-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`;

export interface PrintResponse {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The answer to one request of the print page, or null when it must be refused (anything not ours). */
export function answerPrintRequest(method: string, url: string, documentHtml: string, fonts: PrintFonts): PrintResponse | null {
  if (method !== 'GET') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== PRINT_ORIGIN) return null;
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (parsed.pathname === PRINT_PAGE_PATH) {
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { ...headers, 'Content-Security-Policy': PRINT_CSP },
      body: Buffer.from(documentHtml, 'utf8'),
    };
  }
  if (parsed.pathname === FONT_CSS_PATH) {
    return { status: 200, contentType: 'text/css; charset=utf-8', headers, body: Buffer.from(fonts.css(FONT_FILE_PREFIX), 'utf8') };
  }
  if (parsed.pathname.startsWith(FONT_FILE_PREFIX)) {
    const bytes = fonts.read(parsed.pathname.slice(FONT_FILE_PREFIX.length));
    if (bytes !== null) return { status: 200, contentType: 'font/woff2', headers, body: bytes };
  }
  return null;
}
