/** The pages of the shell, in navigation order. The keys appear in URLs (`#/clients`) and test ids. */
export const PAGE_KEYS = [
  'dashboard',
  'clients',
  'segments',
  'managers',
  'assignment',
  'coverage',
  'handover',
  'targets',
  'tasks',
  'worklog',
  'evaluation',
  'reports',
  'templates',
  'package',
  'import',
  'settings',
] as const;

export type PageKey = (typeof PAGE_KEYS)[number];

/**
 * Pages a role is offered in the navigation (the server refuses what a role may not do in any case): client
 * managers work with their own clients, tasks and sheets; imports are the administrator's.
 */
export function pagesFor(role: 'admin' | 'supervisor' | 'manager'): readonly PageKey[] {
  if (role === 'admin') return PAGE_KEYS;
  if (role === 'supervisor') return PAGE_KEYS.filter((p) => p !== 'import');
  return PAGE_KEYS.filter((p) => ['dashboard', 'clients', 'tasks', 'worklog', 'evaluation', 'settings'].includes(p));
}

export const DEFAULT_PAGE: PageKey = 'dashboard';

export function isPageKey(value: string): value is PageKey {
  return (PAGE_KEYS as readonly string[]).includes(value);
}

/**
 * Reads the page from a location hash such as `#/clients`. Anything else (empty hash, unknown page,
 * the `#token=` of the launch URL) falls back to the dashboard, so a stale bookmark never shows a blank page.
 */
export function parseHashRoute(hash: string): PageKey {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('/')) return DEFAULT_PAGE;
  const path = body.slice(1).split(/[?&#]/, 1)[0] ?? '';
  const key = path.split('/')[0] ?? '';
  return isPageKey(key) ? key : DEFAULT_PAGE;
}

/**
 * What follows the page in the hash, e.g. the client id in `#/clients/123` or the org unit in `#/managers/7`;
 * null when there is none.
 */
export function parseRouteParam(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('/')) return null;
  const [, , param] = (body.split(/[?&#]/, 1)[0] ?? '').split('/');
  return param === undefined || param === '' ? null : decodeURIComponent(param);
}

export function hrefFor(page: PageKey, param?: string | number): string {
  return param === undefined ? `#/${page}` : `#/${page}/${encodeURIComponent(String(param))}`;
}
