export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A message in both UI languages; domain errors carry one of these. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export function pickText(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}
