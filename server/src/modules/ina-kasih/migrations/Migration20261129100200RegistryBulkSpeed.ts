import { Migration } from '@mikro-orm/migrations';

/**
 * Bulk imports of 30,000 families: the duplicate triggers skip a bulk transaction in their WHEN
 * clause (no PL/pgSQL call per row at all), and the set-wise duplicate check joins the id list
 * (a hash join) instead of testing `= any(array)` row by row, which is quadratic.
 */
export class Migration20261129100200RegistryBulkSpeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger "ina_family_duplicates" on "ina_family";`);
    this.addSql(`drop trigger "ina_family_member_duplicates" on "ina_family_member";`);
    this.addSql(`create trigger "ina_family_duplicates" after insert or update of "kk_hash", "status" on "ina_family"
      for each row when (new."status" = 'ACTIVE' and new."kk_hash" is not null and current_setting('ina.bulk_registry', true) is distinct from 'on')
      execute function "ina_family_duplicates_trigger"();`);
    this.addSql(`create trigger "ina_family_member_duplicates" after insert or update of "nik_hash", "left_at", "family_id" on "ina_family_member"
      for each row when (new."nik_hash" is not null and new."left_at" is null and current_setting('ina.bulk_registry', true) is distinct from 'on')
      execute function "ina_member_duplicates_trigger"();`);
    this.addSql(`create or replace function "ina_flag_duplicates_for"(p_families uuid[]) returns integer language plpgsql as $$
      declare flagged integer; more integer;
      begin
        insert into ina_duplicate_flag (id, created_at, updated_at, kind, blind_hash, family_id, other_family_id, status)
        select distinct on (f.kk_hash, least(f.id, o.id), greatest(f.id, o.id))
               gen_random_uuid(), now(), now(), 'KK', f.kk_hash, least(f.id, o.id), greatest(f.id, o.id), 'OPEN'
          from unnest(p_families) s(id)
          join ina_family f on f.id = s.id and f.status = 'ACTIVE' and f.kk_hash is not null
          join ina_family o on o.kk_hash = f.kk_hash and o.id <> f.id and o.status = 'ACTIVE'
         where not exists (select 1 from ina_duplicate_flag d
                            where d.kind = 'KK' and d.blind_hash = f.kk_hash and d.family_id = least(f.id, o.id) and d.other_family_id = greatest(f.id, o.id)
                              and (d.status = 'OPEN' or d.resolution = 'NOT_DUPLICATE'))
        on conflict do nothing;
        get diagnostics flagged = row_count;
        insert into ina_duplicate_flag (id, created_at, updated_at, kind, blind_hash, family_id, other_family_id, member_id, other_member_id, status)
        select distinct on (m.nik_hash, least(m.family_id, o.family_id), greatest(m.family_id, o.family_id))
               gen_random_uuid(), now(), now(), 'NIK', m.nik_hash, least(m.family_id, o.family_id), greatest(m.family_id, o.family_id),
               case when m.family_id < o.family_id then m.id else o.id end, case when m.family_id < o.family_id then o.id else m.id end, 'OPEN'
          from unnest(p_families) s(id)
          join ina_family f on f.id = s.id and f.status = 'ACTIVE'
          join ina_family_member m on m.family_id = f.id and m.nik_hash is not null and m.left_at is null
          join ina_family_member o on o.nik_hash = m.nik_hash and o.family_id <> m.family_id and o.left_at is null
          join ina_family g on g.id = o.family_id and g.status = 'ACTIVE'
         where not exists (select 1 from ina_duplicate_flag d
                            where d.kind = 'NIK' and d.blind_hash = m.nik_hash and d.family_id = least(m.family_id, o.family_id) and d.other_family_id = greatest(m.family_id, o.family_id)
                              and (d.status = 'OPEN' or d.resolution = 'NOT_DUPLICATE'))
        on conflict do nothing;
        get diagnostics more = row_count;
        return flagged + more;
      end $$;`);
  }
}
