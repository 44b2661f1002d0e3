import { useSyncExternalStore } from 'react';
import { parseHashRoute } from './routes.js';
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
