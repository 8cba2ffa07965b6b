import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * Remembers the result of a mutation sent with an idempotency key, so a phone that retries
 * after a dropped connection gets the first result instead of a duplicate. Kept 30 days.
 */
@Entity({ tableName: 'idempotency_key' })
export class IdempotencyKey {
  [PrimaryKeyProp]?: ['operation', 'key'];

  /** The operation name, so one key cannot be replayed against another mutation. */
  @PrimaryKey({ type: 'string', length: 60 })
  operation: string;

  @PrimaryKey({ type: 'string', length: 100 })
  key: string;

  @Property({ type: 'uuid', nullable: true })
  userId?: string;

  @Property({ type: 'json', nullable: true })
  response?: unknown;

  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(operation: string, key: string) {
    this.operation = operation;
    this.key = key;
  }
}
