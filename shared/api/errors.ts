import type { LocalizedText } from '../i18n/locale.js';

/**
 * Every error code the API can return. One place, so the renderer can switch on them
 * and tests can assert them.
 */
export const ERROR_CODES = [
  'UNKNOWN_OPERATION',
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'STORE_TOO_NEW',
  'STORE_LOCKED',
  'STORE_UNREADABLE',
  'STORE_KEY',
  /** An encrypted workspace started without its key: only system.info and system.unlock answer until it is unlocked. */
  'WORKSPACE_LOCKED',
  'IMPORT_INVALID',
  'PRINT_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an error points, when it points somewhere: a field of the input, a cell of a file. */
export interface ErrorLocation {
  path?: string;
  file?: string;
  row?: number;
  column?: string;
  value?: string;
}

export interface ErrorDetails {
  /** One entry per problem found; input validation reports all of them at once. */
  problems?: Array<ErrorLocation & { message: string; text?: LocalizedText }>;
  [key: string]: unknown;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
