import { useCallback, useState } from 'react';
import type { PageState } from '../../api/query-state.js';

/**
 * The state a child view reports, tied to what the child shows (a run id, a tab). Until the child for the current
 * key has reported, it counts as loading: otherwise the render that mounts a new child would still carry the old
 * child's "ready", and a test waiting on the page marker could read a view that has not loaded yet.
 */
export function useChildState(key: string | number | null): [PageState, (s: PageState) => void] {
  const [reported, setReported] = useState<{ key: string | number | null; state: PageState }>({ key: null, state: 'loading' });
  const report = useCallback((state: PageState) => setReported({ key, state }), [key]);
  return [reported.key === key ? reported.state : 'loading', report];
}
