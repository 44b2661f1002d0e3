import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { LocalizedText } from '../../../../shared/i18n/locale.js';
import { useApi } from '../../api/ApiProvider.js';

export type ClientLookup = { clientNo: string; name: string; tier: LocalizedText | null } | { clientNo: string; error: ApiError };

/**
 * Finds a client by number through `clients.get`, which also answers whether the caller may reach the client (a
 * client manager only their own). A number given up front (the client page, a due-list row) is looked up at once.
 */
export function useClientLookup(initial: string | undefined): { result: ClientLookup | null; lookup: (clientNo: string) => void } {
  const api = useApi();
  const [result, setResult] = useState<ClientLookup | null>(null);
  const lookup = useCallback(
    (typed: string): void => {
      const clientNo = typed.trim();
      if (clientNo === '') return;
      void api.call('clients.get', { clientNo }).then((r) => {
        setResult(r.ok ? { clientNo, name: r.value.name, tier: r.value.score?.tier.label ?? null } : { clientNo, error: r.error });
      });
    },
    [api],
  );
  useEffect(() => {
    if (initial !== undefined) lookup(initial);
  }, [initial, lookup]);
  return { result, lookup };
}
