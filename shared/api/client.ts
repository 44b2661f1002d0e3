import type { ApiResult } from './errors.js';
import type { OpInput, OpName, OpOutput } from './index.js';
import type { Progress } from './contract.js';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/**
 * How the renderer (and tests) reach the API, whatever the transport:
 * the preload bridge in Electron, loopback HTTP in browser mode, or a direct call in-process.
 */
export interface ApiClient {
  call<K extends OpName>(name: K, input: OpInput<K>, options?: CallOptions): Promise<ApiResult<OpOutput<K>>>;
}

/** Wire format of a streamed HTTP call: progress lines, then exactly one result line (NDJSON). */
export type WireMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; result: ApiResult<unknown> };

export const TOKEN_HEADER = 'x-workbench-token';
export const API_PATH_PREFIX = '/api/call/';
