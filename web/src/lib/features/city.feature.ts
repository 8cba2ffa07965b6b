import { defineFeature } from './feature';

/** The city dashboard of both programs for the city's leadership, with downloads and a one-page print. */
export const city = defineFeature({
  id: 'city',
  messages: {
    id: () => import('$lib/i18n/features/city.id').then((m) => m.cityId),
    en: () => import('$lib/i18n/features/city.en').then((m) => m.cityEn),
  },
  routes: ['/kota'],
  nav: {
    kota: [{ href: '/kota/cetak', label: 'city.nav.print' }],
    admin: [{ href: '/kota', label: 'city.nav.dashboard' }],
    program: [{ href: '/kota', label: 'city.nav.dashboard' }],
    pasar: [{ href: '/kota', label: 'city.nav.dashboard' }],
  },
});
