import { defineFeature } from './feature';

/** SABOAK KOEPAN, the weekend market: registration, stalls, market days and bookings. */
export const market = defineFeature({
  id: 'market',
  messages: {
    id: () => import('$lib/i18n/features/market.id').then((m) => m.marketId),
    en: () => import('$lib/i18n/features/market.en').then((m) => m.marketEn),
  },
  routes: ['/usaha/pasar', '/usaha/riwayat', '/pasar/hari', '/pasar/lapak', '/pasar/pedagang', '/pasar/omzet', '/daftar-usaha', '/pasar-akhir-pekan'],
  nav: {
    pasar: [
      { href: '/pasar/hari', label: 'market.nav.days' },
      { href: '/pasar/pedagang', label: 'market.nav.vendors' },
      { href: '/pasar/lapak', label: 'market.nav.stalls' },
    ],
    usaha: [
      { href: '/usaha/pasar', label: 'market.nav.book' },
      { href: '/usaha/riwayat', label: 'market.nav.history' },
    ],
  },
});
