import { loadMessages } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

/**
 * The page's messages for t(): the common texts and its route's features, in its language only,
 * plus its menu's labels. On the first load they come in the HTML with the server data; after a
 * client-side navigation they are loaded here as small scripts the browser caches, so no page's
 * JavaScript carries another feature or language.
 */
export const load: LayoutLoad = async ({ data, route }) => {
  const { menu, messages, ...rest } = data;
  return { ...rest, messages: { ...(messages ?? (await loadMessages(data.locale, route.id))), ...menu } };
};
