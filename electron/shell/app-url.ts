/**
 * The desktop app's own origin. The renderer is served from a privileged custom scheme rather than
 * `file://`, so it has a real origin that the CSP, the navigation guards and the IPC sender check
 * can all name, and so nothing the renderer loads comes from the file system at large.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Schemes a request may use: our own, plus those that never leave the process. */
const LOCAL_SCHEMES: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, 'data:', 'blob:']);
/** DevTools loads its own front end under this scheme; it only runs when not packaged. */
const DEVTOOLS_SCHEME = 'devtools:';

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL belongs to the app itself. Compares scheme and host explicitly: WHATWG gives
 * non-special schemes an opaque origin ("null"), so `url.origin` cannot be used for `app://`.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** Whether the session lets a request through; everything else is cancelled, so no request leaves the machine. */
export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return LOCAL_SCHEMES.has(parsed.protocol) || parsed.protocol === DEVTOOLS_SCHEME;
}
