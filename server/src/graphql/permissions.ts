import { Authorized } from 'type-graphql';
import { Role } from '../modules/user/role.enum';

/**
 * Every permission the API checks, named resource:action. What each role may do is written
 * down once, here; resolvers name the permission with `@Allow(...)`.
 */
export enum Permission {
  AccountRead = 'account:read',
  AccountUpdateOwn = 'account:update-own',
  RegionRead = 'region:read',
  UserManage = 'user:manage',
  /** Reset an account to a temporary password: ADMIN any account, MARKET_STAFF vendors' only (checked in the service). */
  PasswordReset = 'user:reset-password',
  PartnerManage = 'partner:manage',
  AuditRead = 'audit:read',

  // Ina Kasih
  FamilyRead = 'family:read',
  FamilyManage = 'family:manage',
  FamilyRevealId = 'family:reveal-id',
  ProgramManage = 'program:manage',
  DistributionRecord = 'distribution:record',
  StockManage = 'stock:manage',

  // SABOAK KOEPAN market
  MarketManage = 'market:manage',
  MarketVendor = 'market:vendor',

  // Turnover, trainings and mentoring
  TurnoverRecord = 'turnover:record',
  TurnoverOwn = 'turnover:own',
  TrainingManage = 'training:manage',
  TrainingJoin = 'training:join',

  // Funding and impact
  FundingManage = 'funding:manage',
  FundingRead = 'funding:read',
  ImpactRead = 'impact:read',
  ImpactReadUnsuppressed = 'impact:read-unsuppressed',
}

/** What a signed-in person may do on her own account; also all she may do while she must change her password. */
export const SIGNED_IN = [Permission.AccountRead, Permission.AccountUpdateOwn, Permission.RegionRead];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: Object.values(Permission),
  [Role.PROGRAM_STAFF]: [
    ...SIGNED_IN,
    Permission.FamilyRead,
    Permission.FamilyManage,
    Permission.FamilyRevealId,
    Permission.ProgramManage,
    Permission.DistributionRecord,
    Permission.StockManage,
    Permission.FundingRead,
    Permission.ImpactRead,
    Permission.ImpactReadUnsuppressed,
  ],
  [Role.MARKET_STAFF]: [
    ...SIGNED_IN,
    Permission.PasswordReset,
    Permission.MarketManage,
    Permission.TurnoverRecord,
    Permission.TrainingManage,
    Permission.FundingRead,
    Permission.ImpactRead,
    Permission.ImpactReadUnsuppressed,
  ],
  [Role.VENDOR]: [...SIGNED_IN, Permission.MarketVendor, Permission.TurnoverOwn, Permission.TrainingJoin],
  [Role.PARTNER]: [...SIGNED_IN, Permission.FundingRead, Permission.ImpactRead],
  // Read-only: the partners' operations, with exact figures; nothing that names a person.
  [Role.LEADERSHIP]: [...SIGNED_IN, Permission.FundingRead, Permission.ImpactRead, Permission.ImpactReadUnsuppressed],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Marks a query, mutation or field as requiring all the named permissions. */
export const Allow = (...permissions: Permission[]) => Authorized(...permissions);

/** Marks an operation anyone may call, signed in or not (sign-in, public market page). */
export const Public = () => Authorized('public');
