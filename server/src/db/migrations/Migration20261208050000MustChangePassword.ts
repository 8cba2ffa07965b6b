import { Migration } from '@mikro-orm/migrations';

/**
 * A password reset by market staff or an administrator gives a temporary password that works
 * once: `must_change_password` keeps the account limited to choosing a new one until she has.
 */
export class Migration20261208050000MustChangePassword extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "must_change_password" boolean not null default false;`);
  }
}
