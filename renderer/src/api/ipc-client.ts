import type { ApiClient, CallOptions } from '../../../shared/api/client.js';
import type { WorkbenchBridge } from '../../../shared/api/bridge.js';
import type { Progress } from '../../../shared/api/contract.js';
import type { ApiResult } from '../../../shared/api/errors.js';
import type { OpInput, OpName, OpOutput } from '../../../shared/api/index.js';

/** True when `value` has the shape the Electron preload exposes; anything else means browser mode. */
export function isWorkbenchBridge(value: unknown): value is WorkbenchBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['call'] === 'function' &&
    typeof candidate['cancel'] === 'function' &&
    typeof candidate['onProgress'] === 'function'
  );
}

/**
 * The Electron transport. One progress subscription serves every call: events carry the call id,
 * so each is routed to the call that asked for it. Cancellation is the main process's job; we only
 * tell it, and still wait for its reply (normally CANCELLED) so the result is always a value.
 */
export function createIpcClient(bridge: WorkbenchBridge, newCallId: () => string): ApiClient {
  const listeners = new Map<string, (progress: Progress) => void>();
  bridge.onProgress((callId, progress) => listeners.get(callId)?.(progress));

  async function call<K extends OpName>(
    name: K,
    input: OpInput<K>,
    options: CallOptions = {},
  ): Promise<ApiResult<OpOutput<K>>> {
    const { signal, onProgress } = options;
    if (signal?.aborted === true) return { ok: false, error: { code: 'CANCELLED', message: 'cancelled' } };
    const callId = newCallId();
    const onAbort = (): void => bridge.cancel(callId);
    if (onProgress !== undefined) listeners.set(callId, onProgress);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // The main process validated the input and built the reply from the same contract.
      return (await bridge.call(name, input, callId)) as ApiResult<OpOutput<K>>;
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: `IPC call ${name} failed: ${String(e)}` } };
    } finally {
      listeners.delete(callId);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function upload(name: string, data: Blob) {
    try {
      return await bridge.upload(name, await data.arrayBuffer());
    } catch (e) {
      return { ok: false as const, error: { code: 'INTERNAL' as const, message: `Upload failed: ${String(e)}` } };
    }
  }

  return { call, upload };
}
