import type { ApiClient, CallOptions, WireMessage } from './client.js';
import { API_PATH_PREFIX, FILE_NAME_HEADER, SESSION_HEADER, TOKEN_HEADER, UPLOAD_PATH } from './client.js';
import type { UploadInfo } from './client.js';
import type { ApiResult } from './errors.js';
import type { Locale } from '../i18n/locale.js';

export interface HttpClientOptions {
  /** Origin of the loopback server, e.g. http://127.0.0.1:5123 ('' for same-origin in the browser). */
  baseUrl: string;
  token: string;
  locale?: () => Locale;
}

function transportError(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/**
 * Browser-mode transport: one streamed POST per call, progress lines then the result (NDJSON). It keeps the
 * signed-in session itself: the token of a successful auth.login / auth.setup goes with every later call, and is
 * dropped at auth.logout or when the server says the session is gone (idle lock).
 */
export function createHttpClient(opts: HttpClientOptions): ApiClient {
  let sessionToken: string | null = null;
  const sessionHeaders = (): Record<string, string> => (sessionToken === null ? {} : { [SESSION_HEADER]: sessionToken });
  const track = (name: string, result: ApiResult<unknown>): void => {
    if ((name === 'auth.login' || name === 'auth.setup') && result.ok) sessionToken = (result.value as { token: string }).token;
    if (name === 'auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED' && name !== 'auth.login')) sessionToken = null;
  };
  return {
    async call(name, input, options: CallOptions = {}) {
      let response: Response;
      try {
        const init: RequestInit = {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            [TOKEN_HEADER]: opts.token,
            'x-workbench-locale': opts.locale?.() ?? 'zh-CN',
            ...sessionHeaders(),
          },
          body: JSON.stringify({ input }),
        };
        if (options.signal !== undefined) init.signal = options.signal;
        response = await fetch(`${opts.baseUrl}${API_PATH_PREFIX}${encodeURIComponent(name)}`, init);
      } catch (e) {
        if (options.signal?.aborted === true) return { ok: false, error: { code: 'CANCELLED', message: 'cancelled' } };
        return transportError(`Cannot reach the workbench server: ${String(e)}`);
      }
      if (!response.ok || response.body === null) {
        const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL';
        return { ok: false, error: { code, message: (await response.text()).trim() } };
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, nl);
            buffered = buffered.slice(nl + 1);
            if (line === '') continue;
            const message = JSON.parse(line) as WireMessage;
            if (message.type === 'progress') options.onProgress?.(message.progress);
            else {
              track(name, message.result);
              return message.result as never;
            }
          }
        }
      } catch (e) {
        if (options.signal?.aborted === true) return { ok: false, error: { code: 'CANCELLED', message: 'cancelled' } };
        return transportError(`Connection to the workbench server failed: ${String(e)}`);
      }
      return transportError('The workbench server closed the connection without a result');
    },
    async upload(name, data) {
      try {
        const response = await fetch(`${opts.baseUrl}${UPLOAD_PATH}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: opts.token, [FILE_NAME_HEADER]: encodeURIComponent(name), ...sessionHeaders() },
          body: data,
        });
        if (!response.ok) return { ok: false, error: { code: response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: (await response.text()).trim() } };
        return (await response.json()) as ApiResult<UploadInfo>;
      } catch (e) {
        return transportError(`Upload failed: ${String(e)}`);
      }
    },
  };
}
