import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/ops/system.js';
import { useApi } from '../api/ApiProvider.js';
import { thrownToError } from '../api/query-state.js';
import type { QueryState } from '../api/query-state.js';
import { useLocale } from '../i18n/I18nProvider.js';

/**
 * What the shell needs before anything is shown as ready: the app facts for the app bar, and the
 * language remembered by the workspace (which wins over the localStorage guess used for first paint).
 */
export function useShellBootstrap(): { boot: QueryState<AppInfo>; retry: () => void } {
  const api = useApi();
  const { adoptLocale } = useLocale();
  const [boot, setBoot] = useState<QueryState<AppInfo>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setBoot({ state: 'loading' });
    Promise.all([api.call('system.info', {}, { signal }), api.call('preferences.get', {}, { signal })]).then(
      ([info, preferences]) => {
        if (signal.aborted) return;
        if (!info.ok) return setBoot({ state: 'error', error: info.error });
        // Locked: nothing else answers yet (preferences included); the shell shows the unlock page.
        if (info.value.locked) return setBoot({ state: 'ready', value: info.value });
        if (!preferences.ok) return setBoot({ state: 'error', error: preferences.error });
        adoptLocale(preferences.value.locale);
        setBoot({ state: 'ready', value: info.value });
      },
      (e: unknown) => {
        if (!signal.aborted) setBoot({ state: 'error', error: thrownToError(e) });
      },
    );
    return () => controller.abort();
  }, [api, adoptLocale, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { boot, retry };
}
