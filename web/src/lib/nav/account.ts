import type { AreaNav } from '$lib/navigation';

/** Menu links of the pages about one's own data (a copy of it; for a vendor, its erasure too), per area. */
export const accountNav: AreaNav = {
  usaha: [{ href: '/usaha/data', label: 'account.nav.mine' }],
  program: [{ href: '/akun/data', label: 'account.nav.mine' }],
  pasar: [{ href: '/akun/data', label: 'account.nav.mine' }],
  mitra: [{ href: '/akun/data', label: 'account.nav.mine' }],
  admin: [{ href: '/akun/data', label: 'account.nav.mine' }],
};
