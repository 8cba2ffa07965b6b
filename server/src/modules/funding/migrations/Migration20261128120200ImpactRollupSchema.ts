import { Migration } from '@mikro-orm/migrations';

const ROLLUPS = ['impact_market_cell', 'impact_market_month', 'impact_market_year', 'impact_market_vendor_month', 'impact_market_vendor_year', 'impact_market_day'];

/**
 * The market rollups are derived data: they move to their own schema "impact", outside the
 * application tables that backups copy and restores replace. A restore truncates market_booking
 * (which now empties the rollups too) and re-inserts the bookings, whose trigger rebuilds them,
 * so a restored database reports exactly what its bookings say.
 */
export class Migration20261128120200ImpactRollupSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "impact";`);
    for (const table of ROLLUPS) this.addSql(`alter table "public"."${table}" set schema "impact";`);
    this.addSql(`create or replace function impact_market_apply(p_day uuid, p_vendor uuid, p_delta int) returns void language plpgsql as $$
      declare
        v_date date; v_month date; v_year int; v_category varchar; v_kel varchar; n int;
      begin
        select date into v_date from market_day where id = p_day;
        select category, kelurahan_code into v_category, v_kel from market_vendor where id = p_vendor;
        v_month := date_trunc('month', v_date)::date;
        v_year := extract(year from v_date)::int;
        -- The proposed row of an upsert must pass the checks before the conflict is seen, so it
        -- never carries a negative count; a decrement always finds the row its check-in made.
        insert into impact.impact_market_cell as c (month, category, kelurahan_code, stall_days) values (v_month, v_category, v_kel, greatest(p_delta, 0))
          on conflict (month, category, kelurahan_code) do update set stall_days = c.stall_days + p_delta;
        insert into impact.impact_market_month as m (month, stall_days) values (v_month, greatest(p_delta, 0))
          on conflict (month) do update set stall_days = m.stall_days + p_delta;
        insert into impact.impact_market_vendor_month as x (month, vendor_id, stall_days) values (v_month, p_vendor, greatest(p_delta, 0))
          on conflict (month, vendor_id) do update set stall_days = x.stall_days + p_delta returning stall_days into n;
        if (p_delta > 0 and n = 1) or (p_delta < 0 and n = 0) then
          update impact.impact_market_month set vendors = vendors + p_delta where month = v_month;
        end if;
        insert into impact.impact_market_vendor_year as x (year, vendor_id, stall_days) values (v_year, p_vendor, greatest(p_delta, 0))
          on conflict (year, vendor_id) do update set stall_days = x.stall_days + p_delta returning stall_days into n;
        if (p_delta > 0 and n = 1) or (p_delta < 0 and n = 0) then
          insert into impact.impact_market_year as y (year, vendors) values (v_year, greatest(p_delta, 0))
            on conflict (year) do update set vendors = y.vendors + p_delta;
        end if;
        insert into impact.impact_market_day as d (market_day_id, checked_in) values (p_day, greatest(p_delta, 0))
          on conflict (market_day_id) do update set checked_in = d.checked_in + p_delta returning checked_in into n;
        if (p_delta > 0 and n = 1) or (p_delta < 0 and n = 0) then
          update impact.impact_market_month set days_held = days_held + p_delta where month = v_month;
        end if;
      end $$;`);
    this.addSql(`create function impact_market_reset() returns trigger language plpgsql as $$
      begin
        truncate impact.impact_market_cell, impact.impact_market_month, impact.impact_market_year,
                 impact.impact_market_vendor_month, impact.impact_market_vendor_year, impact.impact_market_day;
        return null;
      end $$;`);
    this.addSql(`create trigger impact_market_booking_truncated after truncate on "market_booking"
      for each statement execute function impact_market_reset();`);
  }
}
