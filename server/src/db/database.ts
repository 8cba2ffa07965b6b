import fs from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { RegionService, type RegionFile } from '../modules/region/region.service';
import { Region } from '../modules/region/region.entity';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { ormOptions } from './orm.config';

export const DEFAULT_REGION_FILE = path.join(__dirname, 'data', 'kupang-regions.json');

/** A start-up failure with one line that tells the operator what is wrong. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface Database {
  orm: MikroORM<PostgreSqlDriver>;
  embedded?: EmbeddedPostgres;
  /** Where the data lives, for the start-up banner (no password). */
  description: string;
  close(): Promise<void>;
}

function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/**
 * Connects to PostgreSQL (DATABASE_URL) or starts the embedded one, applies the checked-in
 * migrations and makes sure the region list is loaded.
 */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let clientUrl = config.databaseUrl;
  if (!clientUrl) {
    const dir = path.join(config.dataDir, 'pg');
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      embedded = await startEmbeddedPostgres(dir, config.embeddedDbPort);
    } catch (err) {
      throw new StartupError(`cannot start the embedded database in ${dir}: ${(err as Error).message}`);
    }
    clientUrl = embedded.url;
  }
  const description = embedded ? `embedded PostgreSQL (PGlite) in ${path.join(config.dataDir, 'pg')}` : describeUrl(clientUrl);

  // PGlite serves every connection from one backend session: more than one would interleave transactions.
  let orm: MikroORM<PostgreSqlDriver>;
  try {
    orm = await MikroORM.init<PostgreSqlDriver>(ormOptions({ clientUrl, poolMax: embedded ? 1 : config.dbPoolMax, logSql: config.logLevel === 'trace', logger }));
  } catch (err) {
    await embedded?.stop();
    throw new StartupError(`cannot reach the database at ${description}: ${(err as Error).message.split('\n')[0]}`);
  }
  const applied = await orm.getMigrator().up();
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'database migrations applied');

  const em = orm.em.fork();
  if ((await em.count(Region, {})) === 0) {
    const file = JSON.parse(fs.readFileSync(DEFAULT_REGION_FILE, 'utf8')) as RegionFile;
    const count = await new RegionService().load(em, file);
    logger.info({ regions: count }, 'regions loaded');
  }

  return {
    orm,
    embedded,
    description,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
