import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in throttling by growing delays instead of a 15-minute lock-out: per bucket (a login, an
 * address or a known device, each as an HMAC) the failures in a row, the last one, and until when
 * the next try must wait. The old window counters are transient and mean nothing here: dropped.
 */
export class Migration20261207040000SignInDelays extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table "sign_in_failure";`);
    this.addSql(`create table "sign_in_failure" (
      "bucket" varchar(80) not null primary key check ("bucket" ~ '^(login|ip|device):[0-9a-f]{64}$'),
      "failures" int not null check ("failures" >= 0),
      "last_failure_at" timestamptz not null,
      "blocked_until" timestamptz not null
    );`);
    this.addSql(`create index "sign_in_failure_last_failure_index" on "sign_in_failure" ("last_failure_at");`);
  }
}
