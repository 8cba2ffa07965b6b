import type { Locale } from '$lib/i18n/locale';
import type { Area } from '$lib/roles';

/** A feature's texts in one language, keyed like `market.nav.days`. */
export type Dictionary = Record<string, string>;

/** A menu link; its label is one of the feature's own message keys. */
export interface FeatureLink<Key extends string = string> {
  href: string;
  label: Key;
}

/**
 * Everything the portal's shell needs to know about a feature, in one file: its texts, the pages
 * that show them, and its menu links. Registered with one line in `./index.ts`.
 * Its pages live under `src/routes/(group)/<area>/…`, where the area's layout already checks the
 * role (and each form action again through `act(event, area, …)`): a feature adds no guard.
 */
export interface Feature<Id extends string = string, Texts extends Dictionary = Dictionary> {
  /** Short name, as route lists and tests refer to it. */
  id: Id;
  /**
   * Its dictionaries, loaded on demand: each is its own small script that the browser caches,
   * so a page loads only its features, in its language. Bahasa Indonesia is the source; the
   * English file is typed to have exactly the same keys.
   */
  messages: { id: () => Promise<Texts> } & Record<Exclude<Locale, 'id'>, () => Promise<Record<keyof Texts, string>>>;
  /**
   * The pages that show its texts, by path without the (group): `/pasar/hari` is that page and
   * everything below it; a path ending in `/` is everything below it (`/` is every page).
   * `lib/i18n/messages.test.ts` checks every page against these lists.
   */
  routes: string[];
  /** Links it adds to areas' menus, in order (the areas list the features in registry order). */
  nav?: Partial<Record<Area, FeatureLink<Extract<keyof Texts, string>>[]>>;
}

/** Declares a feature; the type ties its menu labels and its English texts to its own dictionary. */
export function defineFeature<Id extends string, Texts extends Dictionary>(feature: Feature<Id, Texts>): Feature<Id, Texts> {
  return feature;
}
