/** The pages of the shell, in navigation order. The keys appear in URLs (`#/clients`) and test ids. */
export const PAGE_KEYS = [
  'dashboard',
  'clients',
  'managers',
  'assignment',
  'tasks',
  'evaluation',
  'reports',
  'import',
  'settings',
] as const;

export type PageKey = (typeof PAGE_KEYS)[number];

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
  const key = path.replace(/\/+$/, '');
  return isPageKey(key) ? key : DEFAULT_PAGE;
}

export function hrefFor(page: PageKey): string {
  return `#/${page}`;
}
