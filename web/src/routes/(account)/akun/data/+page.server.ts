import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  // A vendor's own page also offers the erasure of her data.
  if (user.role === 'VENDOR') redirect(303, '/usaha/data');
  return {};
};
