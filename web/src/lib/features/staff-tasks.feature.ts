import { defineFeature } from './feature';

/** Staff's daily tasks across pages: family search in the program area, recording and editing from a family's page, market staff's quick turnover and camera check-in. */
export const staffTasks = defineFeature({
  id: 'staffTasks',
  messages: {
    id: () => import('$lib/i18n/features/staff-tasks.id').then((m) => m.staffTasksId),
    en: () => import('$lib/i18n/features/staff-tasks.en').then((m) => m.staffTasksEn),
  },
  routes: ['/program', '/pasar', '/usaha/pasar'],
});
