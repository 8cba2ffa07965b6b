import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The form to type a certificate's verification code; a typed code goes to its check page (works without JavaScript). */
export const load: PageServerLoad = async (event) => {
  const typed = event.url.searchParams.get('kode')?.trim().slice(0, 40);
  if (typed) redirect(303, `/sertifikat/${encodeURIComponent(typed)}`);
  return {};
};
