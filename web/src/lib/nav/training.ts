import type { AreaNav } from '$lib/navigation';

/** Menu links of the training pages, per area. */
export const trainingNav: AreaNav = {
  pasar: [{ href: '/pasar/pelatihan', label: 'training.nav.staff' }],
  usaha: [{ href: '/usaha/pelatihan', label: 'training.nav.vendor' }],
};
