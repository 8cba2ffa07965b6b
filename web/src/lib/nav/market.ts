import type { AreaNav } from '$lib/navigation';

/** Menu links of the market pages, per area. */
export const marketNav: AreaNav = {
  pasar: [
    { href: '/pasar/hari', label: 'market.nav.days' },
    { href: '/pasar/pedagang', label: 'market.nav.vendors' },
    { href: '/pasar/lapak', label: 'market.nav.stalls' },
  ],
  usaha: [
    { href: '/usaha/pasar', label: 'market.nav.book' },
    { href: '/usaha/riwayat', label: 'market.nav.history' },
  ],
};
