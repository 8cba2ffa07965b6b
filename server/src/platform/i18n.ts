/** Bahasa Indonesia first, English second. Messages are looked up by a stable code. */
export type Locale = 'id' | 'en';

export interface Message {
  id: string;
  en: string;
}

const catalog = new Map<string, Message>();

/**
 * Registers a module's messages and returns them keyed by code, so code that raises an error
 * refers to a code the catalog is known to hold. `{name}` placeholders are filled from params.
 */
export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, K> {
  const codes = {} as Record<K, K>;
  for (const code of Object.keys(messages) as K[]) {
    catalog.set(code, messages[code]);
    codes[code] = code;
  }
  return codes;
}

export function translate(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const message = catalog.get(code);
  const text = message ? message[locale] : code;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

export function hasMessage(code: string): boolean {
  return catalog.has(code);
}

/** Picks the language from an explicit choice, then the browser's Accept-Language, else Bahasa Indonesia. */
export function pickLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  if (explicit === 'en' || explicit === 'id') return explicit;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
