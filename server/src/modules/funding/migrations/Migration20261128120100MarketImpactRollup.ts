import { Migration } from '@mikro-orm/migrations';

/**
 * Monthly rollups of the weekend market for the impact reports, kept correct on every write by
 * a trigger on market_booking in the same transaction as the check-in. A year's report then
 * reads at most 12 × 8 categories × 51 kelurahan cells plus 12 month rows, however many
 * bookings there are. Distinct counts (vendors per month and per year, days held) are kept as
 * counters that move only when a vendor's or a day's first (or last) check-in appears (or goes).
 * Category and kelurahan are those of the vendor at check-in time.
 */
export class Migration20261128120100MarketImpactRollup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "impact_market_cell" (
      "month" date not null, "category" varchar(20) not null, "kelurahan_code" varchar(20) not null,
      "stall_days" int not null default 0 check ("stall_days" >= 0),
      primary key ("month", "category", "kelurahan_code"));`);
    this.addSql(`create table "impact_market_month" (
      "month" date not null primary key,
      "stall_days" int not null default 0 check ("stall_days" >= 0),
      "vendors" int not null default 0 check ("vendors" >= 0),
      "days_held" int not null default 0 check ("days_held" >= 0));`);
    this.addSql(`create table "impact_market_year" ("year" int not null primary key, "vendors" int not null default 0 check ("vendors" >= 0));`);
    this.addSql(`create table "impact_market_vendor_month" (
      "month" date not null, "vendor_id" uuid not null, "stall_days" int not null check ("stall_days" >= 0), primary key ("month", "vendor_id"));`);
    this.addSql(`create table "impact_market_vendor_year" (
      "year" int not null, "vendor_id" uuid not null, "stall_days" int not null check ("stall_days" >= 0), primary key ("year", "vendor_id"));`);
    this.addSql(`create table "impact_market_day" ("market_day_id" uuid not null primary key, "checked_in" int not null check ("checked_in" >= 0));`);

    this.addSql(`create function impact_market_apply(p_day uuid, p_vendor uuid, p_delta int) returns void language plpgsql as $$
      declare
        v_date date; v_month date; v_year int; v_category varchar; v_kel varchar; n int;
      begin
        select date into v_date from market_day where id = p_day;
        select category, kelurahan_code into v_category, v_kel from market_vendor where id = p_vendor;
        v_month := date_trunc('month', v_date)::date;
        v_year := extract(year from v_date)::int;
        -- The proposed row of an upsert must pass the checks before the conflict is seen, so it
        -- never carries a negative count; a decrement always finds the row its check-in made.
        insert into impact_market_cell as c (month, category, kelurahan_code, stall_days) values (v_month, v_category, v_kel, greatest(p_delta, 0))
          on conflict (month, category, kelurahan_code) do update set stall_days = c.stall_days + p_delta;
        insert into impact_market_month as m (month, stall_days) values (v_month, greatest(p_delta, 0))
          on conflict (month) do update set stall_days = m.stall_days + p_delta;
        insert into impact_market_vendor_month as x (month, vendor_id, stall_days) values (v_month, p_vendor, greatest(p_delta, 0))
          on conflict (month, vendor_id) do update set stall_days = x.stall_days + p_delta returning stall_days into n;
        if (p_delta > 0 and n = 1) or (p_delta < 0 and n = 0) then
          update impact_market_month set vendors = vendors + p_delta where month = v_month;
        end if;
        insert into impact_market_vendor_year as x (year, vendor_id, stall_days) values (v_year, p_vendor, greatest(p_delta, 0))
          on conflict (year, vendor_id) do update set stall_days = x.stall_days + p_delta returning stall_days into n;
        if (p_delta > 0 and n = 1) or (p_delta < 0 and n = 0) then
          insert into impact_market_year as y (year, vendors) values (v_year, greatest(p_delta, 0))
            on conflict (year) do update set vendors = y.vendors + p_delta;
        end if;
        insert into impact_market_day as d (market_day_id, checked_in) values (p_day, greatest(p_delta, 0))
          on conflict (market_day_id) do update set checked_in = d.checked_in + p_delta returning checked_in into n;
        if (p_delta > 0 and n = 1) or (p_delta < 0 and n = 0) then
          update impact_market_month set days_held = days_held + p_delta where month = v_month;
        end if;
      end $$;`);

    this.addSql(`create function impact_market_booking_changed() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.status = 'CHECKED_IN'
           and (tg_op = 'DELETE' or new.status <> 'CHECKED_IN' or new.vendor_id <> old.vendor_id or new.market_day_id <> old.market_day_id) then
          perform impact_market_apply(old.market_day_id, old.vendor_id, -1);
        end if;
        if tg_op in ('INSERT', 'UPDATE') and new.status = 'CHECKED_IN'
           and (tg_op = 'INSERT' or old.status <> 'CHECKED_IN' or new.vendor_id <> old.vendor_id or new.market_day_id <> old.market_day_id) then
          perform impact_market_apply(new.market_day_id, new.vendor_id, 1);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger impact_market_booking_rollup after insert or update or delete on "market_booking"
      for each row execute function impact_market_booking_changed();`);

    // Backfill from what is already there.
    this.addSql(`insert into impact_market_cell (month, category, kelurahan_code, stall_days)
      select date_trunc('month', d.date)::date, v.category, v.kelurahan_code, count(*)
        from market_booking b join market_day d on d.id = b.market_day_id join market_vendor v on v.id = b.vendor_id
       where b.status = 'CHECKED_IN' group by 1, 2, 3;`);
    this.addSql(`insert into impact_market_vendor_month (month, vendor_id, stall_days)
      select date_trunc('month', d.date)::date, b.vendor_id, count(*) from market_booking b join market_day d on d.id = b.market_day_id
       where b.status = 'CHECKED_IN' group by 1, 2;`);
    this.addSql(`insert into impact_market_vendor_year (year, vendor_id, stall_days)
      select extract(year from d.date)::int, b.vendor_id, count(*) from market_booking b join market_day d on d.id = b.market_day_id
       where b.status = 'CHECKED_IN' group by 1, 2;`);
    this.addSql(`insert into impact_market_day (market_day_id, checked_in)
      select market_day_id, count(*) from market_booking where status = 'CHECKED_IN' group by 1;`);
    this.addSql(`insert into impact_market_month (month, stall_days, vendors, days_held)
      select m, coalesce((select sum(stall_days) from impact_market_vendor_month x where x.month = m), 0),
             (select count(*) from impact_market_vendor_month x where x.month = m and x.stall_days > 0),
             (select count(*) from impact_market_day k join market_day d on d.id = k.market_day_id where date_trunc('month', d.date)::date = m and k.checked_in > 0)
        from (select distinct month as m from impact_market_vendor_month) ms;`);
    this.addSql(`insert into impact_market_year (year, vendors)
      select year, count(*) from impact_market_vendor_year where stall_days > 0 group by 1;`);
  }
}
