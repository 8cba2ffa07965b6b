import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { PartnerResolver } from './partner/partner.resolver';
import { RegionResolver } from './region/region.resolver';
import { UserResolver } from './user/user.resolver';

/** Every resolver of the API; a new feature module adds its resolvers here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [AuthResolver, UserResolver, RegionResolver, PartnerResolver, AuditResolver];
