import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, CommonErrors } from './app-error';

export interface IdempotentResult<T> {
  value: T;
  /** True when this call replayed an earlier request's stored result. */
  replayed: boolean;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * Runs `work` at most once per (operation, key). The key row is inserted in the same
 * transaction as the work: a concurrent retry waits on the primary key and then reads the
 * committed result; a failed attempt rolls the key back so a retry can try again.
 * `work` must return a JSON-serialisable value (typically the id of what it created).
 */
export async function runIdempotent<T>(
  em: EntityManager,
  operation: string,
  key: string | undefined,
  userId: string | undefined,
  work: (em: EntityManager) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!key) return { value: await em.transactional((tx) => work(tx)), replayed: false };
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new AppError('INVALID_IDEMPOTENCY_KEY');
  return em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const inserted = await conn.execute(
      `insert into idempotency_key (operation, key, user_id, created_at) values (?, ?, ?, now())
       on conflict do nothing returning key`,
      [operation, key, userId ?? null],
      'all',
      tx.getTransactionContext(),
    );
    if (inserted.length === 0) {
      const [row] = await conn.execute(
        'select user_id, response from idempotency_key where operation = ? and key = ?',
        [operation, key],
        'all',
        tx.getTransactionContext(),
      );
      if (row.user_id && userId && row.user_id !== userId) throw new AppError(CommonErrors.IDEMPOTENCY_KEY_REUSED);
      return { value: row.response as T, replayed: true };
    }
    const value = await work(tx);
    await conn.execute(
      'update idempotency_key set response = ?::jsonb where operation = ? and key = ?',
      [JSON.stringify(value ?? null), operation, key],
      'run',
      tx.getTransactionContext(),
    );
    return { value, replayed: false };
  });
}
