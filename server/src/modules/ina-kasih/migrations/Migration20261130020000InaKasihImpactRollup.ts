import { Migration } from '@mikro-orm/migrations';

/**
 * Pre-aggregated Ina Kasih impact in schema "impact" (derived data, like the market rollups),
 * kept correct by triggers in the same transaction as every write:
 *
 * - `ina_month_kelurahan` (program × round month × kelurahan): families, women and girls planned
 *   (from `ina_round_plan`, a statement trigger, so opening a round of 30,000 families is one
 *   aggregate) and reached (from each delivery and reversal), packs delivered. Women and girls
 *   are those of the round's plan: their age in the delivery month, as the plan counted them.
 * - `ina_month_source` (… × funding source): packs, cost and woman-months per funder, from each
 *   stock movement of a delivery or reversal (a delivery drawing from two lots is split by packs,
 *   so each funder's cost per woman per month is its cost over the woman-months it paid for).
 * - Distinct families over a period, without count(DISTINCT) over deliveries: `ina_family_year`
 *   keeps, per family and year, a 12-bit mask of the months it received (one standing delivery
 *   per family and round, so a bit is exact); `ina_reach_range` keeps, for each of the 78 month
 *   ranges of a year, how many families have a bit inside it. A delivery or reversal that flips a
 *   bit updates only the ranges whose answer changes (at most 42 rows, one statement). A period
 *   query then reads one row.
 *
 * `impact.ina_rebuild()` recomputes all of it from the raw rows (bulk loads, tests that prove the
 * rollups equal the raw rows, restores).
 */
export class Migration20261130020000InaKasihImpactRollup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "impact";`);
    this.addSql(`create table "impact"."ina_month_kelurahan" (
      "program_id" uuid not null, "month" date not null, "kelurahan_code" varchar(20) not null,
      "planned_families" int not null default 0 check ("planned_families" >= 0),
      "planned_women" int not null default 0 check ("planned_women" >= 0),
      "planned_girls" int not null default 0 check ("planned_girls" >= 0),
      "families" int not null default 0 check ("families" >= 0),
      "women" int not null default 0 check ("women" >= 0),
      "girls" int not null default 0 check ("girls" >= 0),
      "packs" int not null default 0 check ("packs" >= 0),
      primary key ("program_id", "month", "kelurahan_code"));`);
    this.addSql(`create table "impact"."ina_month_source" (
      "program_id" uuid not null, "month" date not null, "kelurahan_code" varchar(20) not null, "funding_source_id" uuid not null,
      "packs" int not null default 0 check ("packs" >= 0),
      "cost" bigint not null default 0 check ("cost" >= 0),
      "woman_months" numeric not null default 0,
      primary key ("program_id", "month", "kelurahan_code", "funding_source_id"));`);
    this.addSql(`create table "impact"."ina_family_year" (
      "program_id" uuid not null, "year" int not null, "family_id" uuid not null,
      "months" int not null default 0 check ("months" between 0 and 4095),
      primary key ("program_id", "year", "family_id"));`);
    this.addSql(`create table "impact"."ina_reach_range" (
      "program_id" uuid not null, "year" int not null, "from_month" int not null, "to_month" int not null,
      "range_mask" int not null, "families" int not null default 0 check ("families" >= 0),
      primary key ("program_id", "year", "from_month", "to_month"));`);

    // Planned families per month and kelurahan: one aggregate per statement (openRound inserts the whole plan at once).
    this.addSql(`create function impact.ina_plan_added() returns trigger language plpgsql as $$
      begin
        insert into impact.ina_month_kelurahan as c (program_id, month, kelurahan_code, planned_families, planned_women, planned_girls)
        select r.program_id, r.month, a.kelurahan_code, count(*), sum(a.eligible_women), sum(a.eligible_girls)
          from added a join ina_distribution_round r on r.id = a.round_id
         group by 1, 2, 3
        on conflict (program_id, month, kelurahan_code) do update
          set planned_families = c.planned_families + excluded.planned_families,
              planned_women = c.planned_women + excluded.planned_women,
              planned_girls = c.planned_girls + excluded.planned_girls;
        return null;
      end $$;`);
    this.addSql(`create trigger ina_round_plan_impact after insert on "ina_round_plan"
      referencing new table as added for each statement execute function impact.ina_plan_added();`);

    // The 78 month ranges of a year as bit masks (months 1–12 are bits 0–11).
    this.addSql(`create function impact.ina_ranges() returns table (from_month int, to_month int, range_mask int) language sql immutable as $$
      select a, b, ((1 << b) - 1) & ~((1 << (a - 1)) - 1) from generate_series(1, 12) a, generate_series(1, 12) b where b >= a
    $$;`);

    this.addSql(`create function impact.ina_distribution_added() returns trigger language plpgsql as $$
      declare
        v_program uuid; v_month date; v_year int; v_bit int; v_women int; v_girls int; v_delta int; v_old int; v_new int;
      begin
        select program_id, month into v_program, v_month from ina_distribution_round where id = new.round_id;
        select eligible_women, eligible_girls into v_women, v_girls from ina_round_plan where round_id = new.round_id and family_id = new.family_id;
        v_delta := case when new.kind = 'DELIVERY' then 1 else -1 end;
        insert into impact.ina_month_kelurahan as c (program_id, month, kelurahan_code, families, women, girls, packs)
          values (v_program, v_month, new.kelurahan_code, greatest(v_delta, 0), greatest(v_delta, 0) * v_women, greatest(v_delta, 0) * v_girls, greatest(new.packs, 0))
          on conflict (program_id, month, kelurahan_code) do update
            set families = c.families + v_delta, women = c.women + v_delta * v_women, girls = c.girls + v_delta * v_girls, packs = c.packs + new.packs;
        -- The family's months of the year: a delivery sets its month's bit, a reversal clears it.
        v_year := extract(year from v_month)::int;
        v_bit := 1 << (extract(month from v_month)::int - 1);
        select months into v_old from impact.ina_family_year where program_id = v_program and year = v_year and family_id = new.family_id for update;
        if not found then
          insert into impact.ina_family_year (program_id, year, family_id, months) values (v_program, v_year, new.family_id, 0) on conflict do nothing;
          select months into v_old from impact.ina_family_year where program_id = v_program and year = v_year and family_id = new.family_id for update;
        end if;
        v_new := case when v_delta > 0 then v_old | v_bit else v_old & ~v_bit end;
        if v_new <> v_old then
          update impact.ina_family_year set months = v_new where program_id = v_program and year = v_year and family_id = new.family_id;
          if not exists (select 1 from impact.ina_reach_range where program_id = v_program and year = v_year and from_month = 1 and to_month = 12) then
            insert into impact.ina_reach_range (program_id, year, from_month, to_month, range_mask)
              select v_program, v_year, x.from_month, x.to_month, x.range_mask from impact.ina_ranges() x on conflict do nothing;
          end if;
          update impact.ina_reach_range
             set families = families + ((v_new & range_mask) <> 0)::int - ((v_old & range_mask) <> 0)::int
           where program_id = v_program and year = v_year and ((v_new & range_mask) <> 0) <> ((v_old & range_mask) <> 0);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger ina_distribution_impact after insert on "ina_distribution"
      for each row execute function impact.ina_distribution_added();`);

    // Cost per funder: every stock movement of a delivery (a draw) or a reversal (a return).
    this.addSql(`create function impact.ina_movement_added() returns trigger language plpgsql as $$
      declare v record; v_source uuid; v_share numeric;
      begin
        select r.program_id, r.month, d.kelurahan_code, d.packs, p.eligible_women into v
          from ina_distribution d join ina_distribution_round r on r.id = d.round_id
          join ina_round_plan p on p.round_id = d.round_id and p.family_id = d.family_id
         where d.id = new.distribution_id;
        select funding_source_id into v_source from ina_stock_lot where id = new.lot_id;
        v_share := v.eligible_women::numeric * (-new.packs) / abs(v.packs);
        insert into impact.ina_month_source as s (program_id, month, kelurahan_code, funding_source_id, packs, cost, woman_months)
          values (v.program_id, v.month, v.kelurahan_code, v_source, greatest(-new.packs, 0), greatest(-new.packs * new.unit_cost, 0), greatest(v_share, 0))
          on conflict (program_id, month, kelurahan_code, funding_source_id) do update
            set packs = s.packs - new.packs, cost = s.cost - new.packs * new.unit_cost, woman_months = s.woman_months + v_share;
        return null;
      end $$;`);
    this.addSql(`create trigger ina_stock_movement_impact after insert on "ina_stock_movement"
      for each row when (new.distribution_id is not null) execute function impact.ina_movement_added();`);

    this.addSql(`create function impact.ina_rebuild() returns void language plpgsql as $$
      begin
        truncate impact.ina_month_kelurahan, impact.ina_month_source, impact.ina_family_year, impact.ina_reach_range;
        insert into impact.ina_month_kelurahan (program_id, month, kelurahan_code, planned_families, planned_women, planned_girls, families, women, girls, packs)
        select r.program_id, r.month, x.kelurahan_code, sum(x.pf), sum(x.pw), sum(x.pg), sum(x.f), sum(x.w), sum(x.g), sum(x.packs)
          from (select round_id, kelurahan_code, count(*) pf, sum(eligible_women) pw, sum(eligible_girls) pg, 0 f, 0 w, 0 g, 0 packs
                  from ina_round_plan group by 1, 2
                union all
                select d.round_id, d.kelurahan_code, 0, 0, 0, sum(s.delta), sum(s.delta * p.eligible_women), sum(s.delta * p.eligible_girls), sum(d.packs)
                  from ina_distribution d join ina_round_plan p on p.round_id = d.round_id and p.family_id = d.family_id,
                       lateral (select case when d.kind = 'DELIVERY' then 1 else -1 end as delta) s
                 group by 1, 2) x
          join ina_distribution_round r on r.id = x.round_id
         group by 1, 2, 3;
        insert into impact.ina_month_source (program_id, month, kelurahan_code, funding_source_id, packs, cost, woman_months)
        select r.program_id, r.month, d.kelurahan_code, l.funding_source_id, sum(-m.packs), sum(-m.packs * m.unit_cost),
               sum(p.eligible_women::numeric * (-m.packs) / abs(d.packs))
          from ina_stock_movement m join ina_distribution d on d.id = m.distribution_id
          join ina_distribution_round r on r.id = d.round_id
          join ina_round_plan p on p.round_id = d.round_id and p.family_id = d.family_id
          join ina_stock_lot l on l.id = m.lot_id
         group by 1, 2, 3, 4;
        insert into impact.ina_family_year (program_id, year, family_id, months)
        select r.program_id, extract(year from r.month)::int, d.family_id, bit_or(1 << (extract(month from r.month)::int - 1))
          from (select round_id, family_id from ina_distribution
                 group by 1, 2 having sum(case when kind = 'DELIVERY' then 1 else -1 end) > 0) d
          join ina_distribution_round r on r.id = d.round_id
         group by 1, 2, 3;
        insert into impact.ina_reach_range (program_id, year, from_month, to_month, range_mask, families)
        select y.program_id, y.year, x.from_month, x.to_month, x.range_mask, count(*) filter (where (y.months & x.range_mask) <> 0)
          from impact.ina_family_year y cross join impact.ina_ranges() x
         group by 1, 2, 3, 4, 5;
      end $$;`);

    // A restore truncates the source tables and re-inserts them (their triggers add the rows back).
    this.addSql(`create function impact.ina_reset() returns trigger language plpgsql as $$
      begin
        perform impact.ina_rebuild();
        return null;
      end $$;`);
    for (const table of ['ina_round_plan', 'ina_distribution', 'ina_stock_movement']) {
      this.addSql(`create trigger ${table}_impact_truncated after truncate on "${table}" for each statement execute function impact.ina_reset();`);
    }
    this.addSql(`select impact.ina_rebuild();`);
  }
}
