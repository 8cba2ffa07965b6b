import { loadMessages } from '$lib/i18n/messages';
import { menuLabels } from '$lib/server/menu';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, route, isDataRequest }) => ({
  user: locals.user,
  locale: locals.locale,
  menu: menuLabels(locals.locale, route.id),
  // The first load carries the page's messages in its HTML, so the page works as soon as its
  // scripts are in (no further request before it hydrates); later navigations load them as
  // cached scripts in +layout.ts.
  messages: isDataRequest ? undefined : await loadMessages(locals.locale, route.id),
});
