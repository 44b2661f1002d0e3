import type { Progress } from './contract.js';
import type { UploadInfo } from './client.js';
import type { ApiResult } from './errors.js';

/**
 * What the Electron preload exposes to the renderer as `window.workbench`: three functions,
 * not a generic IPC pipe. Operation names are checked against the contract on both sides.
 */
export interface WorkbenchBridge {
  call(name: string, input: unknown, callId: string): Promise<ApiResult<unknown>>;
  cancel(callId: string): void;
  onProgress(listener: (callId: string, progress: Progress) => void): () => void;
  /** A file the user chose, for import: held in the main process's memory, never written to disk. */
  upload(name: string, data: ArrayBuffer): Promise<ApiResult<UploadInfo>>;
}

export const BRIDGE_KEY = 'workbench';

export const IPC_CHANNELS = {
  call: 'bw:call',
  cancel: 'bw:cancel',
  progress: 'bw:progress',
  upload: 'bw:upload',
} as const;
