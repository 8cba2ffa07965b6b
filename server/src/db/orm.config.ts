import { DataloaderType, type Options } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from '../modules/entities';
import { CountingLogger } from './sql-statement-counter';
import { migrationsList } from './migrations';

export interface OrmConnectionOptions {
  clientUrl: string;
  poolMax: number;
  logSql?: boolean;
  /** The application's JSON log; without it (scripts, some tests) MikroORM and knex print plain text. */
  logger?: Logger;
}

/** MikroORM options shared by the server, the seeders, the tests and the benchmarks. */
export function ormOptions({ clientUrl, poolMax, logSql = false, logger }: OrmConnectionOptions): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    // Batches references and collections across a request (3 statements instead of 1,101 measured).
    dataloader: DataloaderType.ALL,
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
      silent: true,
    },
    // Statements only: with 'query-params' every value (names, birth dates, NIK masks) would be logged.
    debug: logSql ? ['query'] : false,
    loggerFactory: (options) => new CountingLogger(options, logger),
    // knex reports a dropped pool connection ("Connection Error: …") on the console: into the JSON log instead.
    ...(logger ? { driverOptions: { log: knexLog(logger) } } : {}),
    allowGlobalContext: false,
  };
}

/** knex's logger hooks, as JSON entries. Only strings: knex's debug objects may carry bindings. */
function knexLog(logger: Logger) {
  const entry = (level: 'warn' | 'error' | 'debug') => (message: unknown) =>
    logger[level]({ knex: true }, typeof message === 'string' ? message : 'knex reported an object (not logged: it may hold values)');
  return { warn: entry('warn'), error: entry('error'), deprecate: entry('warn'), debug: entry('debug') };
}
