import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MigrationObject, MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { DataSection } from '../platform/data-export.util';
import type { Locale } from '../platform/i18n';
import type { AuditRecords } from './audit/audit-erasure';

export interface DemoSeedOptions {
  /** Key for the encrypted personal-data columns (KK, NIK), from configuration. */
  piiKey: string;
  /**
   * Leave the Ina Kasih registry without demo families (NODE_ENV=test: the test suites build
   * the families they count themselves).
   */
  emptyRegistry?: boolean;
}

/** Demo data of one feature, written through the given EntityManager; safe to run twice. */
export type DemoSeedStep = (em: EntityManager, logger: Logger, options: DemoSeedOptions) => Promise<void>;

/** What a module's plain HTTP route (a file upload or download beside /graphql) is given. */
export interface HttpRouteContext {
  orm: MikroORM<PostgreSqlDriver>;
  config: AppConfig;
  logger: Logger;
}

/** A plain HTTP endpoint of a module, for what GraphQL carries badly (large uploads, file downloads). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Matched against the path; capture groups are passed on. */
  path: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, ctx: HttpRouteContext, match: RegExpExecArray): Promise<void>;
}

/** Why an erasure cannot happen now (a market day she is still booked for…): a message code and its values. */
export interface ErasureBlocker {
  code: string;
  params?: Record<string, unknown>;
}

/**
 * What a module keeps about an account holder, for her rights over it (UU 27/2022): a copy of it
 * (`exportMyData`) and its erasure (`eraseMyData`), run by user/account-data.service.ts for the
 * platform and every module in one transaction.
 */
export interface AccountDataPart {
  /** The sections of her data this module keeps; none when it keeps nothing about her. */
  export(em: EntityManager, userId: string, locale: Locale): Promise<DataSection[]>;
  /** What stops an erasure now; none when she may erase. */
  blockers?(em: EntityManager, userId: string, locale: Locale): Promise<ErasureBlocker[]>;
  /**
   * Blanks or removes this module's personal fields of the account holder, keeping what the
   * published figures and the program's accounts were built from; names the records whose audit
   * entries lose their personal values. Runs inside the erasure's transaction (`beginErasure`).
   */
  erase?(em: EntityManager, userId: string): Promise<AuditRecords[]>;
}

/**
 * What a feature module (market, turnover, Ina Kasih, funding) plugs into the platform.
 * Each module fills its own object, so features never edit each other's registration lines.
 */
export interface FeatureModule {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  /** Checked-in migrations of the module, oldest first. */
  migrations: MigrationObject[];
  demoSeed?: DemoSeedStep;
  httpRoutes?: HttpRoute[];
  accountData?: AccountDataPart;
  /**
   * A sign-in by phone for which no account exists yet, but a registration of this module waits
   * for approval: the password hash chosen when registering. Sign-in tells her that her
   * registration awaits approval only when her password matches it.
   */
  pendingSignIn?(em: EntityManager, phone: string): Promise<string | undefined>;
}
