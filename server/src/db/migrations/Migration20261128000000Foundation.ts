import { Migration } from '@mikro-orm/migrations';

/** Regions, partners, accounts, sessions, the audit trail and idempotency keys. */
export class Migration20261128000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "region_level" as enum ('PROVINCE', 'CITY', 'KECAMATAN', 'KELURAHAN');`);
    this.addSql(`create type "user_role" as enum ('ADMIN', 'PROGRAM_STAFF', 'MARKET_STAFF', 'VENDOR', 'PARTNER');`);

    this.addSql(`create table "region" (
      "code" varchar(20) not null primary key,
      "name" varchar(120) not null,
      "level" "region_level" not null,
      "parent_code" varchar(20) null references "region" ("code") on update cascade on delete restrict,
      "postal_code" varchar(10) null,
      "aliases" text[] not null default '{}',
      constraint "region_parent_required" check (("level" = 'PROVINCE') = ("parent_code" is null))
    );`);
    this.addSql(`create index "region_parent_code_index" on "region" ("parent_code");`);

    this.addSql(`create table "partner" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "name" varchar(200) not null constraint "partner_name_unique" unique,
      "sector" varchar(100) null,
      "contact_name" varchar(200) null,
      "contact_email" varchar(200) null,
      "contact_phone" varchar(20) null
    );`);

    this.addSql(`create table "app_user" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "full_name" varchar(200) not null,
      "email" varchar(254) null constraint "app_user_email_unique" unique,
      "phone" varchar(16) null constraint "app_user_phone_unique" unique,
      "password_hash" varchar(200) not null,
      "role" "user_role" not null,
      "partner_id" uuid null references "partner" ("id") on update cascade on delete restrict,
      "locale" varchar(2) not null default 'id',
      "active" boolean not null default true,
      "last_sign_in_at" timestamptz null,
      constraint "app_user_login_present" check ("email" is not null or "phone" is not null),
      constraint "app_user_email_lower" check ("email" = lower("email")),
      constraint "app_user_phone_e164" check ("phone" ~ '^\\+[1-9][0-9]{7,14}$'),
      constraint "app_user_partner_role" check (("role" = 'PARTNER') = ("partner_id" is not null)),
      constraint "app_user_locale" check ("locale" in ('id', 'en'))
    );`);

    this.addSql(`create table "user_kelurahan" (
      "user_id" uuid not null references "app_user" ("id") on update cascade on delete cascade,
      "region_code" varchar(20) not null references "region" ("code") on update cascade on delete restrict,
      constraint "user_kelurahan_pkey" primary key ("user_id", "region_code")
    );`);

    this.addSql(`create table "session" (
      "token_hash" varchar(64) not null primary key,
      "user_id" uuid not null references "app_user" ("id") on update cascade on delete cascade,
      "created_at" timestamptz not null,
      "expires_at" timestamptz not null,
      "revoked_at" timestamptz null,
      "ip" varchar(64) null
    );`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`create table "audit_entry" (
      "id" bigserial primary key,
      "at" timestamptz not null,
      "actor_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "actor_role" varchar(20) null,
      "action" varchar(60) not null,
      "entity_type" varchar(60) not null,
      "entity_id" varchar(64) null,
      "before" jsonb null,
      "after" jsonb null,
      "ip" varchar(64) null
    );`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id");`);
    // The trail is evidence: rows may be added, never changed or removed.
    this.addSql(`create function "audit_entry_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'audit_entry is append-only'; end; $$;`);
    this.addSql(`create trigger "audit_entry_no_change" before update or delete on "audit_entry"
      for each row execute function "audit_entry_append_only"();`);

    this.addSql(`create table "idempotency_key" (
      "operation" varchar(60) not null,
      "key" varchar(100) not null,
      "user_id" uuid null,
      "response" jsonb null,
      "created_at" timestamptz not null,
      constraint "idempotency_key_pkey" primary key ("operation", "key")
    );`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
  }
}
