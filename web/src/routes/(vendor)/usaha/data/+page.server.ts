import { redirect } from '@sveltejs/kit';
import { cookieOptions, SESSION_COOKIE } from '$lib/server/cookies';
import { graphql } from '$lib/server/gql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const ERASE = graphql(`
  mutation EraseMyData($input: EraseMyDataInput!) {
    eraseMyData(input: $input) {
      erased
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  return {};
};

export const actions: Actions = {
  /** Erases her data (the API checks her password and what stops it); she is signed out and shown what was kept. */
  erase: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', ERASE, { password: String(form.get('password') ?? ''), confirm: formText(form, 'confirm') === 'yes' });
    if (!r.ok) return r.failure;
    event.cookies.delete(SESSION_COOKIE, cookieOptions(event));
    redirect(303, '/data-dihapus');
  },
};
