import type { AuthChecker } from 'type-graphql';
import { AppError } from '../platform/app-error';
import type { RequestContext } from './context';
import { roleHasPermission, type Permission } from './permissions';

/**
 * Checks `@Allow(...)` permissions. Not signed in (or an expired session) and a missing
 * permission are raised as typed errors, mapped to codes at the API edge.
 */
export const authChecker: AuthChecker<RequestContext, string> = ({ context }, permissions) => {
  if (permissions.includes('public')) return true;
  const user = context.user;
  if (!user) throw new AppError(context.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (!permissions.every((p) => roleHasPermission(user.role, p as Permission))) throw new AppError('FORBIDDEN');
  return true;
};
