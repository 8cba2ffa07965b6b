import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createApp, type App } from '../src/app';
import { tablesInDependencyOrder } from '../src/db/backup/table-order';
import { loadConfig, type AppConfig } from '../src/config';
import { DEMO_PASSWORD } from '../src/db/seeders/demo-accounts';
import { createLogger } from '../src/platform/logger';
import { GraphqlClient } from './graphql-client';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PII_KEY = '0'.repeat(63) + '1';

export interface TestApp {
  app: App;
  url: string;
  config: AppConfig;
  /** A fresh EntityManager for arranging and checking data directly. */
  em(): EntityManager;
  /** SQL run directly against the test database. */
  sql<T = Record<string, any>>(query: string, params?: unknown[]): Promise<T[]>;
  client(headers?: Record<string, string>): GraphqlClient;
  /** A digest of every row of every table: equal digests mean equal data. */
  fingerprint(): Promise<Record<string, string>>;
  /** A client signed in as a demo account (password from the demo seed). */
  as(login: string): Promise<GraphqlClient>;
  close(): Promise<void>;
}

/**
 * Starts the real app on a free port against a fresh database with the demo accounts seeded.
 * Every test file gets its own; call `close()` in afterAll. `env` overrides the configuration
 * (e.g. DATABASE_URL through a proxy); `options.database` reuses a database made by the caller;
 * `options.logger` receives the app's log (silent otherwise).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { database?: TestDatabase; logger?: Logger } = {}): Promise<TestApp> {
  const db: TestDatabase = options.database ?? (await createTestDatabase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kupang-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'always',
    PII_KEY: TEST_PII_KEY,
    // Every test client comes from 127.0.0.1; rate-limit tests switch the limits on themselves.
    RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  const app = await createApp(config, options.logger ?? createLogger('silent'), { serveWeb: false });
  const orm = app.database.orm;
  return {
    app,
    url: app.url,
    config,
    em: () => orm.em.fork(),
    sql: (query, params = []) => orm.em.getConnection().execute(query, params as any[]),
    client: (headers) => new GraphqlClient(app.url, headers),
    async fingerprint() {
      const em = orm.em.fork();
      const out: Record<string, string> = {};
      for (const table of await tablesInDependencyOrder(em)) {
        const [{ digest }] = await em.execute(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from "${table}" x`);
        out[table] = digest as string;
      }
      return out;
    },
    async as(login) {
      const c = new GraphqlClient(app.url);
      await c.signIn(login, DEMO_PASSWORD);
      return c;
    },
    async close() {
      await app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
