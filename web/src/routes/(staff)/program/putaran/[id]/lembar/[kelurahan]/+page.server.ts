import { error } from '@sveltejs/kit';
import { loadSheet } from '$lib/server/round';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const sheet = await loadSheet(event, event.params.id, event.params.kelurahan);
  if (!sheet.round || !sheet.kelurahan) error(404, { code: 'NOT_FOUND', message: 'Lembar tidak ditemukan.' });
  return sheet;
};
