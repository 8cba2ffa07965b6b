import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config';
import type { StatementTally } from '../db/sql-statement-counter';
import type { Locale } from '../platform/i18n';
import type { Role } from '../modules/user/role.enum';
import type { UserRow } from '../modules/user/user.row';
import type { AuditReads } from '../modules/audit/audit-reads';
import type { Loaders } from './loaders';

/** The signed-in person as the API sees them for one request. */
export interface AuthUser {
  id: string;
  role: Role;
  partnerId?: string;
  /** Kelurahan codes a scoped PROGRAM_STAFF account may see; empty = whole city. */
  kelurahanCodes: string[];
  sessionTokenHash: string;
  /** The account as read with the session (a plain row, not in the identity map): `me` answers from it. */
  account: UserRow;
}

/** Everything one GraphQL request carries; services take it as their first argument. */
export interface RequestContext {
  config: AppConfig;
  em: EntityManager;
  user: AuthUser | null;
  /** True when a session cookie was sent but its session has expired or was signed out. */
  sessionExpired: boolean;
  locale: Locale;
  ip: string;
  req: IncomingMessage;
  /** Set-Cookie headers to add to the HTTP response. */
  responseCookies: string[];
  loaders: Loaders;
  tally: StatementTally;
  /** Reads of personal data to write to the audit trail when the answer is complete (one statement). */
  auditReads: AuditReads;
}
