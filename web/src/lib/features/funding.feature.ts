import { defineFeature } from './feature';

/** Funding sources and their ledger, and the partners' impact reports (with print and downloads). */
export const funding = defineFeature({
  id: 'funding',
  messages: {
    id: () => import('$lib/i18n/features/funding.id').then((m) => m.fundingId),
    en: () => import('$lib/i18n/features/funding.en').then((m) => m.fundingEn),
  },
  routes: ['/program/stok', '/mitra/', '/admin/'],
  nav: {
    mitra: [
      { href: '/mitra/dana', label: 'funding.nav.funds' },
      { href: '/mitra/cetak', label: 'funding.nav.print' },
    ],
    admin: [{ href: '/admin/dana', label: 'funding.nav.admin' }],
  },
});
