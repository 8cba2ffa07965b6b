import { translate, type Locale } from '$lib/i18n';
import type { PageServerLoad } from './$types';

const texts = (locale: Locale) => ({
  title: translate(locale, 'offline.page.title'),
  body: translate(locale, 'offline.page.body'),
  retry: translate(locale, 'offline.page.retry'),
});

/** Kept on the phone without any account, so the page carries both languages rather than the person's choice. */
export const load: PageServerLoad = () => ({ bahasa: texts('id'), english: texts('en') });
