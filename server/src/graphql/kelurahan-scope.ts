import { Role } from '../modules/user/role.enum';
import type { RequestContext } from './context';

/**
 * Kelurahan codes the caller is limited to, or undefined for the whole city. Only PROGRAM_STAFF
 * accounts carry a limit (user.service refuses one for any other role); an administrator never has one.
 */
export function kelurahanScope(ctx: Pick<RequestContext, 'user'>): string[] | undefined {
  const user = ctx.user;
  return user && user.role !== Role.ADMIN && user.kelurahanCodes.length ? user.kelurahanCodes : undefined;
}
