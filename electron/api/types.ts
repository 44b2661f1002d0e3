import type { OpName, OpOutput, OpParsed } from '../../shared/api/index.js';
import type { Progress, Role } from '../../shared/api/contract.js';
import type { RunMode } from '../../shared/api/ops/system.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { Clock } from '../platform/clock.js';
import type { UploadStore } from '../import/uploads.js';
import type { Store } from '../store/store.js';
import type { SessionRegistry } from '../security/sessions.js';
import type { PdfPrinter } from '../print/printer.js';

/**
 * Who is calling: a signed-in user (browser mode, Electron), the local administrator (the CLI: whoever holds the
 * workspace file and its passphrase), or nobody yet (`authenticated: false`: only public operations).
 */
export interface Session {
  userName: string;
  userId?: number;
  role: Role;
  /** Org units the caller may see (with their subtrees); null means all. */
  orgUnitIds: readonly number[] | null;
  /** For client managers: their manager id (scope `own`). */
  managerId: number | null;
  locale: Locale;
  authenticated: boolean;
  /** Set by the administrator's reset: only the auth operations are open until the user picks a password. */
  mustChangePassword?: boolean;
  /** The sign-in this session came from (not for the CLI). */
  token?: string;
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
  sessions: SessionRegistry;
  /** Prints sheets to PDF (Chromium here and in browser mode, Electron's own engine in the desktop app). */
  printer: PdfPrinter;
}

/** What an edit adds to its audit entry: the record it changed, before and after. */
export interface AuditNote {
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export interface HandlerContext extends AppServices {
  session: Session;
  signal: AbortSignal;
  progress(p: Progress): void;
  /** Handlers of edits say what they changed; the dispatcher writes it into the call's audit entry. */
  auditNote(note: AuditNote): void;
}

export type Handler<K extends OpName> = (input: OpParsed<K>, ctx: HandlerContext) => OpOutput<K> | Promise<OpOutput<K>>;

/** Every operation has exactly one handler: a missing or misspelled one fails to compile. */
export type Handlers = { [K in OpName]: Handler<K> };

/** The handlers of one domain (`system.*`, `clients.*` …). */
export type DomainHandlers<D extends string> = {
  [K in OpName as K extends `${D}.${string}` ? K : never]: Handler<K>;
};

export function localAdminSession(locale: Locale = 'zh-CN'): Session {
  return { userName: 'local-admin', role: 'admin', orgUnitIds: null, managerId: null, locale, authenticated: true };
}
