import { Migration } from '@mikro-orm/migrations';

/**
 * Write counters per account and per address, one-minute windows, shared by every server
 * process. Kept in their own schema: transient, not part of backups or data comparisons.
 */
export class Migration20261128130000ApiRateLimit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "api_edge";`);
    this.addSql(`create unlogged table "api_edge"."rate_limit" (
      "bucket" varchar(120) not null primary key,
      "window_start" timestamptz not null,
      "hits" int not null check ("hits" >= 0)
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists "api_edge" cascade;`);
  }
}
