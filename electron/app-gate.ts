import { api } from '../shared/api/index.js';
import type { ApiError, ApiResult } from '../shared/api/errors.js';
import type { AppInfo, RunMode } from '../shared/api/ops/system.js';
import { pickText } from '../shared/i18n/locale.js';
import type { LocalizedText } from '../shared/i18n/locale.js';
import { createApp } from './app.js';
import type { App } from './app.js';
import type { CallContext, Dispatcher } from './api/dispatcher.js';
import type { Session } from './api/types.js';
import type { Clock } from './platform/clock.js';
import { systemClock } from './platform/clock.js';
import { isAppError } from './platform/app-error.js';
import { createLogger } from './platform/log.js';
import type { PdfPrinter } from './print/printer.js';
import { appendAudit } from './security/audit.js';
import { envelopeFileOf, openWithRecovery, readEnvelope } from './security/key-envelope.js';
import { UnlockThrottle } from './security/unlock-throttle.js';
import { MIGRATIONS } from './store/migrations/index.js';
import { looksEncrypted } from './store/store.js';
import { APP_VERSION } from './version.js';

const log = createLogger('app-gate');

/**
 * The app as the transports (browser-mode HTTP, Electron IPC) see it: either open, or — for an encrypted workspace
 * started without a usable key — locked until the passphrase is typed in the window. While locked only
 * `system.info` (saying so) and `system.unlock` answer; every other call gets WORKSPACE_LOCKED. The audit log is
 * inside the encrypted store, so attempts go to the app log while locked, and one audit entry after the unlock
 * records the failures since start.
 */
export interface AppGate {
  readonly storeFile: string;
  /** The open app, or null while the workspace is locked. */
  current(): App | null;
  /** Every call goes through here: to the open app's dispatcher, or to the gate's own answers while locked. */
  readonly dispatcher: Dispatcher;
  /** Runs once the workspace is open: at once if it already is, else after the unlock. */
  onOpen(listener: (app: App) => void): void;
  close(): void;
}

export interface GateOptions {
  storeFile: string;
  mode: RunMode;
  workerFile: string;
  clock?: Clock;
  printer?: PdfPrinter;
  /** The key from the environment (or the OS store); may throw STORE_KEY, which leaves the workspace locked. */
  keyFromEnvironment: () => string | undefined;
  /**
   * What the typed passphrase opens the store with: itself, or — for a workspace with a key envelope — the key the
   * recovery passphrase unwraps (the desktop app also re-seals it for this user's OS store). Throws STORE_KEY.
   */
  keyFromTyped?: (typed: string) => string;
}

/** Browser mode and the CLI: a typed passphrase is the store's, unless a key envelope says it is the recovery one. */
export function keyFromTypedDefault(storeFile: string): (typed: string) => string {
  return (typed) => {
    const envelope = readEnvelope(envelopeFileOf(storeFile));
    return envelope === null ? typed : openWithRecovery(envelope, typed);
  };
}

function failure(code: ApiError['code'], text: LocalizedText, session: Session, details?: ApiError['details']): ApiResult<never> {
  return { ok: false, error: { code, message: pickText(text, session.locale), ...(details !== undefined ? { details } : {}) } };
}

interface Attempt {
  at: string;
  outcome: 'wrong' | 'throttled';
}

/** Opens the workspace with the key from the environment, or starts locked when it is encrypted and that key does not open it. */
export function openOrLock(opts: GateOptions): AppGate {
  const clock = opts.clock ?? systemClock;
  const open = (passphrase: string | undefined): App =>
    createApp({
      storeFile: opts.storeFile,
      mode: opts.mode,
      workerFile: opts.workerFile,
      clock,
      passphrase,
      ...(opts.printer !== undefined ? { printer: opts.printer } : {}),
    });
  let app: App | null = null;
  try {
    app = open(opts.keyFromEnvironment());
  } catch (e) {
    // Only a key problem on an encrypted file waits for the window; a plain file given a passphrase, a file that is
    // not ours, or one newer than the app fails as before.
    if (!(isAppError(e) && e.code === 'STORE_KEY' && looksEncrypted(opts.storeFile))) throw e;
    log.warn('workspace is encrypted and no usable key was given: starting locked, waiting for the passphrase in the window', { store: opts.storeFile });
  }
  const listeners: Array<(a: App) => void> = [];
  const throttle = new UnlockThrottle();
  const attempts: Attempt[] = [];
  const keyFromTyped = opts.keyFromTyped ?? keyFromTypedDefault(opts.storeFile);
  const unlockWith = (): 'passphrase' | 'recovery' => (readEnvelope(envelopeFileOf(opts.storeFile)) === null ? 'passphrase' : 'recovery');

  const lockedInfo = (session: Session): AppInfo => ({
    appName: 'Branch Workbench',
    version: APP_VERSION,
    mode: opts.mode,
    storeFile: opts.storeFile,
    schemaVersion: 0,
    migrationCount: MIGRATIONS.length,
    sqliteVersion: '',
    session: { userName: session.userName, role: session.role },
    locked: true,
    unlockWith: unlockWith(),
  });

  const recordUnlock = (opened: App): void => {
    const failed = attempts.filter((a) => a.outcome === 'wrong').length;
    log.info('workspace unlocked in the window', { store: opts.storeFile, failedAttempts: failed, throttledAttempts: attempts.length - failed });
    try {
      appendAudit(opened.services.store, {
        at: clock.now(),
        username: '',
        role: 'anonymous',
        action: 'workspace.unlock',
        outcome: 'ok',
        detail: { failedAttempts: failed, throttledAttempts: attempts.length - failed, attempts: attempts.slice(-100) },
      });
    } catch (e) {
      log.error('audit append failed', { operation: 'workspace.unlock', error: String(e) });
    }
  };

  const unlock = (rawInput: unknown, session: Session): ApiResult<unknown> => {
    const parsed = api['system.unlock'].input.safeParse(rawInput ?? {});
    if (!parsed.success) return failure('INVALID_INPUT', { zh: '请输入口令', en: 'Enter the passphrase' }, session);
    const now = clock.now();
    const wait = throttle.waitMs(now.getTime());
    if (wait > 0) {
      attempts.push({ at: now.toISOString(), outcome: 'throttled' });
      const seconds = Math.ceil(wait / 1000);
      log.warn('unlock attempt refused: too many wrong passphrases', { store: opts.storeFile, waitSeconds: seconds });
      return failure(
        'STORE_KEY',
        { zh: `口令错误次数过多，请在 ${seconds} 秒后再试。`, en: `Too many wrong passphrases: try again in ${seconds} s.` },
        session,
        { throttled: true, retryAfterMs: wait },
      );
    }
    // The typed passphrase and the key live only in this call's locals (nothing of the gate keeps them); the open
    // store holds its key only where its worker threads and backups need it (store.ts passphraseOf).
    try {
      app = open(keyFromTyped(parsed.data.passphrase));
    } catch (e) {
      if (isAppError(e) && e.code === 'STORE_KEY') {
        throttle.fail(now.getTime());
        attempts.push({ at: now.toISOString(), outcome: 'wrong' });
        const retryAfterMs = throttle.waitMs(now.getTime());
        log.warn('unlock attempt failed: wrong passphrase', { store: opts.storeFile, consecutiveFailures: throttle.consecutiveFailures, retryAfterMs });
        return failure(e.code, e.text, session, { retryAfterMs });
      }
      log.error('unlock failed', { store: opts.storeFile, error: isAppError(e) ? `${e.code}: ${e.text.en}` : String(e) });
      if (isAppError(e)) return failure(e.code, e.text, session, e.details);
      return failure('INTERNAL', { zh: `内部错误：${String(e)}`, en: `Internal error: ${String(e)}` }, session);
    }
    const opened = app;
    recordUnlock(opened);
    attempts.length = 0;
    for (const listener of listeners.splice(0)) listener(opened);
    return { ok: true, value: { open: true } };
  };

  const call = async (name: string, input: unknown, ctx: CallContext): Promise<ApiResult<unknown>> => {
    if (app !== null) return app.dispatcher.call(name, input, ctx);
    if (name === 'system.info') return { ok: true, value: lockedInfo(ctx.session) };
    if (name === 'system.unlock') return unlock(input, ctx.session);
    return failure(
      'WORKSPACE_LOCKED',
      { zh: '工作区已加密且尚未解锁：请先在窗口中输入工作区口令。', en: 'The workspace is encrypted and still locked: enter its passphrase in the window first.' },
      ctx.session,
      { operation: name },
    );
  };

  return {
    storeFile: opts.storeFile,
    current: () => app,
    dispatcher: { call, invoke: (name, input, ctx) => call(name, input, ctx) as never },
    onOpen: (listener) => {
      if (app !== null) listener(app);
      else listeners.push(listener);
    },
    close: () => {
      listeners.length = 0;
      app?.close();
      app = null;
    },
  };
}
