import type { EntityName, FilterQuery } from '@mikro-orm/core';
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
  checkIdempotencyKey(key);
  // A replay whose first call committed (a phone retrying, a double tap) is answered in one
  // statement without a transaction. A key not stored yet, or whose work is still in flight (its
  // row is not visible until it commits), takes the path below, which waits on the key's row.
  const [stored] = await em
    .getConnection()
    .execute('select user_id, response from idempotency_key where operation = ? and key = ? and response is not null', [operation, key], 'all', em.getTransactionContext());
  if (stored) return replay<T>(stored, userId);
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
      return replay<T>(row, userId);
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

/**
 * runIdempotent for work that creates one entity: the first call gets the entity it made, a
 * replay the stored one, read fresh.
 */
export async function createIdempotent<E extends { id: string }>(
  em: EntityManager,
  operation: string,
  key: string | undefined,
  userId: string | undefined,
  entityName: EntityName<E>,
  work: (em: EntityManager) => Promise<E>,
): Promise<E> {
  let created: E | undefined;
  const { value, replayed } = await runIdempotent(em, operation, key, userId, async (tx) => {
    created = await work(tx);
    return { id: created.id };
  });
  return !replayed && created ? created : em.findOneOrFail(entityName, { id: value.id } as FilterQuery<E>, { refresh: true });
}

/** The stored first result; a key is bound to the account that used it first. */
function replay<T>(row: Record<string, unknown>, userId: string | undefined): IdempotentResult<T> {
  checkKeyOwner(row.user_id as string | null, userId);
  return { value: row.response as T, replayed: true };
}

/** Refuses a malformed key (also for plain-SQL writes that store their key themselves). */
export function checkIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new AppError('INVALID_IDEMPOTENCY_KEY');
}

/** A key is bound to the account that used it first: another account replaying it is refused. */
export function checkKeyOwner(keyUserId: string | null, userId: string | undefined): void {
  if (keyUserId && userId && keyUserId !== userId) throw new AppError(CommonErrors.IDEMPOTENCY_KEY_REUSED);
}
