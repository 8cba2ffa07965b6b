import { loadPartnerReport } from '$lib/server/funding';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  return { report: await loadPartnerReport(event) };
};
