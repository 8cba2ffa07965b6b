import { fail } from '@sveltejs/kit';
import { ROLES } from '$lib/roles';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const ACCOUNTS = graphql(`
  query AdminAccounts($first: Int!, $after: String, $role: Role, $search: String) {
    users(first: $first, after: $after, role: $role, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id fullName role email phone active lastSignInAt }
    }
  }
`);

const SET_ACTIVE = graphql(`
  mutation AdminSetUserActive($input: SetUserActiveInput!) {
    setUserActive(input: $input) { user { fullName active } userErrors { field message } }
  }
`);

// The forgotten-password reset staff use too: a temporary password shown once, every session ended, a change required.
const RESET_PASSWORD = graphql(`
  mutation AdminResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) { user { fullName } temporaryPassword userErrors { field message } }
  }
`);

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  const q = event.url.searchParams;
  const role = ROLES.find((r) => r === q.get('peran'));
  const search = (q.get('q') ?? '').trim().slice(0, 100);
  const { users } = await gql(event, ACCOUNTS, { first: PAGE_SIZE, after: q.get('setelah') || null, role: role ?? null, search: search || null });
  return { users, filter: { role: role ?? '', search }, paged: q.has('setelah') };
};

export const actions: Actions = {
  setActive: async (event) => {
    const form = await event.request.formData();
    const active = formText(form, 'active') === 'true';
    const result = await act(event, 'admin', SET_ACTIVE, { userId: formText(form, 'userId'), active });
    if (!result.ok) return result.failure;
    return { changed: { name: result.data.setUserActive.user?.fullName ?? '', active } };
  },
  resetPassword: async (event) => {
    const form = await event.request.formData();
    const userId = formText(form, 'userId');
    const result = await act(event, 'admin', RESET_PASSWORD, { userId });
    if (!result.ok) return fail(400, { errors: result.failure.data.errors, userId });
    const { user, temporaryPassword } = result.data.resetPassword;
    return { reset: { name: user?.fullName ?? '', temporaryPassword: temporaryPassword ?? '' } };
  },
};
