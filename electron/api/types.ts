import type { OpName, OpOutput, OpParsed } from '../../shared/api/index.js';
import type { Progress, Role } from '../../shared/api/contract.js';
import type { RunMode } from '../../shared/api/ops/system.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { Clock } from '../platform/clock.js';
import type { UploadStore } from '../import/uploads.js';
import type { Store } from '../store/store.js';

/** Who is calling. Until local accounts exist, each transport opens a local administrator session. */
export interface Session {
  userName: string;
  role: Role;
  /** Org units the caller may see (with their subtrees); null means all. */
  orgUnitIds: readonly number[] | null;
  /** For client managers: their manager id (scope `own`). */
  managerId: number | null;
  locale: Locale;
}

/** Everything the process provides to handlers; one per running app. */
export interface AppServices {
  store: Store;
  clock: Clock;
  mode: RunMode;
  version: string;
  /** Files uploaded by the browser-mode renderer, held in memory for the import wizard. */
  uploads: UploadStore;
  /** The bundled job worker (dist/worker.cjs) that long operations run in. */
  workerFile: string;
}

export interface HandlerContext extends AppServices {
  session: Session;
  signal: AbortSignal;
  progress(p: Progress): void;
}

export type Handler<K extends OpName> = (input: OpParsed<K>, ctx: HandlerContext) => OpOutput<K> | Promise<OpOutput<K>>;

/** Every operation has exactly one handler: a missing or misspelled one fails to compile. */
export type Handlers = { [K in OpName]: Handler<K> };

/** The handlers of one domain (`system.*`, `clients.*` …). */
export type DomainHandlers<D extends string> = {
  [K in OpName as K extends `${D}.${string}` ? K : never]: Handler<K>;
};

export function localAdminSession(locale: Locale = 'zh-CN'): Session {
  return { userName: 'local-admin', role: 'admin', orgUnitIds: null, managerId: null, locale };
}
