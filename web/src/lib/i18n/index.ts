import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey };

/** Bahasa Indonesia first (the default), English second. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** A message in the given language, with `{name}` placeholders filled from params. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
