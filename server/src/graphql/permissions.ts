import { Authorized } from 'type-graphql';
import { Role } from '../modules/user/role.enum';

/**
 * Every permission the API checks, named resource:action. What each role may do is written
 * down once, here; resolvers name the permission with `@Allow(...)`.
 */
export enum Permission {
  AccountRead = 'account:read',
  RegionRead = 'region:read',
  UserManage = 'user:manage',
  PartnerManage = 'partner:manage',
  AuditRead = 'audit:read',
}

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: Object.values(Permission),
  [Role.PROGRAM_STAFF]: [Permission.AccountRead, Permission.RegionRead],
  [Role.MARKET_STAFF]: [Permission.AccountRead, Permission.RegionRead],
  [Role.VENDOR]: [Permission.AccountRead, Permission.RegionRead],
  [Role.PARTNER]: [Permission.AccountRead, Permission.RegionRead],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Marks a query, mutation or field as requiring all the named permissions. */
export const Allow = (...permissions: Permission[]) => Authorized(...permissions);

/** Marks an operation anyone may call, signed in or not (sign-in, public market page). */
export const Public = () => Authorized('public');
