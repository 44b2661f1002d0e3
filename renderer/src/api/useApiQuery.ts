import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../../shared/api/index.js';
import { useApi } from './ApiProvider.js';
import { fromResult, thrownToError } from './query-state.js';
import type { QueryState } from './query-state.js';

export type ApiQuery<T> = QueryState<T> & {
  /** The last value read, kept while the next read loads, so tables do not flash empty between pages. */
  latest: T | null;
  reload: () => void;
};

const LOADING = { state: 'loading' } as const;

/**
 * Reads one operation when the component mounts and again whenever `input` changes by value.
 * A superseded or unmounted read is aborted and its answer dropped, so a slow reply never
 * overwrites a newer one. Each answer is tagged with the request it belongs to: in the render
 * where the input has just changed the state is already `loading`, never the previous `ready`,
 * so the page's `data-state` marker cannot describe stale rows.
 */
export function useApiQuery<K extends OpName>(name: K, input: OpInput<K>): ApiQuery<OpOutput<K>> {
  const api = useApi();
  const [answer, setAnswer] = useState<{ request: string; query: QueryState<OpOutput<K>> } | null>(null);
  const [latest, setLatest] = useState<OpOutput<K> | null>(null);
  const [generation, setGeneration] = useState(0);
  const inputKey = JSON.stringify(input);
  const request = `${name} ${inputKey} ${generation}`;

  useEffect(() => {
    const controller = new AbortController();
    const parsedInput = JSON.parse(inputKey) as OpInput<K>;
    api.call(name, parsedInput, { signal: controller.signal }).then(
      (result) => {
        if (controller.signal.aborted) return;
        setAnswer({ request, query: fromResult(result) });
        if (result.ok) setLatest(result.value);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setAnswer({ request, query: { state: 'error', error: thrownToError(e) } });
      },
    );
    return () => controller.abort();
  }, [api, name, inputKey, request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const query = answer !== null && answer.request === request ? answer.query : LOADING;
  return { ...query, latest, reload };
}
