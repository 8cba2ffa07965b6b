import { page } from '$app/state';
import { DEFAULT_LOCALE, translate, type MessageKey } from './index';

/**
 * For components: a message in the current page's language. The locale comes from the
 * request-scoped page data, never from module state shared between users on the server.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(page.data.locale ?? DEFAULT_LOCALE, key, params);
}
