import { requireRole } from '$lib/server/guard';
import { ROLES } from '$lib/roles';
import type { LayoutServerLoad } from './$types';

/** Pages about one's own account: any signed-in person. */
export const load: LayoutServerLoad = ({ locals, url }) => ({ user: requireRole(locals, url, ROLES) });
