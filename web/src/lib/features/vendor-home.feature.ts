import { defineFeature } from './feature';

/** The vendor's home: her next market day and booking, a one-tap stall request, this month's turnover, her mentoring. */
export const vendorHome = defineFeature({
  id: 'vendorHome',
  messages: {
    id: () => import('$lib/i18n/features/vendor-home.id').then((m) => m.vendorHomeId),
    en: () => import('$lib/i18n/features/vendor-home.en').then((m) => m.vendorHomeEn),
  },
  // Only her home shows these texts, but a route covers the pages below it too (a small file).
  routes: ['/usaha'],
});
