import { translate, type Locale } from '$lib/i18n';
import { pathOf, type Messages } from '$lib/i18n/messages';
import { AREA_NAV } from '$lib/navigation';
import type { Area } from '$lib/roles';

/**
 * The labels of the area menu (SectionNav) a route shows, in the page's language: a few words
 * from several features, sent with the root layout's data instead of loading those features.
 */
export function menuLabels(locale: Locale, routeId: string | null): Messages {
  const area = pathOf(routeId).split('/')[1];
  const links = Object.hasOwn(AREA_NAV, area) ? AREA_NAV[area as Area] : [];
  return Object.fromEntries(links.map((link) => [link.label, translate(locale, link.label)]));
}
