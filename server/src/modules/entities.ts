import { AuditEntry } from './audit/audit-entry.entity';
import { Session } from './auth/session.entity';
import { featureModules } from './feature-modules';
import { Partner } from './partner/partner.entity';
import { Region } from './region/region.entity';
import { User } from './user/user.entity';
import { IdempotencyKey } from '../platform/idempotency-key.entity';

/** Every entity of the platform: the foundation's, then each feature module's. */
export const entities = [Region, Partner, User, Session, AuditEntry, IdempotencyKey, ...featureModules.flatMap((m) => m.entities)];
