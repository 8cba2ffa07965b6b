import { Migration } from '@mikro-orm/migrations';

/**
 * Turnover reports (omzet). The rules two server processes could race past live here:
 * a report only for a CHECKED_IN booking of that vendor and day (trigger, row locked FOR SHARE,
 * and a check-in with a report cannot be undone), one current version per vendor and day
 * (partial unique index), and old versions that never change or disappear (trigger).
 */
export class Migration20261129060000TurnoverReport extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "turnover_report" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "booking_id" uuid not null references "market_booking" ("id") on update cascade on delete restrict,
      "vendor_id" uuid not null references "market_vendor" ("id") on update cascade on delete restrict,
      "market_day_id" uuid not null references "market_day" ("id") on update cascade on delete restrict,
      "version" int not null check ("version" >= 1),
      "current" boolean not null default true,
      "amount" bigint not null check ("amount" >= 0),
      "transactions" int null check ("transactions" >= 0),
      "status" varchar(10) not null default 'RECORDED' check ("status" in ('RECORDED','CONFIRMED','DISPUTED','RESOLVED')),
      "correction_reason" varchar(500) null,
      "confirmed_implausible" boolean not null default false,
      "recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "recorded_at" timestamptz not null,
      "confirmed_at" timestamptz null,
      "dispute_comment" varchar(500) null,
      "disputed_at" timestamptz null,
      "resolution_note" varchar(500) null,
      "resolved_at" timestamptz null,
      "resolved_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "turnover_report_version_unique" unique ("vendor_id", "market_day_id", "version"),
      constraint "turnover_report_correction_has_reason" check ("version" = 1 or length(btrim("correction_reason")) > 0),
      constraint "turnover_report_confirmed" check ("status" <> 'CONFIRMED' or "confirmed_at" is not null),
      constraint "turnover_report_disputed" check ("status" not in ('DISPUTED','RESOLVED') or length(btrim("dispute_comment")) > 0),
      constraint "turnover_report_resolved" check ("status" <> 'RESOLVED' or ("resolved_at" is not null and length(btrim("resolution_note")) > 0))
    );`);
    this.addSql(`create unique index "turnover_report_one_current" on "turnover_report" ("vendor_id", "market_day_id") where "current";`);
    this.addSql(`create index "turnover_report_day_index" on "turnover_report" ("market_day_id") where "current";`);
    this.addSql(`create index "turnover_report_status_index" on "turnover_report" ("status", "recorded_at") where "current";`);
    this.addSql(`create index "turnover_report_booking_index" on "turnover_report" ("booking_id");`);

    this.addSql(`create function "turnover_report_requires_check_in"() returns trigger language plpgsql as $$
      declare b record;
      begin
        -- FOR SHARE: the check-in cannot be undone while this report commits.
        select status, vendor_id, market_day_id into b from market_booking where id = new.booking_id for share;
        if not found or b.status <> 'CHECKED_IN' or b.vendor_id <> new.vendor_id or b.market_day_id <> new.market_day_id then
          raise exception 'a turnover report needs a CHECKED_IN booking of the same vendor and market day'
            using errcode = 'check_violation', constraint = 'turnover_report_checked_in';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "turnover_report_requires_check_in" before insert on "turnover_report"
      for each row execute function "turnover_report_requires_check_in"();`);

    this.addSql(`create function "turnover_report_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'turnover reports are never deleted' using errcode = 'check_violation', constraint = 'turnover_report_append_only';
        end if;
        if not old.current then
          raise exception 'an earlier version of a turnover report never changes' using errcode = 'check_violation', constraint = 'turnover_report_append_only';
        end if;
        if new.booking_id <> old.booking_id or new.vendor_id <> old.vendor_id or new.market_day_id <> old.market_day_id
           or new.version <> old.version or new.amount <> old.amount or new.transactions is distinct from old.transactions
           or new.recorded_at <> old.recorded_at or new.recorded_by_id is distinct from old.recorded_by_id
           or new.correction_reason is distinct from old.correction_reason or new.created_at <> old.created_at then
          raise exception 'a turnover figure is corrected by a new version, not changed in place'
            using errcode = 'check_violation', constraint = 'turnover_report_append_only';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "turnover_report_append_only" before update or delete on "turnover_report"
      for each row execute function "turnover_report_append_only"();`);

    this.addSql(`create function "market_booking_keeps_turnover"() returns trigger language plpgsql as $$
      begin
        if old.status = 'CHECKED_IN' and new.status <> 'CHECKED_IN'
           and exists (select 1 from turnover_report where booking_id = old.id) then
          raise exception 'this check-in has a turnover report and cannot be undone'
            using errcode = 'check_violation', constraint = 'market_booking_turnover_needs_check_in';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "market_booking_keeps_turnover" before update of "status" on "market_booking"
      for each row execute function "market_booking_keeps_turnover"();`);
  }
}
