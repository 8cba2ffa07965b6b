import { AuditEntry } from './audit/audit-entry.entity';
import { Session } from './auth/session.entity';
import { Partner } from './partner/partner.entity';
import { Region } from './region/region.entity';
import { User } from './user/user.entity';
import { IdempotencyKey } from '../platform/idempotency-key.entity';

/** Every entity of the platform; a new feature module adds its entities here. */
export const entities = [Region, Partner, User, Session, AuditEntry, IdempotencyKey];
