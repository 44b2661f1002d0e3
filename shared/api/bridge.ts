import type { Progress } from './contract.js';
import type { ApiResult } from './errors.js';

/**
 * What the Electron preload exposes to the renderer as `window.workbench`: three functions,
 * not a generic IPC pipe. Operation names are checked against the contract on both sides.
 */
export interface WorkbenchBridge {
  call(name: string, input: unknown, callId: string): Promise<ApiResult<unknown>>;
  cancel(callId: string): void;
  onProgress(listener: (callId: string, progress: Progress) => void): () => void;
}

export const BRIDGE_KEY = 'workbench';

export const IPC_CHANNELS = {
  call: 'bw:call',
  cancel: 'bw:cancel',
  progress: 'bw:progress',
} as const;
