import { useCallback, useState } from 'react';
import type { ApiError, ApiResult } from '../../../shared/api/errors.js';
import { thrownToError } from './query-state.js';

/**
 * One edit at a time (save, lock, publish …): busy while it runs — the page shows `data-state="loading"` so nothing
 * reads a grid about to change — and the refusal kept to show in place.
 */
export function useAction(): {
  busy: boolean;
  error: ApiError | null;
  clearError: () => void;
  run: <T>(call: () => Promise<ApiResult<T>>, then?: (value: T) => void) => Promise<ApiResult<T>>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<ApiResult<T>>, then?: (value: T) => void): Promise<ApiResult<T>> => {
    setBusy(true);
    setError(null);
    try {
      const r = await call();
      if (r.ok) then?.(r.value);
      else setError(r.error);
      return r;
    } catch (e) {
      const failure = { ok: false as const, error: thrownToError(e) };
      setError(failure.error);
      return failure;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, clearError: useCallback(() => setError(null), []), run };
}
