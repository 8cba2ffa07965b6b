import { FEATURES, type FeatureId } from '$lib/features';
import type { MessageKey } from './id';
import type { Locale } from './locale';

/** The messages a page can show, in the page's language only. */
export type Messages = Partial<Record<MessageKey, string>>;

/** The shell's texts, or a registered feature's (lib/features). */
export type Feature = 'common' | FeatureId;

/**
 * One file per feature and language, imported on demand: each becomes its own small script that
 * the browser caches across pages, so a page loads only its features in its language.
 */
const COMMON: Record<Locale, () => Promise<Messages>> = {
  id: () => import('./common.id').then((m) => m.commonId),
  en: () => import('./common.en').then((m) => m.commonEn),
};

/** A route id such as `/(staff)/pasar/hari/[id]` without its groups: `/pasar/hari/[id]`. */
export function pathOf(routeId: string | null): string {
  return '/' + (routeId ?? '').split('/').filter((part) => part !== '' && !part.startsWith('(')).join('/');
}

/**
 * The features a route's pages and components show, by each feature's `routes`. The area menus'
 * labels come with the server data (`menuLabels`), so a page does not load a whole feature for
 * one menu link. `messages.test.ts` checks every page and component against this.
 */
function routeFeatures(routeId: string | null) {
  const path = pathOf(routeId);
  const below = (prefix: string) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`));
  return FEATURES.filter((f) => f.routes.some(below));
}

export function featuresFor(routeId: string | null): Feature[] {
  return ['common', ...routeFeatures(routeId).map((f) => f.id)];
}

/** The route's share of the dictionary in one language (the root layout loads it for t()). */
export async function loadMessages(locale: Locale, routeId: string | null): Promise<Messages> {
  const parts: Messages[] = await Promise.all([COMMON[locale](), ...routeFeatures(routeId).map((f) => f.messages[locale]())]);
  return Object.assign({}, ...parts);
}
