import { requireRole } from '$lib/server/guard';
import { AREA_ROLES } from '$lib/roles';
import type { LayoutServerLoad } from './$types';

const STAFF_ROLES = [...new Set([...AREA_ROLES.program, ...AREA_ROLES.pasar])];

/** Any staff area; /program and /pasar each narrow this to their own roles. */
export const load: LayoutServerLoad = ({ locals, url }) => ({ user: requireRole(locals, url, STAFF_ROLES) });
