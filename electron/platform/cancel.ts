import { AppError } from './app-error.js';

/** Long loops call this between chunks so a cancel lands before the transaction commits. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('CANCELLED', { zh: '操作已取消', en: 'Operation cancelled' });
}
