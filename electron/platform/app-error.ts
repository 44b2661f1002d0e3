import type { ErrorCode, ErrorDetails } from '../../shared/api/errors.js';
import type { LocalizedText } from '../../shared/i18n/locale.js';

/**
 * The one error type domain code throws on purpose. The dispatcher turns it into
 * `{ ok: false, error }` in the caller's language; anything else becomes INTERNAL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, text: LocalizedText, details?: ErrorDetails) {
    super(text.en);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
