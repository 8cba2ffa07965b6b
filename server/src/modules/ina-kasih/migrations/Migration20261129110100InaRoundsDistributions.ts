import { Migration } from '@mikro-orm/migrations';

/**
 * Monthly distribution rounds, their planned list and the deliveries. The rules every server
 * process must respect live here:
 * - one round per program and month (unique); a round keeps the rule in effect for its month
 *   (trigger), and no rule may start in or before a month whose round is already planned;
 * - the planned list is fixed when the round opens (append-only);
 * - at most one delivery per family and round: deliveries are numbered per family and round
 *   (`attempt`) and the number is unique among deliveries; a further delivery needs the one
 *   before it to have been reversed (checked at commit), so two staff recording the same family
 *   at once leave exactly one row;
 * - deliveries and reversals are never edited or deleted (trigger); a reversal mirrors the
 *   delivery it corrects, at most once, and carries a reason;
 * - no delivery recorded after its round closed; stock movements point at the delivery they
 *   served, so every delivery's cost is attributable to the funding source of its lots.
 * Checks that need other rows run at commit (constraint triggers), so a restore that re-inserts
 * every table in one transaction passes them in any row order.
 */
export class Migration20261129110100InaRoundsDistributions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ina_distribution_round" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "program_id" uuid not null references "ina_program" ("id") on update cascade on delete restrict,
      "month" date not null check (extract(day from "month") = 1),
      "rule_id" uuid not null references "ina_entitlement_rule" ("id") on update cascade on delete restrict,
      "packs_per_woman" int not null check ("packs_per_woman" between 1 and 20),
      "pads_per_pack" int not null check ("pads_per_pack" between 1 and 100),
      "status" varchar(8) not null default 'OPEN' check ("status" in ('OPEN','CLOSED')),
      "opened_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "closed_at" timestamptz null,
      "closed_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "ina_distribution_round_program_month_unique" unique ("program_id", "month"),
      constraint "ina_distribution_round_closed_at" check (("status" = 'CLOSED') = ("closed_at" is not null))
    );`);

    // A round carries the rule of its month; only its closing changes it afterwards.
    this.addSql(`create function ina_round_guard() returns trigger language plpgsql as $$
      declare r record;
      begin
        if tg_op = 'DELETE' then
          raise exception 'ina_distribution_round rows are never deleted' using errcode = '55000';
        end if;
        if tg_op = 'INSERT' then
          select id, packs_per_woman, pads_per_pack into r from ina_entitlement_rule
           where program_id = new.program_id and effective_month <= new.month order by effective_month desc limit 1;
          if r.id is null or r.id <> new.rule_id or r.packs_per_woman <> new.packs_per_woman or r.pads_per_pack <> new.pads_per_pack then
            raise exception 'a round carries the rule in effect for its month' using errcode = '23514';
          end if;
          return new;
        end if;
        if (new.program_id, new.month, new.rule_id, new.packs_per_woman, new.pads_per_pack, new.created_at)
           is distinct from (old.program_id, old.month, old.rule_id, old.packs_per_woman, old.pads_per_pack, old.created_at)
           or (old.status = 'CLOSED' and (new.status, new.closed_at, new.closed_by_id) is distinct from (old.status, old.closed_at, old.closed_by_id)) then
          raise exception 'a round only changes by closing once' using errcode = '55000';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger ina_distribution_round_guarded before insert or update or delete on "ina_distribution_round"
      for each row execute function ina_round_guard();`);

    // History is never rewritten: a rule may not start in or before a month already planned.
    this.addSql(`create function ina_rule_after_rounds() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from ina_distribution_round where program_id = new.program_id and month >= new.effective_month) then
          raise exception 'a round from this month on is already planned under the old rule' using errcode = '23514';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger ina_entitlement_rule_after_rounds before insert on "ina_entitlement_rule"
      for each row execute function ina_rule_after_rounds();`);

    this.addSql(`create table "ina_round_plan" (
      "round_id" uuid not null references "ina_distribution_round" ("id") on update cascade on delete restrict,
      "family_id" uuid not null references "ina_family" ("id") on update cascade on delete restrict,
      "kelurahan_code" varchar(20) not null references "region" ("code") on update cascade on delete restrict,
      "eligible_women" int not null check ("eligible_women" > 0),
      "eligible_girls" int not null check ("eligible_girls" between 0 and "eligible_women"),
      "planned_packs" int not null check ("planned_packs" > 0),
      primary key ("round_id", "family_id")
    );`);
    this.addSql(`create index "ina_round_plan_kelurahan_index" on "ina_round_plan" ("round_id", "kelurahan_code");`);
    this.addSql(`create index "ina_round_plan_family_index" on "ina_round_plan" ("family_id");`);
    this.addSql(`create trigger ina_round_plan_no_update_delete before update or delete on "ina_round_plan"
      for each row execute function ina_append_only();`);

    this.addSql(`create table "ina_distribution" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "round_id" uuid not null,
      "family_id" uuid not null,
      "kelurahan_code" varchar(20) not null references "region" ("code") on update cascade on delete restrict,
      "kind" varchar(8) not null check ("kind" in ('DELIVERY','REVERSAL')),
      "attempt" int not null check ("attempt" >= 1),
      "reverses_id" uuid null references "ina_distribution" ("id") on update cascade on delete restrict,
      "packs" int not null,
      "received_by_member_id" uuid null references "ina_family_member" ("id") on update cascade on delete restrict,
      "proxy_name" varchar(120) null,
      "place" varchar(20) null check ("place" in ('DOOR_TO_DOOR','KELURAHAN_OFFICE','SCHOOL','HEALTH_POST')),
      "delivered_at" timestamptz not null,
      "recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "reason" varchar(500) null,
      constraint "ina_distribution_planned" foreign key ("round_id", "family_id") references "ina_round_plan" ("round_id", "family_id") on update cascade on delete restrict,
      constraint "ina_distribution_shape" check (
        ("kind" = 'DELIVERY' and "reverses_id" is null and "packs" between 1 and 1000 and "place" is not null
          and (("received_by_member_id" is not null) <> (length(btrim(coalesce("proxy_name", ''))) > 0)))
        or ("kind" = 'REVERSAL' and "reverses_id" is not null and "packs" < 0 and length(btrim(coalesce("reason", ''))) > 0))
    );`);
    // The rule of the issue: at most one (non-reversed) delivery per family per round.
    this.addSql(`create unique index "ina_distribution_one_per_family_round" on "ina_distribution" ("round_id", "family_id", "attempt") where "kind" = 'DELIVERY';`);
    this.addSql(`create unique index "ina_distribution_reversed_once" on "ina_distribution" ("reverses_id") where "reverses_id" is not null;`);
    this.addSql(`create index "ina_distribution_round_kelurahan_index" on "ina_distribution" ("round_id", "kelurahan_code");`);
    this.addSql(`create index "ina_distribution_family_index" on "ina_distribution" ("family_id", "created_at");`);
    this.addSql(`create trigger ina_distribution_no_update_delete before update or delete on "ina_distribution"
      for each row execute function ina_append_only();`);

    this.addSql(`create function ina_distribution_consistent() returns trigger language plpgsql as $$
      declare o record; rnd record;
      begin
        if new.kind = 'REVERSAL' then
          select * into o from ina_distribution where id = new.reverses_id;
          if o.kind <> 'DELIVERY' or o.round_id <> new.round_id or o.family_id <> new.family_id
             or o.attempt <> new.attempt or o.packs <> -new.packs or o.kelurahan_code <> new.kelurahan_code then
            raise exception 'a reversal mirrors the delivery it corrects' using errcode = '23514';
          end if;
          return null;
        end if;
        if new.attempt > 1 and not exists (
             select 1 from ina_distribution d join ina_distribution r on r.reverses_id = d.id
              where d.round_id = new.round_id and d.family_id = new.family_id and d.kind = 'DELIVERY' and d.attempt = new.attempt - 1) then
          raise exception 'a family receives again in a round only after its earlier delivery was reversed' using errcode = '23514';
        end if;
        if new.received_by_member_id is not null
           and not exists (select 1 from ina_family_member where id = new.received_by_member_id and family_id = new.family_id) then
          raise exception 'the member who signed belongs to the family' using errcode = '23514';
        end if;
        select status, closed_at into rnd from ina_distribution_round where id = new.round_id;
        if rnd.status = 'CLOSED' and new.created_at >= rnd.closed_at then
          raise exception 'the round is closed' using errcode = '23514';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger ina_distribution_consistent after insert on "ina_distribution"
      deferrable initially deferred for each row execute function ina_distribution_consistent();`);

    // Every stock movement of a delivery points at it: the cost of each delivery is attributable to its funders.
    this.addSql(`alter table "ina_stock_movement" add constraint "ina_stock_movement_distribution_fk"
      foreign key ("distribution_id") references "ina_distribution" ("id") on update cascade on delete restrict;`);
  }
}
