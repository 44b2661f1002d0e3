import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { UploadInfo } from '../../shared/api/client.js';
import { ADMIN_ONLY } from '../../shared/api/contract.js';
import type { Progress } from '../../shared/api/contract.js';
import type { ApiResult, ErrorCode } from '../../shared/api/errors.js';
import { IPC_CHANNELS } from '../../shared/api/bridge.js';
import { isOpName } from '../../shared/api/index.js';
import { DEFAULT_LOCALE, pickText } from '../../shared/i18n/locale.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';
import type { Dispatcher } from '../api/dispatcher.js';
import { localAdminSession } from '../api/types.js';
import { anonymousSession } from '../security/sessions.js';
import type { SessionRegistry } from '../security/sessions.js';
import type { Session } from '../api/types.js';
import type { UploadStore } from '../import/uploads.js';
import { isAppError } from '../platform/app-error.js';
import { createLogger } from '../platform/log.js';
import { isAppUrl } from './app-url.js';

const log = createLogger('ipc');

/** Progress reports are coalesced so a tight loop cannot flood the renderer with messages. */
const PROGRESS_INTERVAL_MS = 100;
const MAX_CALL_ID_LENGTH = 128;

export interface IpcDeps {
  dispatcher: Dispatcher;
  /**
   * Where uploaded import files are held; absent in tests that do not upload. A function when the workspace may
   * start locked (electron/app-gate.ts): null until it is unlocked.
   */
  uploads?: UploadStore | (() => UploadStore | null);
  now?: () => number;
  /**
   * Signed-in sessions. The main process keeps each window's session token itself (the renderer never holds it):
   * a successful auth.login / auth.setup from a window signs that window in, auth.logout signs it out. Without a
   * registry (unit tests of the bridge) every window is the local administrator. A function when the workspace may
   * start locked: while it returns null every window is anonymous (only system.info and system.unlock answer).
   */
  sessions?: SessionRegistry | (() => SessionRegistry | null);
}

export interface IpcRegistration {
  /** Aborts every call in flight, before the store closes at quit. */
  abortAll(): void;
  dispose(): void;
}

/** The caller is the top frame of one of the app's own pages; anything else (a frame from elsewhere) is refused. */
function fromAppFrame(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

function isCallId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CALL_ID_LENGTH;
}

function failure(code: ErrorCode, text: LocalizedText, session: Session): ApiResult<never> {
  return { ok: false, error: { code, message: pickText(text, session.locale) } };
}

/** The language the user chose for the workspace. */
async function workspaceLocale(dispatcher: Dispatcher): Promise<Locale> {
  const prefs = await dispatcher.invoke('preferences.get', {}, { session: localAdminSession() });
  return prefs.ok ? prefs.value.locale : DEFAULT_LOCALE;
}

function throttledProgress(send: (p: Progress) => void, now: () => number): (p: Progress) => void {
  let last = Number.NEGATIVE_INFINITY;
  let phase: string | undefined;
  return (p) => {
    const t = now();
    const final = p.total !== undefined && p.done >= p.total;
    if (!final && p.phase === phase && t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    phase = p.phase;
    send(p);
  };
}

/** The main-process half of the bridge: the contract's three channels and nothing else. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'on' | 'removeHandler' | 'removeListener'>, deps: IpcDeps): IpcRegistration {
  const { dispatcher } = deps;
  const now = deps.now ?? Date.now;
  const inFlight = new Map<string, AbortController>();
  const keyOf = (senderId: number, callId: string): string => `${senderId}:${callId}`;
  const tokens = new Map<number, string>();
  const sessionOf = async (senderId: number): Promise<Session> => {
    const prefs = await dispatcher.invoke('preferences.get', {}, { session: localAdminSession() });
    const locale = prefs.ok ? prefs.value.locale : DEFAULT_LOCALE;
    if (deps.sessions === undefined) return localAdminSession(locale);
    const registry = typeof deps.sessions === 'function' ? deps.sessions() : deps.sessions;
    return registry?.resolve(tokens.get(senderId), locale) ?? anonymousSession(locale);
  };

  const refuse = async (code: ErrorCode, text: LocalizedText): Promise<ApiResult<never>> =>
    failure(code, text, localAdminSession(await workspaceLocale(dispatcher)));

  // Everything up to the registration of the call is synchronous: a cancel sent right after the
  // call cannot overtake it.
  const onCall = async (event: IpcMainInvokeEvent, name: unknown, input: unknown, callId: unknown): Promise<ApiResult<unknown>> => {
    if (!fromAppFrame(event)) {
      log.warn('refused call from a foreign frame', { url: event.senderFrame?.url ?? null });
      return refuse('FORBIDDEN', { zh: '调用来源不是本应用的页面', en: 'Calls are accepted only from the app’s own pages' });
    }
    if (!isOpName(name)) {
      const shown = typeof name === 'string' ? name : typeof name;
      return refuse('UNKNOWN_OPERATION', { zh: `未知的操作：${shown}`, en: `Unknown operation: ${shown}` });
    }
    if (!isCallId(callId)) return refuse('INVALID_INPUT', { zh: '调用编号无效', en: 'Invalid call id' });
    const key = keyOf(event.sender.id, callId);
    if (inFlight.has(key)) return refuse('CONFLICT', { zh: '调用编号重复', en: 'Duplicate call id' });
    const controller = new AbortController();
    inFlight.set(key, controller);
    const sender = event.sender;
    const onProgress = throttledProgress((p) => {
      if (!sender.isDestroyed()) sender.send(IPC_CHANNELS.progress, callId, p);
    }, now);
    try {
      const session = await sessionOf(sender.id);
      const result = await dispatcher.call(name, input, { session, signal: controller.signal, onProgress });
      if ((name === 'auth.login' || name === 'auth.setup') && result.ok) tokens.set(sender.id, (result.value as { token: string }).token);
      if (name === 'auth.logout') tokens.delete(sender.id);
      return result;
    } finally {
      inFlight.delete(key);
    }
  };

  const onCancel = (event: IpcMainEvent, callId: unknown): void => {
    if (!fromAppFrame(event) || !isCallId(callId)) return;
    inFlight.get(keyOf(event.sender.id, callId))?.abort();
  };

  const onUpload = async (event: IpcMainInvokeEvent, name: unknown, data: unknown): Promise<ApiResult<UploadInfo>> => {
    if (!fromAppFrame(event)) return refuse('FORBIDDEN', { zh: '调用来源不是本应用的页面', en: 'Calls are accepted only from the app’s own pages' });
    const session = await sessionOf(event.sender.id);
    if (!session.authenticated || !ADMIN_ONLY.includes(session.role)) return refuse('FORBIDDEN', { zh: '当前角色无权导入数据', en: 'Your role may not import data' });
    const uploads = typeof deps.uploads === 'function' ? deps.uploads() : deps.uploads;
    if (typeof name !== 'string' || !(data instanceof ArrayBuffer || data instanceof Uint8Array) || uploads === undefined || uploads === null) {
      return refuse('INVALID_INPUT', { zh: '上传的文件无效', en: 'Invalid upload' });
    }
    try {
      const upload = uploads.put(name.replace(/[\\/\0]/g, '_') || 'upload', data instanceof ArrayBuffer ? new Uint8Array(data) : data);
      return { ok: true, value: { uploadId: upload.id, name: upload.name, size: upload.size } };
    } catch (e) {
      if (isAppError(e)) return refuse(e.code, e.text);
      throw e;
    }
  };

  ipcMain.handle(IPC_CHANNELS.call, onCall);
  ipcMain.handle(IPC_CHANNELS.upload, onUpload);
  ipcMain.on(IPC_CHANNELS.cancel, onCancel);
  return {
    abortAll: () => {
      for (const controller of inFlight.values()) controller.abort();
    },
    dispose: () => {
      ipcMain.removeHandler(IPC_CHANNELS.call);
      ipcMain.removeHandler(IPC_CHANNELS.upload);
      ipcMain.removeListener(IPC_CHANNELS.cancel, onCancel);
    },
  };
}
