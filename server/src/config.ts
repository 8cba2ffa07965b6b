import { isIP } from 'node:net';
import path from 'node:path';

/** Typed, validated configuration read once from the environment at start-up. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** External PostgreSQL; when absent the embedded PostgreSQL (PGlite) is used. */
  databaseUrl?: string;
  /** Folder for the embedded database and generated local secrets. */
  dataDir: string;
  embeddedDbPort: number;
  dbPoolMax: number;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** 32-byte key (hex or base64) for personal data at rest; generated into dataDir when absent outside production. */
  piiKey?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** auto: seed demo data when the database has no users; always / never. */
  seedDemo: 'auto' | 'always' | 'never';
  logLevel: string;
  /** Folder of the built SvelteKit portal (adapter-node output). */
  webBuildDir: string;
  /** Impact figures (counts) below this are suppressed for partners, with complementary cells. */
  impactMinCell: number;
  /** Addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (loopback always is). */
  trustedProxies: string[];
  /** Days an idempotency key (and the result it replays) is kept; an offline phone may retry within this time. */
  idempotencyRetentionDays: number;
  /** Mutations one signed-in account may send per minute, over all server processes (0 = no limit). */
  rateLimitAccountPerMinute: number;
  /** Mutations one client address may send per minute, over all server processes (0 = no limit). */
  rateLimitAddressPerMinute: number;
  /** A day's turnover above this (whole rupiah) is stored only after staff confirm it. */
  turnoverPlausibleMax: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

const repoRoot = path.resolve(__dirname, '..', '..');

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, key: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    problems.push(`${key} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }
  return raw as T;
}

function databaseUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error('protocol');
    if (!url.hostname || url.pathname.length < 2) throw new Error('host or database missing');
    return raw;
  } catch {
    problems.push('DATABASE_URL is not a PostgreSQL URL; expected postgres://USER:PASSWORD@HOST:5432/DATABASE');
    return undefined;
  }
}

function trustedProxies(raw: string | undefined, problems: string[]): string[] {
  const list = (raw ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const bad = list.filter((a) => isIP(a) === 0);
  if (bad.length) problems.push(`TRUSTED_PROXIES must be IP addresses separated by commas (not "${bad.join(', ')}")`);
  return list.flatMap((a) => (isIP(a) === 4 ? [a, `::ffff:${a}`] : [a]));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development', problems);
  const config: AppConfig = {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535, problems),
    databaseUrl: databaseUrl(env.DATABASE_URL, problems),
    dataDir: path.resolve(env.DATA_DIR || path.join(repoRoot, 'data')),
    embeddedDbPort: int(env, 'EMBEDDED_DB_PORT', 0, 0, 65535, problems),
    dbPoolMax: int(env, 'DB_POOL_MAX', 10, 1, 200, problems),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30, problems),
    cookieSecure: oneOf(env, 'COOKIE_SECURE', ['true', 'false'] as const, nodeEnv === 'production' ? 'true' : 'false', problems) === 'true',
    piiKey: env.PII_KEY || undefined,
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    seedDemo: oneOf(env, 'SEED_DEMO', ['auto', 'always', 'never'] as const, 'auto', problems),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info', problems),
    webBuildDir: path.resolve(env.WEB_BUILD_DIR || path.join(repoRoot, 'web', 'build')),
    impactMinCell: int(env, 'IMPACT_MIN_CELL', 10, 2, 1000, problems),
    trustedProxies: trustedProxies(env.TRUSTED_PROXIES, problems),
    idempotencyRetentionDays: int(env, 'IDEMPOTENCY_RETENTION_DAYS', 30, 7, 3650, problems),
    rateLimitAccountPerMinute: int(env, 'RATE_LIMIT_ACCOUNT_PER_MINUTE', 120, 0, 100000, problems),
    rateLimitAddressPerMinute: int(env, 'RATE_LIMIT_ADDRESS_PER_MINUTE', 300, 0, 100000, problems),
    turnoverPlausibleMax: int(env, 'TURNOVER_PLAUSIBLE_MAX', 50_000_000, 100_000, 1_000_000_000_000, problems),
  };
  if (config.piiKey && !/^[0-9a-fA-F]{64}$/.test(config.piiKey)) {
    problems.push('PII_KEY must be 64 hexadecimal characters (32 bytes); generate one with: openssl rand -hex 32');
  }
  if (nodeEnv === 'production' && !config.piiKey) {
    problems.push('PII_KEY is required in production (openssl rand -hex 32)');
  }
  if (config.adminEmail && (!config.adminPassword || config.adminPassword.length < 10)) {
    problems.push('ADMIN_PASSWORD must be at least 10 characters when ADMIN_EMAIL is set');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
