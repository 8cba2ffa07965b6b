import { en } from './en';
import { id, type MessageKey } from './id';
import { fillPlaceholders, type Locale } from './locale';

export type { MessageKey };
export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locale';

/** Every message of one language, as the server keeps them; a page's browser code gets only its share (`messages.ts`). */
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

/** A message in the given language, with `{name}` placeholders filled from params (server code). */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(dictionaries[locale][key], params);
}
