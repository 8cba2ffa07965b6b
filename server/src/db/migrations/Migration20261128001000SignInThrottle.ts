import { Migration } from '@mikro-orm/migrations';

/** Failed sign-in counters per account and per address, shared by every server process. */
export class Migration20261128001000SignInThrottle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_failure" (
      "bucket" varchar(300) not null primary key,
      "window_start" timestamptz not null,
      "failures" int not null check ("failures" >= 0)
    );`);
  }
}
