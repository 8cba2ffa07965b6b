import { Migration } from '@mikro-orm/migrations';

/**
 * Ina Kasih registry: families, their members, the history of KK numbers and duplicate flags.
 *
 * KK and NIK are stored three ways and never in clear: AES-256-GCM ciphertext (`*_enc`), an
 * HMAC-SHA256 blind index for exact look-up (`*_hash`, 64 hex) and a masked copy for screens
 * (`*_masked`; since Migration20261208010000IdMasksWithoutDigits sixteen dots, no digit). The keys live in the application (PII_KEY), not here.
 *
 * Duplicates: triggers flag the same KK or NIK in two ACTIVE families in `ina_duplicate_flag`
 * for staff, taking an advisory lock per blind index first (`hashtextextended('ina_kasih:id:'
 * || hash, 0)`), so two transactions registering the same number serialise and the second sees
 * the first. Single writes also hold the registry lock `hashtextextended('ina_kasih:registry', 0)`
 * shared; a bulk import takes it exclusively, sets `ina.bulk_registry = 'on'` for its
 * transaction (the row triggers then stand aside) and flags set-wise with
 * `ina_flag_duplicates_for(ids)` before committing.
 *
 * Eligibility in SQL: `ina_is_eligible(birth_date, sex, month)` is the twin of
 * `eligibility.util.ts` (women and girls aged 10–45 in the month: 10 by the month's last day,
 * not yet 46 on its first day). Count a member only while `left_at is null or left_at >= month`:
 *   select count(*) from ina_family_member m
 *    where m.family_id = $1 and (m.left_at is null or m.left_at >= $2::date)
 *      and ina_is_eligible(m.birth_date, m.sex, $2::date);
 */
export class Migration20261129100000Families extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "ina_family_number_seq";`);
    this.addSql(`create table "ina_family" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "registry_number" varchar(12) not null default ('IK-' || lpad(nextval('ina_family_number_seq')::text, 6, '0')) constraint "ina_family_registry_number_unique" unique,
      "kk_enc" text null,
      "kk_hash" varchar(64) null check ("kk_hash" ~ '^[0-9a-f]{64}$'),
      "kk_masked" varchar(16) null,
      "head_name" varchar(120) not null check (length(btrim("head_name")) > 0),
      "address" varchar(300) not null,
      "kelurahan_code" varchar(20) not null references "region" ("code") on update cascade on delete restrict,
      "desil" smallint null check ("desil" between 1 and 10),
      "data_source" varchar(10) not null check ("data_source" in ('DTSEN','USULAN')),
      "verified_at" date null,
      "sk_number" varchar(100) null,
      "phase" smallint null check ("phase" between 1 and 99),
      "enrolled_at" date not null,
      "status" varchar(10) not null default 'ACTIVE' check ("status" in ('ACTIVE','PAUSED','EXITED')),
      "status_reason" varchar(500) null,
      "status_changed_at" timestamptz null,
      "consent_given_at" timestamptz null,
      "consent_method" varchar(200) null,
      "consent_withdrawn_at" timestamptz null,
      "created_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "ina_family_kk_complete" check (("kk_enc" is null) = ("kk_hash" is null) and ("kk_hash" is null) = ("kk_masked" is null)),
      constraint "ina_family_kk_kept_unless_withdrawn" check ("kk_hash" is not null or "consent_withdrawn_at" is not null),
      constraint "ina_family_reason_given" check ("status" = 'ACTIVE' or "status_reason" is not null)
    );`);
    this.addSql(`create index "ina_family_kk_hash_index" on "ina_family" ("kk_hash");`);
    this.addSql(`create index "ina_family_kelurahan_status_index" on "ina_family" ("kelurahan_code", "status");`);
    this.addSql(`create index "ina_family_status_index" on "ina_family" ("status", "registry_number");`);

    this.addSql(`create table "ina_family_kk_history" (
      "id" bigserial primary key,
      "family_id" uuid not null references "ina_family" ("id") on update cascade on delete restrict,
      "kk_enc" text null,
      "kk_hash" varchar(64) null check ("kk_hash" ~ '^[0-9a-f]{64}$'),
      "kk_masked" varchar(16) null,
      "valid_from" timestamptz not null,
      "valid_to" timestamptz null,
      "reason" varchar(300) null,
      "recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "ina_family_kk_history_period" check ("valid_to" is null or "valid_to" >= "valid_from")
    );`);
    this.addSql(`create unique index "ina_family_kk_history_one_current" on "ina_family_kk_history" ("family_id") where "valid_to" is null;`);
    this.addSql(`create index "ina_family_kk_history_family_index" on "ina_family_kk_history" ("family_id", "valid_from");`);
    this.addSql(`create index "ina_family_kk_history_hash_index" on "ina_family_kk_history" ("kk_hash");`);
    // The history is evidence: rows are never deleted.
    this.addSql(`create function "ina_refuse_delete"() returns trigger language plpgsql as $$
      begin raise exception 'rows of % are never deleted', tg_table_name using errcode = 'check_violation'; end $$;`);
    this.addSql(`create trigger "ina_family_kk_history_no_delete" before delete on "ina_family_kk_history" for each row execute function "ina_refuse_delete"();`);

    this.addSql(`create table "ina_family_member" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "family_id" uuid not null references "ina_family" ("id") on update cascade on delete restrict,
      "name" varchar(120) not null check (length(btrim("name")) > 0),
      "nik_enc" text null,
      "nik_hash" varchar(64) null check ("nik_hash" ~ '^[0-9a-f]{64}$'),
      "nik_masked" varchar(16) null,
      "nik_mismatch" boolean not null default false,
      "birth_date" date not null check ("birth_date" >= date '1900-01-01'),
      "sex" char(1) not null check ("sex" in ('F','M')),
      "relation" varchar(10) not null default 'OTHER' check ("relation" in ('HEAD','SPOUSE','CHILD','OTHER')),
      "in_school" boolean not null default false,
      "disability" boolean not null default false,
      "left_at" date null,
      constraint "ina_family_member_nik_complete" check (("nik_enc" is null) = ("nik_hash" is null) and ("nik_hash" is null) = ("nik_masked" is null))
    );`);
    this.addSql(`create index "ina_family_member_family_index" on "ina_family_member" ("family_id");`);
    this.addSql(`create index "ina_family_member_nik_hash_index" on "ina_family_member" ("nik_hash");`);
    // One person once per family: the same NIK twice on one card is a typing error, refused.
    this.addSql(`create unique index "ina_family_member_nik_once_per_family" on "ina_family_member" ("family_id", "nik_hash") where "left_at" is null and "nik_hash" is not null;`);

    this.addSql(`create table "ina_duplicate_flag" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "kind" varchar(3) not null check ("kind" in ('KK','NIK')),
      "blind_hash" varchar(64) not null,
      "family_id" uuid not null references "ina_family" ("id") on update cascade on delete restrict,
      "other_family_id" uuid not null references "ina_family" ("id") on update cascade on delete restrict,
      "member_id" uuid null references "ina_family_member" ("id") on update cascade on delete restrict,
      "other_member_id" uuid null references "ina_family_member" ("id") on update cascade on delete restrict,
      "status" varchar(10) not null default 'OPEN' check ("status" in ('OPEN','RESOLVED')),
      "resolution" varchar(16) null check ("resolution" in ('NOT_DUPLICATE','EXITED_ONE','CORRECTED')),
      "resolution_note" varchar(500) null,
      "resolved_at" timestamptz null,
      "resolved_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "ina_duplicate_flag_pair_order" check ("family_id" < "other_family_id"),
      constraint "ina_duplicate_flag_nik_members" check (("kind" = 'NIK') = ("member_id" is not null and "other_member_id" is not null)),
      constraint "ina_duplicate_flag_resolved" check (("status" = 'RESOLVED') = ("resolution" is not null and "resolved_at" is not null))
    );`);
    this.addSql(`create unique index "ina_duplicate_flag_open_once" on "ina_duplicate_flag" ("kind", "blind_hash", "family_id", "other_family_id") where "status" = 'OPEN';`);
    this.addSql(`create index "ina_duplicate_flag_status_index" on "ina_duplicate_flag" ("status", "created_at");`);
    this.addSql(`create index "ina_duplicate_flag_other_index" on "ina_duplicate_flag" ("other_family_id");`);

    // Set-wise duplicate check for the given families (both KK and NIK); callers hold the locks.
    this.addSql(`create function "ina_flag_duplicates_for"(p_families uuid[]) returns integer language plpgsql as $$
      declare flagged integer; more integer;
      begin
        insert into ina_duplicate_flag (id, created_at, updated_at, kind, blind_hash, family_id, other_family_id, status)
        select distinct on (f.kk_hash, least(f.id, o.id), greatest(f.id, o.id))
               gen_random_uuid(), now(), now(), 'KK', f.kk_hash, least(f.id, o.id), greatest(f.id, o.id), 'OPEN'
          from ina_family f
          join ina_family o on o.kk_hash = f.kk_hash and o.id <> f.id and o.status = 'ACTIVE'
         where f.id = any(p_families) and f.status = 'ACTIVE' and f.kk_hash is not null
           and not exists (select 1 from ina_duplicate_flag d
                            where d.kind = 'KK' and d.blind_hash = f.kk_hash and d.family_id = least(f.id, o.id) and d.other_family_id = greatest(f.id, o.id)
                              and (d.status = 'OPEN' or d.resolution = 'NOT_DUPLICATE'))
        on conflict do nothing;
        get diagnostics flagged = row_count;
        insert into ina_duplicate_flag (id, created_at, updated_at, kind, blind_hash, family_id, other_family_id, member_id, other_member_id, status)
        select distinct on (m.nik_hash, least(m.family_id, o.family_id), greatest(m.family_id, o.family_id))
               gen_random_uuid(), now(), now(), 'NIK', m.nik_hash, least(m.family_id, o.family_id), greatest(m.family_id, o.family_id),
               case when m.family_id < o.family_id then m.id else o.id end, case when m.family_id < o.family_id then o.id else m.id end, 'OPEN'
          from ina_family_member m
          join ina_family f on f.id = m.family_id and f.status = 'ACTIVE'
          join ina_family_member o on o.nik_hash = m.nik_hash and o.family_id <> m.family_id and o.left_at is null
          join ina_family g on g.id = o.family_id and g.status = 'ACTIVE'
         where m.family_id = any(p_families) and m.nik_hash is not null and m.left_at is null
           and not exists (select 1 from ina_duplicate_flag d
                            where d.kind = 'NIK' and d.blind_hash = m.nik_hash and d.family_id = least(m.family_id, o.family_id) and d.other_family_id = greatest(m.family_id, o.family_id)
                              and (d.status = 'OPEN' or d.resolution = 'NOT_DUPLICATE'))
        on conflict do nothing;
        get diagnostics more = row_count;
        return flagged + more;
      end $$;`);

    // One family's check with its locks: the registry lock shared, then every KK/NIK index of
    // the family in sorted order (so two checks never hold them crosswise).
    this.addSql(`create function "ina_check_family_duplicates"(p_family uuid) returns void language plpgsql as $$
      declare h text;
      begin
        if coalesce(current_setting('ina.bulk_registry', true), '') = 'on' then return; end if;
        perform pg_advisory_xact_lock_shared(hashtextextended('ina_kasih:registry', 0));
        for h in select x.h from (
                   select kk_hash as h from ina_family where id = p_family and kk_hash is not null
                   union select nik_hash from ina_family_member where family_id = p_family and nik_hash is not null and left_at is null) x
                 order by 1 loop
          perform pg_advisory_xact_lock(hashtextextended('ina_kasih:id:' || h, 0));
        end loop;
        perform ina_flag_duplicates_for(array[p_family]);
      end $$;`);
    this.addSql(`create function "ina_family_duplicates_trigger"() returns trigger language plpgsql as $$
      begin perform ina_check_family_duplicates(new.id); return null; end $$;`);
    this.addSql(`create function "ina_member_duplicates_trigger"() returns trigger language plpgsql as $$
      begin perform ina_check_family_duplicates(new.family_id); return null; end $$;`);
    this.addSql(`create trigger "ina_family_duplicates" after insert or update of "kk_hash", "status" on "ina_family"
      for each row when (new."status" = 'ACTIVE' and new."kk_hash" is not null) execute function "ina_family_duplicates_trigger"();`);
    this.addSql(`create trigger "ina_family_member_duplicates" after insert or update of "nik_hash", "left_at", "family_id" on "ina_family_member"
      for each row when (new."nik_hash" is not null and new."left_at" is null) execute function "ina_member_duplicates_trigger"();`);

    // Eligibility by month, the twin of eligibility.util.ts.
    this.addSql(`create function "ina_is_eligible"(p_birth date, p_sex text, p_month date) returns boolean
      language sql immutable parallel safe as $$
        select p_sex = 'F'
           and p_birth <= (make_date(extract(year from p_month)::int, extract(month from p_month)::int, 1) + interval '1 month' - interval '1 day' - interval '10 years')::date
           and p_birth > (make_date(extract(year from p_month)::int, extract(month from p_month)::int, 1) - interval '46 years')::date
      $$;`);
  }
}
