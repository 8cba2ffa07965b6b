/**
 * The languages and placeholder filling, without any dictionary: browser code imports this (and
 * `t.ts`), never `index.ts`, so no page's JavaScript carries the dictionaries.
 */

/** Bahasa Indonesia first (the default), English second. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** Fills `{name}` placeholders from params; a placeholder without a value stays visible rather than blank. */
export function fillPlaceholders(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
