import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { fieldErrors, gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { requireRole } from '$lib/server/guard';
import { ROLE_HOME, ROLES } from '$lib/roles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  return { temporary: user.mustChangePassword };
};

const CHANGE = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input) { user { id } userErrors { code field message } }
  }
`);

export const actions: Actions = {
  default: async (event) => {
    const user = requireRole(event.locals, event.url, ROLES);
    const form = await event.request.formData();
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    const locale = event.locals.locale;
    const required = translate(locale, 'form.required');
    const missing = {
      ...(!currentPassword && { currentPassword: required }),
      ...(!newPassword && { newPassword: required }),
    };
    if (Object.keys(missing).length) return fail(400, { errors: missing });
    if (newPassword !== String(form.get('repeatPassword') ?? '')) return fail(400, { errors: { repeatPassword: translate(locale, 'account.password.mismatch') } });
    const { changeMyPassword } = await gql(event, CHANGE, { input: { currentPassword, newPassword } });
    if (changeMyPassword.userErrors.length) return fail(400, { errors: fieldErrors(changeMyPassword.userErrors) });
    redirect(303, `${ROLE_HOME[user.role]}?sandi=baru`);
  },
};
