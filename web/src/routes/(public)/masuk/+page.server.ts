import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { fieldErrors } from '$lib/server/graphql';
import { homeAfterSignIn } from '$lib/server/guard';
import { signIn } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, homeAfterSignIn(locals.user.role, url, locals.user.mustChangePassword));
  return { sessionExpired: url.searchParams.get('sesi') === 'berakhir' };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const login = String(form.get('login') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const required = translate(event.locals.locale, 'form.required');
    if (!login || !password) {
      return fail(400, { login, errors: { ...(!login && { login: required }), ...(!password && { password: required }) } });
    }
    const result = await signIn(event, login, password);
    if (!result.user) return fail(400, { login, errors: fieldErrors(result.userErrors) });
    redirect(303, homeAfterSignIn(result.user.role, event.url, result.user.mustChangePassword));
  },
};
