import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { PURGE_RATE_LIMITS_SQL } from '../graphql/rate-limit';
import { PURGE_SIGN_IN_FAILURES_SQL } from '../modules/auth/sign-in-throttle';

/** Advisory lock key of the retention job ("kp-idem" in ASCII), shared by every server process. */
export const IDEMPOTENCY_RETENTION_LOCK = 0x6b702d6964656d;
export const IDEMPOTENCY_RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes idempotency keys older than `days` (and rate-limit and sign-in counters long quiet). Only one process at a time does it: the others
 * find the transaction-scoped advisory lock taken and skip this round (returns null then).
 */
export async function purgeIdempotencyKeys(em: EntityManager, days: number): Promise<number | null> {
  return em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const [{ locked }] = await conn.execute('select pg_try_advisory_xact_lock(?) as locked', [IDEMPOTENCY_RETENTION_LOCK], 'all', ctx);
    if (!locked) return null;
    const rows = await conn.execute(
      `delete from idempotency_key where created_at < now() - make_interval(days => ?) returning 1`,
      [days],
      'all',
      ctx,
    );
    await conn.execute(PURGE_RATE_LIMITS_SQL, [], 'run', ctx);
    await conn.execute(PURGE_SIGN_IN_FAILURES_SQL, [], 'run', ctx);
    return rows.length;
  });
}

/** Runs the purge once shortly after start and then hourly; returns a stop function for shutdown. */
export function startIdempotencyRetention(orm: MikroORM<PostgreSqlDriver>, days: number, logger: Logger): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = purgeIdempotencyKeys(orm.em.fork(), days).then(
      (deleted) => {
        if (deleted) logger.info({ deleted, days }, 'old idempotency keys deleted');
      },
      (err: unknown) => logger.warn({ err }, 'idempotency key retention failed; will retry in an hour'),
    );
  };
  const first = setTimeout(run, 5_000);
  const every = setInterval(run, IDEMPOTENCY_RETENTION_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
    void running;
  };
}
