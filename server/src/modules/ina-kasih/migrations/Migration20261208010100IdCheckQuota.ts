import { Migration } from '@mikro-orm/migrations';

/**
 * A per-officer hourly allowance of identity checks (`checkFamilyIdentity`, and a search of the
 * registry by a full 16-digit KK or NIK): each is a yes/no oracle for a guessed number, so the
 * database bounds how fast anyone can guess. One row per officer holds the current hour and how
 * many checks were used in it; the CHECK refuses the 31st, whichever server process asks.
 */
export class Migration20261208010100IdCheckQuota extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ina_id_check_quota" (
      "user_id" uuid primary key references "app_user" ("id") on update cascade on delete cascade,
      "hour" timestamptz not null,
      "used" int not null,
      constraint "ina_id_check_quota_limit" check ("used" between 1 and 30)
    );`);
  }
}
