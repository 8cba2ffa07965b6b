import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
}

describe('configuration from the environment', () => {
  it('has working defaults: port 3000, embedded database, Bahasa Indonesia users, demo data on first start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, seedDemo: 'auto', nodeEnv: 'development', cookieSecure: false });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x@localhost/db' }, 'DATABASE_URL is not a PostgreSQL URL'],
    [{ DATABASE_URL: 'postgres//nohost' }, 'DATABASE_URL is not a PostgreSQL URL'],
    [{ DATABASE_URL: 'postgres://user@host' }, 'DATABASE_URL is not a PostgreSQL URL'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO must be one of auto, always, never'],
    [{ PII_KEY: 'short' }, 'PII_KEY must be 64 hexadecimal characters'],
    [{ NODE_ENV: 'production' }, 'PII_KEY is required in production'],
    [{ ADMIN_EMAIL: 'it@kupangkota.go.id', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 10 characters'],
    [{ TRUSTED_PROXIES: '10.0.0.1, proxy.local' }, 'TRUSTED_PROXIES must be IP addresses separated by commas (not "proxy.local")'],
    [{ IDEMPOTENCY_RETENTION_DAYS: '3' }, 'IDEMPOTENCY_RETENTION_DAYS must be a whole number from 7 to 3650 (got "3")'],
    [{ RATE_LIMIT_ACCOUNT_PER_MINUTE: '-1' }, 'RATE_LIMIT_ACCOUNT_PER_MINUTE must be a whole number from 0 to 100000'],
    [{ RATE_LIMIT_ADDRESS_PER_MINUTE: 'many' }, 'RATE_LIMIT_ADDRESS_PER_MINUTE must be a whole number from 0 to 100000'],
    [{ IDEMPOTENCY_RETENTION_DAYS: 'month' }, 'IDEMPOTENCY_RETENTION_DAYS must be a whole number from 7 to 3650'],
  ])('refuses %j with a clear message', (env, expected) => {
    expect(problems(env).some((p) => p.startsWith(expected))).toBe(true);
  });

  it('reports every problem at once', () => {
    expect(problems({ PORT: 'x', SESSION_TTL_HOURS: '0' })).toHaveLength(2);
  });

  it('makes cookies Secure in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', PII_KEY: 'a'.repeat(64) }).cookieSecure).toBe(true);
  });
});
