import { createRoot } from 'react-dom/client';
import { BRIDGE_KEY } from '../../shared/api/bridge.js';
import { DEFAULT_LOCALE } from '../../shared/i18n/locale.js';
import { Root } from './boot/Root.js';
import { chooseTransport } from './boot/transport.js';
import type { LocaleRef } from './i18n/I18nProvider.js';
import { readStoredLocale } from './i18n/locale-storage.js';
import { setAppState } from './shell/app-state.js';

setAppState('loading');

// The last language used paints the first frame; the workspace preference confirms it moments later.
const localeRef: LocaleRef = { current: readStoredLocale(window.localStorage) ?? DEFAULT_LOCALE };
document.documentElement.lang = localeRef.current;

const boot = chooseTransport({
  bridge: (window as unknown as Record<string, unknown>)[BRIDGE_KEY],
  location: window.location,
  history: window.history,
  storage: window.sessionStorage,
  newCallId: () => crypto.randomUUID(),
  locale: () => localeRef.current,
});

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(<Root boot={boot} localeRef={localeRef} />);
