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
export interface UploadInfo {
  uploadId: string;
  name: string;
  size: number;
}

export interface ApiClient {
  call<K extends OpName>(name: K, input: OpInput<K>, options?: CallOptions): Promise<ApiResult<OpOutput<K>>>;
  /**
   * Hands a file the user chose to the main process for import (held in memory there, never written to disk);
   * the returned id goes into `{ source: { type: 'upload', uploadId } }`.
   */
  upload(name: string, data: Blob): Promise<ApiResult<UploadInfo>>;
}

/** Wire format of a streamed HTTP call: progress lines, then exactly one result line (NDJSON). */
export type WireMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; result: ApiResult<unknown> };

export const TOKEN_HEADER = 'x-workbench-token';
/** The signed-in session, sent with every call after auth.login / auth.setup (browser mode). */
export const SESSION_HEADER = 'x-workbench-session';
export const API_PATH_PREFIX = '/api/call/';
export const UPLOAD_PATH = '/api/upload';
export const FILE_NAME_HEADER = 'x-file-name';
