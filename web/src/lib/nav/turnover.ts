import type { AreaNav } from '$lib/navigation';

/** Menu links of the turnover pages, per area. */
export const turnoverNav: AreaNav = {
  pasar: [
    { href: '/pasar/omzet', label: 'turnover.nav.grid' },
    { href: '/pasar/omzet/sengketa', label: 'turnover.nav.disputes' },
  ],
  usaha: [{ href: '/usaha/omzet', label: 'turnover.nav.mine' }],
};
