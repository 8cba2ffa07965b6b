import { defineFeature } from './feature';

/** The administrator's everyday pages: accounts, the audit trail, CSR partners, the entitlement rule. */
export const admin = defineFeature({
  id: 'admin',
  messages: {
    id: () => import('$lib/i18n/features/admin.id').then((m) => m.adminId),
    en: () => import('$lib/i18n/features/admin.en').then((m) => m.adminEn),
  },
  routes: ['/admin/akun', '/admin/jejak', '/admin/mitra', '/admin/aturan'],
  nav: {
    admin: [
      { href: '/admin/akun', label: 'admin.nav.accounts' },
      { href: '/admin/jejak', label: 'admin.nav.trail' },
      { href: '/admin/mitra', label: 'admin.nav.partners' },
      { href: '/admin/aturan', label: 'admin.nav.rule' },
    ],
  },
});
