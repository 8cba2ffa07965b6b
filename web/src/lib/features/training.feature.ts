import { defineFeature } from './feature';

/** Trainings for vendors, mentoring visits and certificates (with the public certificate check). */
export const training = defineFeature({
  id: 'training',
  messages: {
    id: () => import('$lib/i18n/features/training.id').then((m) => m.trainingId),
    en: () => import('$lib/i18n/features/training.en').then((m) => m.trainingEn),
  },
  routes: ['/usaha/pelatihan', '/pasar/pedagang', '/pasar/pelatihan', '/sertifikat'],
  nav: {
    pasar: [{ href: '/pasar/pelatihan', label: 'training.nav.staff' }],
    usaha: [{ href: '/usaha/pelatihan', label: 'training.nav.vendor' }],
  },
});
