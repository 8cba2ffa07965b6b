import { page } from '$app/state';
import type { MessageKey } from './id';
import { fillPlaceholders } from './locale';

/**
 * For components: a message in the current page's language. The messages come with the
 * request-scoped page data (only the page's share, in its language: `./messages.ts`),
 * never from module state shared between users on the server.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fillPlaceholders(page.data?.messages?.[key] ?? key, params);
}
