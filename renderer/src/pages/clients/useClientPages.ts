import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { ClientFilters } from '../../../../shared/model/client-filters.js';
import type { ClientRow } from '../../../../shared/model/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';

/** Rows fetched per request; the table renders only those in view. */
export const CLIENT_PAGE_SIZE = 200;
/** Past this many rows loaded, narrow the filters instead of scrolling on (the count says how many match). */
export const MAX_LOADED_ROWS = 20_000;

export interface ClientPages {
  /** The rows loaded so far for these filters, in client order. */
  rows: readonly ClientRow[];
  state: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  /** More rows exist after the last loaded one. */
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The client list for a set of filters, loaded page by page (keyset cursor) as the table scrolls near its end.
 * A change of filters starts over and drops any answer still in flight for the old ones.
 */
export function useClientPages(filters: ClientFilters): ClientPages {
  const api = useApi();
  const key = JSON.stringify(filters);
  const [pages, setPages] = useState<{ key: string; rows: ClientRow[]; next: number | null; state: ClientPages['state']; error: ApiError | null }>({
    key,
    rows: [],
    next: null,
    state: 'loading',
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const inFlight = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (after: number | null, forKey: string) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const input = { ...(JSON.parse(forKey) as ClientFilters), limit: CLIENT_PAGE_SIZE, ...(after === null ? {} : { after }) };
      api
        .call('clients.list', input, { signal: controller.signal })
        .then((r) => {
          if (controller.signal.aborted) return;
          setPages((p) => {
            if (p.key !== forKey) return p;
            if (!r.ok) return { ...p, state: 'error', error: r.error };
            return { key: forKey, rows: after === null ? r.value.rows : [...p.rows, ...r.value.rows], next: r.value.nextCursor, state: 'ready', error: null };
          });
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setPages((p) => (p.key === forKey ? { ...p, state: 'error', error: thrownToError(e) } : p));
        });
    },
    [api],
  );

  useEffect(() => {
    setPages({ key, rows: [], next: null, state: 'loading', error: null });
    fetchPage(null, key);
    return () => inFlight.current?.abort();
  }, [key, generation, fetchPage]);

  const current = pages.key === key ? pages : { key, rows: [], next: null, state: 'loading' as const, error: null };
  const hasMore = current.next !== null && current.rows.length < MAX_LOADED_ROWS;
  const loadMore = useCallback(() => {
    if (current.state !== 'ready' || current.next === null || current.rows.length >= MAX_LOADED_ROWS) return;
    setPages((p) => ({ ...p, state: 'loading' }));
    fetchPage(current.next, key);
  }, [current.state, current.next, current.rows.length, fetchPage, key]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { rows: current.rows, state: current.state, error: current.error, hasMore, loadMore, reload };
}
