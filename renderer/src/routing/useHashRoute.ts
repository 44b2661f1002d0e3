import { useSyncExternalStore } from 'react';
import { parseHashRoute, parseRouteParam } from './routes.js';
import type { PageKey } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPage(): PageKey {
  return parseHashRoute(window.location.hash);
}

/** The current page, following the location hash (links are plain `href="#/clients"` anchors). */
export function useHashRoute(): PageKey {
  return useSyncExternalStore(subscribe, currentPage);
}

function currentParam(): string | null {
  return parseRouteParam(window.location.hash);
}

/** The part of the hash after the page (`#/clients/123` → "123"), or null. */
export function useRouteParam(): string | null {
  return useSyncExternalStore(subscribe, currentParam);
}
