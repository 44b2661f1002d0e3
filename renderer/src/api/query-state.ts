import type { ApiError, ApiResult } from '../../../shared/api/errors.js';

/** What a page shows for one API read; also the value of its `data-state` marker. */
export type QueryState<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: ApiError };

export type PageState = QueryState<unknown>['state'];

export function fromResult<T>(result: ApiResult<T>): QueryState<T> {
  return result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error };
}

/** A page built from several reads is in error if any failed, loading while any is pending. */
export function combineStates(...states: readonly PageState[]): PageState {
  if (states.includes('error')) return 'error';
  if (states.includes('loading')) return 'loading';
  return 'ready';
}

/** A thrown value (a bug, not an API error) shown like an API error instead of blanking the page. */
export function thrownToError(e: unknown): ApiError {
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
