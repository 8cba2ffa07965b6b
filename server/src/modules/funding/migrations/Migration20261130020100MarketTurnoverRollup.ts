import { Migration } from '@mikro-orm/migrations';

/**
 * Monthly turnover of the weekend market for the impact report, kept by a trigger on
 * turnover_report in the same transaction as every write. What counts is what turnoverTotals
 * counts: the CURRENT version of each vendor's figure for a day, whatever its status —
 * RECORDED, CONFIRMED, DISPUTED (the figure stands until staff resolve it; a dispute resolved
 * with another amount is a correction) or RESOLVED. A correction first marks the old version
 * not current (its amount leaves the month) and then inserts the new one (its amount enters).
 * Status changes of a current version move nothing.
 */
export class Migration20261130020100MarketTurnoverRollup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "impact"."market_turnover_month" (
      "month" date not null primary key,
      "amount" numeric not null default 0 check ("amount" >= 0),
      "reports" int not null default 0 check ("reports" >= 0));`);
    this.addSql(`create function impact.market_turnover_apply(p_day uuid, p_amount bigint, p_delta int) returns void language plpgsql as $$
      begin
        insert into impact.market_turnover_month as t (month, amount, reports)
        select date_trunc('month', d.date)::date, greatest(p_amount * p_delta, 0), greatest(p_delta, 0) from market_day d where d.id = p_day
        on conflict (month) do update set amount = t.amount + p_amount * p_delta, reports = t.reports + p_delta;
      end $$;`);
    this.addSql(`create function impact.market_turnover_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and old.current and not new.current then
          perform impact.market_turnover_apply(old.market_day_id, old.amount, -1);
        end if;
        if new.current and (tg_op = 'INSERT' or not old.current) then
          perform impact.market_turnover_apply(new.market_day_id, new.amount, 1);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger turnover_report_impact after insert or update of "current" on "turnover_report"
      for each row execute function impact.market_turnover_changed();`);
    this.addSql(`create function impact.market_turnover_rebuild() returns void language plpgsql as $$
      begin
        truncate impact.market_turnover_month;
        insert into impact.market_turnover_month (month, amount, reports)
        select date_trunc('month', d.date)::date, sum(t.amount), count(*)
          from turnover_report t join market_day d on d.id = t.market_day_id where t.current group by 1;
      end $$;`);
    this.addSql(`create function impact.market_turnover_reset() returns trigger language plpgsql as $$
      begin
        truncate impact.market_turnover_month;
        return null;
      end $$;`);
    this.addSql(`create trigger turnover_report_impact_truncated after truncate on "turnover_report"
      for each statement execute function impact.market_turnover_reset();`);
    this.addSql(`select impact.market_turnover_rebuild();`);
  }
}
