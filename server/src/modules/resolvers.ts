import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { featureModules } from './feature-modules';
import { PartnerResolver } from './partner/partner.resolver';
import { RegionResolver } from './region/region.resolver';
import { AccountDataResolver } from './user/account-data.resolver';
import { PasswordResolver } from './user/password.resolver';
import { UserResolver } from './user/user.resolver';

/** Every resolver of the API: the foundation's, then each feature module's. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  UserResolver,
  PasswordResolver,
  AccountDataResolver,
  RegionResolver,
  PartnerResolver,
  AuditResolver,
  ...featureModules.flatMap((m) => m.resolvers),
];
