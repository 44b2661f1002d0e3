import { LOCALES } from '../../../shared/i18n/locale.js';
import type { Locale } from '../../../shared/i18n/locale.js';

/** localStorage key of the last chosen language: the first paint uses it before preferences arrive. */
export const LOCALE_STORAGE_KEY = 'bw.locale';

export function parseLocale(value: unknown): Locale | null {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
}

export function readStoredLocale(storage: Pick<Storage, 'getItem'>): Locale | null {
  try {
    return parseLocale(storage.getItem(LOCALE_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function storeLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  try {
    storage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // The workspace preference still holds the choice; only the fast path is lost.
  }
}
