import { defineFeature } from './feature';

/** One's own data: a copy of it for every account; for a vendor, its erasure too (UU 27/2022). */
export const account = defineFeature({
  id: 'account',
  messages: {
    id: () => import('$lib/i18n/features/account.id').then((m) => m.accountId),
    en: () => import('$lib/i18n/features/account.en').then((m) => m.accountEn),
  },
  routes: ['/usaha/data', '/akun/', '/data-dihapus'],
  nav: {
    usaha: [{ href: '/usaha/data', label: 'account.nav.mine' }],
    program: [{ href: '/akun/data', label: 'account.nav.mine' }],
    pasar: [{ href: '/akun/data', label: 'account.nav.mine' }],
    mitra: [{ href: '/akun/data', label: 'account.nav.mine' }],
    admin: [{ href: '/akun/data', label: 'account.nav.mine' }],
    kota: [{ href: '/akun/data', label: 'account.nav.mine' }],
  },
});
