import { requireRole } from '$lib/server/guard';
import { AREA_ROLES } from '$lib/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({ user: requireRole(locals, url, AREA_ROLES.kota) });
