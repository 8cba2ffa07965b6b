import { defineFeature } from './feature';

/** Ina Kasih: the family registry, duplicates, imports, monthly rounds and stock. */
export const inaKasih = defineFeature({
  id: 'inaKasih',
  messages: {
    id: () => import('$lib/i18n/features/ina-kasih.id').then((m) => m.inaKasihId),
    en: () => import('$lib/i18n/features/ina-kasih.en').then((m) => m.inaKasihEn),
  },
  routes: ['/program/'],
  nav: {
    program: [
      { href: '/program/keluarga', label: 'ina.nav.families' },
      { href: '/program/duplikat', label: 'ina.nav.duplicates' },
      { href: '/program/impor', label: 'ina.nav.import' },
      { href: '/program/putaran', label: 'ina.nav.rounds' },
      { href: '/program/stok', label: 'ina.nav.stock' },
    ],
  },
});
