import type { AreaNav } from '$lib/navigation';

/** Menu links of the ina-kasih pages, per area. */
export const inaKasihNav: AreaNav = {
  program: [
    { href: '/program/keluarga', label: 'ina.nav.families' },
    { href: '/program/duplikat', label: 'ina.nav.duplicates' },
    { href: '/program/impor', label: 'ina.nav.import' },
    { href: '/program/putaran', label: 'ina.nav.rounds' },
    { href: '/program/stok', label: 'ina.nav.stock' },
  ],
};
