import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, '/masuk');
};

export const actions: Actions = {
  default: async (event) => {
    await signOut(event);
    redirect(303, '/masuk');
  },
};
