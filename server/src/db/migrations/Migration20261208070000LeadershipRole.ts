import { Migration } from '@mikro-orm/migrations';

/**
 * City leadership (Wali Kota's office, Dinas, Bappeda): a read-only role for the city dashboard.
 * `add value` may run inside the migrations' transaction (PostgreSQL ≥ 12); no migration of the same
 * run uses the new value, which only becomes usable after the commit.
 */
export class Migration20261208070000LeadershipRole extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "user_role" add value if not exists 'LEADERSHIP';`);
  }
}
