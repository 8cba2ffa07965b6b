import { Migration } from '@mikro-orm/migrations';

/**
 * A family that stops being ACTIVE (paused, exited, consent withdrawn) leaves the plans of the
 * rounds still open, in the transaction of its status change, whatever path changes it (a trigger
 * on `ina_family.status`); back to ACTIVE, it is planned again in the open rounds (the planned list's
 * own rule: its eligible women that month times the round's packs per woman).
 *
 * - A plan row that a delivery or reversal already points at stays: it is the ledger's anchor
 *   (foreign key `ina_distribution_planned`), and what was handed over was handed over.
 * - `ina_round_plan` stays append-only except for that one deletion: a row may be deleted only
 *   while its round is OPEN and its family is not ACTIVE.
 * - The month × kelurahan rollup loses the planned families, women, girls and packs it had counted.
 * - Races: recordDistribution holds the family row FOR SHARE and reads its status; a status change
 *   takes the row FOR UPDATE, so one waits for the other. A delivery inserted for a family that was
 *   no longer ACTIVE when it was made is refused at commit (a backstop for paths that skip the
 *   service; restores of older rows pass), like the consent-withdrawal check beside it.
 * - Families already not ACTIVE are taken out of open rounds' plans now.
 */
export class Migration20261208020000InaPlanFollowsFamilyStatus extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "ina_round_plan_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE'
           and exists (select 1 from ina_distribution_round r where r.id = old.round_id and r.status = 'OPEN')
           and exists (select 1 from ina_family f where f.id = old.family_id and f.status <> 'ACTIVE') then
          return old;
        end if;
        raise exception '% is append-only: add a new row instead', tg_table_name using errcode = '55000';
      end $$;`);
    this.addSql(`drop trigger "ina_round_plan_no_update_delete" on "ina_round_plan";`);
    this.addSql(`create trigger "ina_round_plan_no_update_delete" before update or delete on "ina_round_plan"
      for each row execute function "ina_round_plan_append_only"();`);

    this.addSql(`create function impact.ina_plan_removed() returns trigger language plpgsql as $$
      begin
        update impact.ina_month_kelurahan c
           set planned_families = c.planned_families - x.families, planned_women = c.planned_women - x.women,
               planned_girls = c.planned_girls - x.girls, planned_packs = c.planned_packs - x.packs
          from (select r.program_id, r.month, o.kelurahan_code, count(*)::int as families, sum(o.eligible_women)::int as women,
                       sum(o.eligible_girls)::int as girls, sum(o.planned_packs)::int as packs
                  from removed o join ina_distribution_round r on r.id = o.round_id
                 group by 1, 2, 3) x
         where c.program_id = x.program_id and c.month = x.month and c.kelurahan_code = x.kelurahan_code;
        return null;
      end $$;`);
    this.addSql(`create trigger "ina_round_plan_impact_removed" after delete on "ina_round_plan"
      referencing old table as removed for each statement execute function impact.ina_plan_removed();`);

    this.addSql(`create function "ina_family_plan_follows_status"() returns trigger language plpgsql as $$
      begin
        if new.status <> 'ACTIVE' then
          delete from ina_round_plan p using ina_distribution_round r
           where r.id = p.round_id and r.status = 'OPEN' and p.family_id = new.id
             and not exists (select 1 from ina_distribution d where d.round_id = p.round_id and d.family_id = p.family_id);
        else
          insert into ina_round_plan (round_id, family_id, kelurahan_code, eligible_women, eligible_girls, planned_packs)
          select r.id, new.id, new.kelurahan_code, count(*),
                 count(*) filter (where m.birth_date > (r.month - interval '18 years')::date),
                 count(*) * r.packs_per_woman
            from ina_distribution_round r join ina_family_member m on m.family_id = new.id
           where r.status = 'OPEN' and new.enrolled_at < (r.month + interval '1 month')::date
             and (m.left_at is null or m.left_at >= r.month)
             and ina_is_eligible(m.birth_date, m.sex::text, r.month)
           group by r.id, r.packs_per_woman
          on conflict do nothing;
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "ina_family_plan_follows_status" after update of "status" on "ina_family"
      for each row when (old.status is distinct from new.status) execute function "ina_family_plan_follows_status"();`);

    this.addSql(`create function "ina_distribution_family_active"() returns trigger language plpgsql as $$
      begin
        if new.kind = 'DELIVERY' and exists (select 1 from ina_family f where f.id = new.family_id and f.status <> 'ACTIVE'
                                                and coalesce(f.status_changed_at, '-infinity') <= new.created_at) then
          raise exception 'the family is not active: no delivery in its name' using errcode = '23514';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "ina_distribution_family_active" after insert on "ina_distribution"
      deferrable initially deferred for each row execute function "ina_distribution_family_active"();`);

    this.addSql(`delete from ina_round_plan p using ina_distribution_round r, ina_family f
      where r.id = p.round_id and r.status = 'OPEN' and f.id = p.family_id and f.status <> 'ACTIVE'
        and not exists (select 1 from ina_distribution d where d.round_id = p.round_id and d.family_id = p.family_id);`);
  }
}
