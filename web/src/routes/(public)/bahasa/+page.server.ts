import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { setLanguageCookie } from '$lib/server/cookies';
import { safeNext } from '$lib/server/guard';
import { rememberLocale } from '$lib/server/session';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const lang = form.get('lang');
    if (isLocale(lang)) {
      setLanguageCookie(event, lang);
      event.locals.locale = lang;
      // Signed in: kept on the account too, so the next sign-in on any phone starts in it.
      if (event.locals.user) await rememberLocale(event, lang);
    }
    redirect(303, safeNext(form.get('next')) ?? '/');
  },
};
