import { Migration } from '@mikro-orm/migrations';

/**
 * Erasure of an account holder's data at her request (UU 27/2022), the platform's part.
 * - `app_user.erased_at`: the account is kept as a pseudonymous row (its id still names who did
 *   what in the audit trail) without name, login or usable password; it can never sign in again.
 * - The audit trail's one exception is opened by `app.erasure` (set for one transaction by every
 *   erasure, families' included) instead of the Ina Kasih-only setting: only before/after may
 *   change, and only to a value marked `"erased": true`.
 * Registered after the feature modules: it replaces the trail's function that Ina Kasih's consent
 * withdrawal migration defined.
 */
export class Migration20261207020100AccountErasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "erased_at" timestamptz null;`);
    this.addSql(`alter table "app_user" drop constraint "app_user_login_present";`);
    this.addSql(`alter table "app_user" add constraint "app_user_login_present" check ("email" is not null or "phone" is not null or "erased_at" is not null);`);
    this.addSql(`alter table "app_user" add constraint "app_user_erased_closed" check ("erased_at" is null or (not "active" and "email" is null and "phone" is null));`);
    this.addSql(`create or replace function "audit_entry_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and coalesce(current_setting('app.erasure', true), '') = 'on'
           and (new.id, new.at, new.actor_id, new.actor_role, new.action, new.entity_type, new.entity_id, new.ip)
               is not distinct from (old.id, old.at, old.actor_id, old.actor_role, old.action, old.entity_type, old.entity_id, old.ip)
           and (new.before is null or new.before @> '{"erased": true}')
           and (new.after is null or new.after @> '{"erased": true}') then
          return new;
        end if;
        raise exception 'audit_entry is append-only';
      end; $$;`);
  }
}
