import type { AreaNav } from '$lib/navigation';

/** Menu links of the funding pages, per area. */
export const fundingNav: AreaNav = {
  mitra: [
    { href: '/mitra/dana', label: 'funding.nav.funds' },
    { href: '/mitra/cetak', label: 'funding.nav.print' },
  ],
  admin: [{ href: '/admin/dana', label: 'funding.nav.admin' }],
};
