import { Migration } from '@mikro-orm/migrations';

/**
 * The month × kelurahan rollup also keeps the planned packs, so the staff views of a round
 * (`roundCoverage`, `DistributionRound.totals`) read it instead of the plan and the deliveries
 * themselves (one round is one program and month): at 300,000 families a round's coverage took
 * about a second from the raw rows.
 */
export class Migration20261130020200InaKasihRollupPlannedPacks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "impact"."ina_month_kelurahan" add column "planned_packs" int not null default 0 check ("planned_packs" >= 0);`);
    this.addSql(`create or replace function impact.ina_plan_added() returns trigger language plpgsql as $$
      begin
        insert into impact.ina_month_kelurahan as c (program_id, month, kelurahan_code, planned_families, planned_women, planned_girls, planned_packs)
        select r.program_id, r.month, a.kelurahan_code, count(*), sum(a.eligible_women), sum(a.eligible_girls), sum(a.planned_packs)
          from added a join ina_distribution_round r on r.id = a.round_id
         group by 1, 2, 3
        on conflict (program_id, month, kelurahan_code) do update
          set planned_families = c.planned_families + excluded.planned_families,
              planned_women = c.planned_women + excluded.planned_women,
              planned_girls = c.planned_girls + excluded.planned_girls,
              planned_packs = c.planned_packs + excluded.planned_packs;
        return null;
      end $$;`);
    this.addSql(`create or replace function impact.ina_rebuild() returns void language plpgsql as $$
      begin
        truncate impact.ina_month_kelurahan, impact.ina_month_source, impact.ina_family_year, impact.ina_reach_range;
        insert into impact.ina_month_kelurahan (program_id, month, kelurahan_code, planned_families, planned_women, planned_girls, planned_packs, families, women, girls, packs)
        select r.program_id, r.month, x.kelurahan_code, sum(x.pf), sum(x.pw), sum(x.pg), sum(x.pp), sum(x.f), sum(x.w), sum(x.g), sum(x.packs)
          from (select round_id, kelurahan_code, count(*) pf, sum(eligible_women) pw, sum(eligible_girls) pg, sum(planned_packs) pp, 0 f, 0 w, 0 g, 0 packs
                  from ina_round_plan group by 1, 2
                union all
                select d.round_id, d.kelurahan_code, 0, 0, 0, 0, sum(s.delta), sum(s.delta * p.eligible_women), sum(s.delta * p.eligible_girls), sum(d.packs)
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
    this.addSql(`select impact.ina_rebuild();`);
  }
}
