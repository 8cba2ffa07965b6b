import { defineFeature } from './feature';

/** Turnover (omzet) per market day: the staff's grid and disputes, the vendor's own figures. */
export const turnover = defineFeature({
  id: 'turnover',
  messages: {
    id: () => import('$lib/i18n/features/turnover.id').then((m) => m.turnoverId),
    en: () => import('$lib/i18n/features/turnover.en').then((m) => m.turnoverEn),
  },
  routes: ['/usaha/omzet', '/pasar/omzet'],
  nav: {
    pasar: [
      { href: '/pasar/omzet', label: 'turnover.nav.grid' },
      { href: '/pasar/omzet/sengketa', label: 'turnover.nav.disputes' },
    ],
    usaha: [{ href: '/usaha/omzet', label: 'turnover.nav.mine' }],
  },
});
