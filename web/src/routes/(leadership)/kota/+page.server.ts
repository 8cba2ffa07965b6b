import { loadCityReport } from '$lib/server/city';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  return { report: await loadCityReport(event) };
};
