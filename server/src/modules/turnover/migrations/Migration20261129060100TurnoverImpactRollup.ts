import { Migration } from '@mikro-orm/migrations';

/**
 * Monthly turnover rollups for the impact report (schema "impact": derived data, outside what
 * backups copy), kept by a trigger on turnover_report in the same transaction as the figure: a
 * current figure adds its amount, a figure superseded by a correction takes it away again.
 * Distinct vendors with a figure per month are a counter (the partner view hides a month's total
 * when too few vendors make it up). Emptied when turnover_report is truncated (a restore), so the
 * restored figures rebuild it.
 */
export class Migration20261129060100TurnoverImpactRollup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "impact";`);
    this.addSql(`create table "impact"."impact_turnover_month" (
      "month" date not null primary key,
      "amount" numeric(20, 0) not null default 0 check ("amount" >= 0),
      "reports" int not null default 0 check ("reports" >= 0),
      "vendors" int not null default 0 check ("vendors" >= 0));`);
    this.addSql(`create table "impact"."impact_turnover_vendor_month" (
      "month" date not null, "vendor_id" uuid not null, "reports" int not null check ("reports" >= 0), primary key ("month", "vendor_id"));`);

    this.addSql(`create function impact_turnover_apply(p_day uuid, p_vendor uuid, p_amount bigint, p_delta int) returns void language plpgsql as $$
      declare v_month date; n int;
      begin
        select date_trunc('month', date)::date into v_month from market_day where id = p_day;
        -- The proposed row of an upsert must pass the checks, so it never carries a negative figure.
        insert into impact.impact_turnover_month as m (month, amount, reports) values (v_month, greatest(p_amount * p_delta, 0), greatest(p_delta, 0))
          on conflict (month) do update set amount = m.amount + p_amount * p_delta, reports = m.reports + p_delta;
        insert into impact.impact_turnover_vendor_month as x (month, vendor_id, reports) values (v_month, p_vendor, greatest(p_delta, 0))
          on conflict (month, vendor_id) do update set reports = x.reports + p_delta returning reports into n;
        if (p_delta > 0 and n = 1) or (p_delta < 0 and n = 0) then
          update impact.impact_turnover_month set vendors = vendors + p_delta where month = v_month;
        end if;
      end $$;`);
    this.addSql(`create function impact_turnover_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' and new.current then
          perform impact_turnover_apply(new.market_day_id, new.vendor_id, new.amount, 1);
        elsif tg_op = 'UPDATE' and old.current and not new.current then
          perform impact_turnover_apply(old.market_day_id, old.vendor_id, old.amount, -1);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger impact_turnover_rollup after insert or update of "current" on "turnover_report"
      for each row execute function impact_turnover_changed();`);
    this.addSql(`create function impact_turnover_reset() returns trigger language plpgsql as $$
      begin
        truncate impact.impact_turnover_month, impact.impact_turnover_vendor_month;
        return null;
      end $$;`);
    this.addSql(`create trigger impact_turnover_truncated after truncate on "turnover_report"
      for each statement execute function impact_turnover_reset();`);

    // Backfill from the figures already there.
    this.addSql(`insert into impact.impact_turnover_vendor_month (month, vendor_id, reports)
      select date_trunc('month', d.date)::date, t.vendor_id, count(*) from turnover_report t join market_day d on d.id = t.market_day_id
       where t.current group by 1, 2;`);
    this.addSql(`insert into impact.impact_turnover_month (month, amount, reports, vendors)
      select date_trunc('month', d.date)::date, sum(t.amount), count(*), count(distinct t.vendor_id)
        from turnover_report t join market_day d on d.id = t.market_day_id where t.current group by 1;`);
  }
}
