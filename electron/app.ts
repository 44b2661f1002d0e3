import { createDispatcher } from './api/dispatcher.js';
import type { Dispatcher } from './api/dispatcher.js';
import { handlers } from './api/handlers.js';
import type { AppServices } from './api/types.js';
import type { RunMode } from '../shared/api/ops/system.js';
import type { Clock } from './platform/clock.js';
import { systemClock } from './platform/clock.js';
import { UploadStore } from './import/uploads.js';
import { idleMinutes } from './security/auth-handlers.js';
import { SessionRegistry } from './security/sessions.js';
import { openStore } from './store/store.js';
import type { Store } from './store/store.js';
import { APP_VERSION } from './version.js';
import { createChromiumPrinter } from './print/chromium-printer.js';
import type { PdfPrinter } from './print/printer.js';
import { createLogger } from './platform/log.js';

const log = createLogger('app');

export interface App {
  services: AppServices;
  dispatcher: Dispatcher;
  close(): void;
}

/** Composes a running app around one store: what every transport (IPC, HTTP, CLI) shares. */
export function createApp(opts: {
  storeFile: string;
  mode: RunMode;
  workerFile: string;
  clock?: Clock;
  store?: Store;
  passphrase?: string | undefined;
  /** The desktop app passes Electron's printer; everywhere else Chromium is started on the first print. */
  printer?: PdfPrinter;
}): App {
  const clock = opts.clock ?? systemClock;
  const store = opts.store ?? openStore(opts.storeFile, { clock, passphrase: opts.passphrase });
  const sessions = new SessionRegistry(
    () => clock.now().getTime(),
    () => idleMinutes(store) * 60_000,
  );
  const services: AppServices = { store, clock, mode: opts.mode, version: APP_VERSION, workerFile: opts.workerFile, uploads: new UploadStore(), sessions, printer: opts.printer ?? createChromiumPrinter() };
  return { services, dispatcher: createDispatcher(handlers, services), close: () => {
      store.close();
      services.printer.close().catch((e: unknown) => log.warn('printer did not close', { error: String(e) }));
    },
  };
}
