import { Migration } from '@mikro-orm/migrations';

/**
 * Consent withdrawal (UU 27/2022): a family's personal fields are erased in one transaction
 * while the counts already reported stay (round plans, deliveries and stock are kept).
 *
 * Two append-only tables hold personal data and so get one narrow exception each, open only
 * inside the erasure transaction (`set_config('ina.erasure', 'on', true)`):
 * - `audit_entry`: only `before`/`after` may change, and only to a value marked
 *   `"erased": true` (the who/when/what of every entry stays);
 * - `ina_distribution`: only `proxy_name` (the name of the person who signed for the family).
 * A delivery recorded after the family withdrew is refused at commit (restores of older rows pass).
 */
export class Migration20261130010000InaConsentWithdrawal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "audit_entry_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and coalesce(current_setting('ina.erasure', true), '') = 'on'
           and (new.id, new.at, new.actor_id, new.actor_role, new.action, new.entity_type, new.entity_id, new.ip)
               is not distinct from (old.id, old.at, old.actor_id, old.actor_role, old.action, old.entity_type, old.entity_id, old.ip)
           and (new.before is null or new.before @> '{"erased": true}')
           and (new.after is null or new.after @> '{"erased": true}') then
          return new;
        end if;
        raise exception 'audit_entry is append-only';
      end; $$;`);

    this.addSql(`create function "ina_distribution_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and coalesce(current_setting('ina.erasure', true), '') = 'on'
           and to_jsonb(new) - 'proxy_name' = to_jsonb(old) - 'proxy_name' then
          return new;
        end if;
        raise exception '% is append-only: add a new row instead', tg_table_name using errcode = '55000';
      end $$;`);
    this.addSql(`drop trigger "ina_distribution_no_update_delete" on "ina_distribution";`);
    this.addSql(`create trigger "ina_distribution_no_update_delete" before update or delete on "ina_distribution"
      for each row execute function "ina_distribution_append_only"();`);

    this.addSql(`create function "ina_distribution_consent_kept"() returns trigger language plpgsql as $$
      begin
        if new.kind = 'DELIVERY' and exists (select 1 from ina_family f where f.id = new.family_id and f.consent_withdrawn_at <= new.created_at) then
          raise exception 'the family withdrew its consent: no further deliveries' using errcode = '23514';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "ina_distribution_consent_kept" after insert on "ina_distribution"
      deferrable initially deferred for each row execute function "ina_distribution_consent_kept"();`);

  }
}
