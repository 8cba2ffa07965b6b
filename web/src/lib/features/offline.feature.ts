import { defineFeature } from './feature';

/** The outbox (forms kept on the phone without signal), sharing and progress: on every page. */
export const offline = defineFeature({
  id: 'offline',
  messages: {
    id: () => import('$lib/i18n/features/offline.id').then((m) => m.offlineId),
    en: () => import('$lib/i18n/features/offline.en').then((m) => m.offlineEn),
  },
  routes: ['/'],
});
