import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/i18n/locale.js';
import { useApi } from '../api/ApiProvider.js';
import { storeLocale } from './locale-storage.js';
import { translator } from './messages.js';
import type { Translate } from './messages.js';

/** Where the HTTP transport reads the language to send with each call (server messages follow it). */
export interface LocaleRef {
  current: Locale;
}

interface I18nValue {
  locale: Locale;
  t: Translate;
  /** The user picked a language: show it and remember it (localStorage and the workspace). */
  chooseLocale: (locale: Locale) => void;
  /** The workspace remembers a language: show it without writing it back. */
  adoptLocale: (locale: Locale) => void;
  /** Why the last choice could not be saved to the workspace, if it could not. */
  saveError: string | null;
  clearSaveError: () => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: { localeRef: LocaleRef; children: ReactNode }) {
  const { localeRef } = props;
  const api = useApi();
  const [locale, setLocale] = useState<Locale>(localeRef.current);
  const [saveError, setSaveError] = useState<string | null>(null);

  const show = useCallback(
    (next: Locale) => {
      // Synchronously, so a call made right after the switch already speaks the new language.
      localeRef.current = next;
      storeLocale(window.localStorage, next);
      setLocale(next);
    },
    [localeRef],
  );

  const chooseLocale = useCallback(
    (next: Locale) => {
      show(next);
      void api.call('preferences.set', { locale: next }).then((result) => {
        setSaveError(result.ok ? null : result.error.message);
      });
    },
    [api, show],
  );

  const t = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.name');
  }, [locale, t]);

  const value = useMemo<I18nValue>(
    () => ({ locale, t, chooseLocale, adoptLocale: show, saveError, clearSaveError: () => setSaveError(null) }),
    [locale, t, chooseLocale, show, saveError],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): Pick<I18nValue, 'locale' | 'chooseLocale' | 'adoptLocale' | 'saveError' | 'clearSaveError'> {
  return useI18n();
}
