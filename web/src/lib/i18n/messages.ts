import type { MessageKey } from './id';
import type { Locale } from './locale';

/** The messages a page can show, in the page's language only. */
export type Messages = Partial<Record<MessageKey, string>>;

export type Feature = 'common' | 'offline' | 'market' | 'turnover' | 'training' | 'inaKasih' | 'funding' | 'account';

/**
 * One file per feature and language, imported on demand: each becomes its own small script that
 * the browser caches across pages, so a page loads only its features in its language.
 */
const LOADERS: Record<Locale, Record<Feature, () => Promise<Messages>>> = {
  id: {
    common: () => import('./common.id').then((m) => m.commonId),
    offline: () => import('./features/offline.id').then((m) => m.offlineId),
    market: () => import('./features/market.id').then((m) => m.marketId),
    turnover: () => import('./features/turnover.id').then((m) => m.turnoverId),
    training: () => import('./features/training.id').then((m) => m.trainingId),
    inaKasih: () => import('./features/ina-kasih.id').then((m) => m.inaKasihId),
    funding: () => import('./features/funding.id').then((m) => m.fundingId),
    account: () => import('./features/account.id').then((m) => m.accountId),
  },
  en: {
    common: () => import('./common.en').then((m) => m.commonEn),
    offline: () => import('./features/offline.en').then((m) => m.offlineEn),
    market: () => import('./features/market.en').then((m) => m.marketEn),
    turnover: () => import('./features/turnover.en').then((m) => m.turnoverEn),
    training: () => import('./features/training.en').then((m) => m.trainingEn),
    inaKasih: () => import('./features/ina-kasih.en').then((m) => m.inaKasihEn),
    funding: () => import('./features/funding.en').then((m) => m.fundingEn),
    account: () => import('./features/account.en').then((m) => m.accountEn),
  },
};

/**
 * The features a route's pages and components show besides the common texts and the offline
 * outbox (on every signed-in page), by the route's path without its (group): each entry counts
 * for the path and everything below it. The area menus' labels come with the server data
 * (`menuLabels`), so a page does not load a whole feature for one menu link.
 * `messages.test.ts` checks every page and component against this list.
 */
const ROUTE_FEATURES: [path: string, features: Feature[]][] = [
  ['/usaha/pasar', ['market']],
  ['/usaha/riwayat', ['market']],
  ['/usaha/omzet', ['turnover']],
  ['/usaha/pelatihan', ['training']],
  ['/usaha/data', ['account']],
  ['/akun/', ['account']],
  ['/data-dihapus', ['account']],
  ['/pasar/hari', ['market']],
  ['/pasar/lapak', ['market']],
  ['/pasar/pedagang', ['market', 'training']],
  ['/pasar/omzet', ['market', 'turnover']],
  ['/pasar/pelatihan', ['training']],
  ['/program/', ['inaKasih']],
  ['/program/stok', ['funding']],
  ['/mitra/', ['funding']],
  ['/admin/', ['funding']],
  ['/daftar-usaha', ['market']],
  ['/pasar-akhir-pekan', ['market']],
  ['/sertifikat', ['training']],
];

/** A route id such as `/(staff)/pasar/hari/[id]` without its groups: `/pasar/hari/[id]`. */
export function pathOf(routeId: string | null): string {
  return '/' + (routeId ?? '').split('/').filter((part) => part !== '' && !part.startsWith('(')).join('/');
}

export function featuresFor(routeId: string | null): Feature[] {
  const path = pathOf(routeId);
  const below = (prefix: string) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`));
  const features = ROUTE_FEATURES.filter(([prefix]) => below(prefix)).flatMap(([, f]) => f);
  return ['common', 'offline', ...new Set(features)];
}

/** The route's share of the dictionary in one language (the root layout loads it for t()). */
export async function loadMessages(locale: Locale, routeId: string | null): Promise<Messages> {
  const parts = await Promise.all(featuresFor(routeId).map((feature) => LOADERS[locale][feature]()));
  return Object.assign({}, ...parts);
}
