import { Migration } from '@mikro-orm/migrations';

/**
 * Masked KK and NIK numbers keep no digit (issue 16). The old form (`5371••••••••0012`) kept the
 * serial, and a NIK's hidden middle is its region and birth date (+40 for women), both in clear
 * beside it: region + date + serial gave the whole NIK back. Every stored mask becomes sixteen
 * dots, also inside the audit trail's before/after values (a one-off rewrite with the trail's
 * append-only trigger switched off for this transaction only), and CHECK constraints keep a digit
 * out of every masked column and out of any masked form in the trail from now on.
 */
export class Migration20261208010000IdMasksWithoutDigits extends Migration {
  override async up(): Promise<void> {
    const dots = `repeat('•', 16)`;
    this.addSql(`update "ina_family" set "kk_masked" = ${dots} where "kk_masked" is not null;`);
    this.addSql(`update "ina_family_kk_history" set "kk_masked" = ${dots} where "kk_masked" is not null;`);
    this.addSql(`update "ina_family_member" set "nik_masked" = ${dots} where "nik_masked" is not null;`);
    this.addSql(`alter table "ina_family" add constraint "ina_family_kk_masked_no_digits" check ("kk_masked" ~ '^•{16}$');`);
    this.addSql(`alter table "ina_family_kk_history" add constraint "ina_family_kk_history_kk_masked_no_digits" check ("kk_masked" ~ '^•{16}$');`);
    this.addSql(`alter table "ina_family_member" add constraint "ina_family_member_nik_masked_no_digits" check ("nik_masked" ~ '^•{16}$');`);
    // A digit next to a dot belongs to an old masked form: each pass turns the digits touching a dot into dots.
    this.addSql(`alter table "audit_entry" disable trigger "audit_entry_no_change";`);
    this.addSql(`do $$
      begin
        for i in 1..16 loop
          update "audit_entry"
             set "before" = case when "before"::text ~ '[0-9]•|•[0-9]' then regexp_replace(regexp_replace("before"::text, '[0-9]•', '••', 'g'), '•[0-9]', '••', 'g')::jsonb else "before" end,
                 "after" = case when "after"::text ~ '[0-9]•|•[0-9]' then regexp_replace(regexp_replace("after"::text, '[0-9]•', '••', 'g'), '•[0-9]', '••', 'g')::jsonb else "after" end
           where "before"::text ~ '[0-9]•|•[0-9]' or "after"::text ~ '[0-9]•|•[0-9]';
          exit when not found;
        end loop;
      end $$;`);
    this.addSql(`alter table "audit_entry" enable trigger "audit_entry_no_change";`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_no_masked_digits"
      check (coalesce("before"::text, '') !~ '[0-9]•|•[0-9]' and coalesce("after"::text, '') !~ '[0-9]•|•[0-9]');`);
  }
}
