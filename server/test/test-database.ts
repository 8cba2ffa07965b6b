import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away database for one test file. With TEST_DATABASE_URL (a real PostgreSQL, as in CI)
 * a fresh database is created on that server and dropped afterwards; without it the app starts
 * the embedded PostgreSQL in a temporary folder.
 */
export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined for the embedded database. */
  url?: string;
  drop(): Promise<void>;
}

export const realPostgresUrl = process.env.TEST_DATABASE_URL || undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!realPostgresUrl) return { url: undefined, drop: async () => undefined };
  const name = `kupang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: realPostgresUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(realPostgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: realPostgresUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** Tests of races and locks mean something only on a real server: PGlite runs one session. */
export function requireRealPostgres(what: string): boolean {
  if (realPostgresUrl) return true;
  console.warn(`SKIPPED (needs TEST_DATABASE_URL, a real PostgreSQL): ${what}`);
  return false;
}
