import { Migration } from '@mikro-orm/migrations';

/**
 * A vendor's erasure of her data (UU 27/2022), the market's part. The vendor row stays as a
 * pseudonymous record — vendor number, category, kelurahan, status and dates, which the published
 * figures are built from — without names, phone, NIB or what she sells. Once erased, the row never
 * changes again, and no booking is made for it (the database says so, for every server process).
 */
export class Migration20261207020200VendorErasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "market_vendor" add column "erased_at" timestamptz null;`);
    this.addSql(`alter table "market_vendor" alter column "phone" drop not null;`);
    this.addSql(`alter table "market_vendor" add constraint "market_vendor_phone_until_erased" check (("phone" is null) = ("erased_at" is not null));`);
    this.addSql(`create function "market_vendor_erased_stays"() returns trigger language plpgsql as $$
      begin
        if old.erased_at is not null then
          raise exception 'this vendor''s data was erased at her request; the record no longer changes'
            using errcode = 'check_violation', constraint = 'market_vendor_erased_stays';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "market_vendor_erased_stays" before update on "market_vendor"
      for each row execute function "market_vendor_erased_stays"();`);
    // Used by the market's bookings here and by trainings and mentoring (turnover module).
    this.addSql(`create function "market_vendor_not_erased"() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from market_vendor v where v.id = new.vendor_id and v.erased_at is not null) then
          raise exception 'this vendor''s data was erased at her request' using errcode = 'check_violation', constraint = 'market_vendor_not_erased';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "market_booking_vendor_not_erased" before insert on "market_booking"
      for each row execute function "market_vendor_not_erased"();`);
  }
}
