import { loadMessages } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

/**
 * The page's messages for t(): the common texts and its route's features, in its language only,
 * plus its menu's labels from the server. Loaded here (on the server for the HTML, in the browser
 * as small cached scripts) rather than sent as page data, so the HTML stays small and no page's
 * JavaScript carries another feature or language.
 */
export const load: LayoutLoad = async ({ data, route }) => {
  const { menu, ...rest } = data;
  return { ...rest, messages: { ...(await loadMessages(data.locale, route.id)), ...menu } };
};
