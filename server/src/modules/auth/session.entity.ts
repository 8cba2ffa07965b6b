import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { User } from '../user/user.entity';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a
 * database dump cannot be replayed as live sessions. Sign-out and expiry are server-side.
 */
@Entity({ tableName: 'session' })
export class Session {
  [PrimaryKeyProp]?: 'tokenHash';

  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash: string;

  @Index()
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string;

  constructor(tokenHash: string, user: User, expiresAt: Date) {
    this.tokenHash = tokenHash;
    this.user = user;
    this.expiresAt = expiresAt;
  }
}
