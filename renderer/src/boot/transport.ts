import type { ApiClient } from '../../../shared/api/client.js';
import { createHttpClient } from '../../../shared/api/http-client.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import { createIpcClient, isWorkbenchBridge } from '../api/ipc-client.js';
import { TOKEN_STORAGE_KEY, resolveToken } from './token.js';

export type Boot =
  | { kind: 'electron'; client: ApiClient }
  | { kind: 'browser'; client: ApiClient }
  | { kind: 'no-token' };

/** What the startup needs from the page; passed in so the choice stays a plain function. */
export interface BootEnv {
  bridge: unknown;
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  newCallId: () => string;
  locale: () => Locale;
}

/**
 * Picks the transport: the preload bridge when Electron exposed one, otherwise the loopback HTTP
 * server of browser mode, which needs the launch token. The token is moved from the address bar into
 * sessionStorage so it is not left in history, bookmarks or screenshots, yet a reload still works.
 */
export function chooseTransport(env: BootEnv): Boot {
  if (isWorkbenchBridge(env.bridge)) return { kind: 'electron', client: createIpcClient(env.bridge, env.newCallId) };
  const { token, replaceHash } = resolveToken(env.location.hash, readStorage(env.storage));
  if (token === null) return { kind: 'no-token' };
  if (replaceHash !== null) {
    writeStorage(env.storage, token);
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}${replaceHash}`);
  }
  return { kind: 'browser', client: createHttpClient({ baseUrl: '', token, locale: env.locale }) };
}

// Storage can throw (disabled or full); a missing token is then handled like any other.
function readStorage(storage: BootEnv['storage']): string | null {
  try {
    return storage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStorage(storage: BootEnv['storage'], token: string): void {
  try {
    storage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Without storage the session still works until the next reload.
  }
}
