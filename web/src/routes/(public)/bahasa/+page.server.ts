import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { cookieOptions, LANG_COOKIE } from '$lib/server/cookies';
import { safeNext } from '$lib/server/guard';
import type { Actions } from './$types';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const lang = form.get('lang');
    if (isLocale(lang)) event.cookies.set(LANG_COOKIE, lang, { ...cookieOptions(event), maxAge: ONE_YEAR_SECONDS });
    redirect(303, safeNext(form.get('next')) ?? '/');
  },
};
