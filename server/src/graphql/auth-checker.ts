import type { AuthChecker } from 'type-graphql';
import { AppError } from '../platform/app-error';
import type { RequestContext } from './context';
import { AuthErrors } from '../modules/auth/auth.errors';
import { roleHasPermission, SIGNED_IN, type Permission } from './permissions';

/**
 * Checks `@Allow(...)` permissions. Not signed in (or an expired session), a missing
 * permission and a temporary password not yet replaced are raised as typed errors, mapped to
 * codes at the API edge.
 */
export const authChecker: AuthChecker<RequestContext, string> = ({ context }, permissions) => {
  if (permissions.includes('public')) return true;
  const user = context.user;
  if (!user) throw new AppError(context.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (!permissions.every((p) => roleHasPermission(user.role, p as Permission))) throw new AppError('FORBIDDEN');
  // A temporary password opens her own account only, until she chose her own (changeMyPassword).
  if (user.account.mustChangePassword && !permissions.every((p) => SIGNED_IN.includes(p as Permission))) throw new AppError(AuthErrors.PASSWORD_CHANGE_REQUIRED);
  return true;
};
