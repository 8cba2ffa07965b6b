import { menuLabels } from '$lib/server/menu';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, route }) => ({
  user: locals.user,
  locale: locals.locale,
  menu: menuLabels(locals.locale, route.id),
});
