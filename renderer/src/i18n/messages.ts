import type { Locale } from '../../../shared/i18n/locale.js';
import { en } from './messages-en.js';
import { zhCN } from './messages-zh.js';

export type MessageKey = keyof typeof zhCN;
export type Messages = Readonly<Record<MessageKey, string>>;
export type MessageVars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export const MESSAGES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, en };

/** Each language's name in itself, so a reader of the other language can still find theirs. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', en: 'English' };

/** Replaces `{name}` with its value; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(template: string, vars: MessageVars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names of a template, sorted; both languages must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, vars) => formatMessage(messages[key], vars);
}

/** Counts with the locale's grouping: 1,000,000 in both languages today, but the choice stays in one place. */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}
