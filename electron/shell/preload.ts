import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_CHANNELS } from '../../shared/api/bridge.js';
import type { WorkbenchBridge } from '../../shared/api/bridge.js';
import type { UploadInfo } from '../../shared/api/client.js';
import type { Progress } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/errors.js';
import { isListedOpName as isOpName } from '../../shared/api/op-names.js';

/*
 * Runs sandboxed with context isolation: the page sees only these three functions under
 * `window.workbench`, never `ipcRenderer` itself, and no channel name can be chosen by the page.
 * No logger here: the sandboxed preload has no process.stderr, and nothing here is worth logging.
 */

function unknownOperation(name: unknown): Promise<ApiResult<unknown>> {
  const shown = typeof name === 'string' ? name : typeof name;
  return Promise.resolve({
    ok: false,
    error: { code: 'UNKNOWN_OPERATION', message: `未知的操作 Unknown operation: ${shown}` },
  });
}

const bridge: WorkbenchBridge = {
  call(name, input, callId) {
    // Checked here as well as in the main process, so a typo fails fast and nothing unknown crosses over.
    if (!isOpName(name)) return unknownOperation(name);
    return ipcRenderer.invoke(IPC_CHANNELS.call, name, input, callId) as Promise<ApiResult<unknown>>;
  },
  cancel(callId) {
    ipcRenderer.send(IPC_CHANNELS.cancel, callId);
  },
  upload(name, data) {
    return ipcRenderer.invoke(IPC_CHANNELS.upload, name, data) as Promise<ApiResult<UploadInfo>>;
  },
  onProgress(listener) {
    const relay = (_event: IpcRendererEvent, callId: unknown, progress: unknown): void => {
      if (typeof callId === 'string') listener(callId, progress as Progress);
    };
    ipcRenderer.on(IPC_CHANNELS.progress, relay);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.progress, relay);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
