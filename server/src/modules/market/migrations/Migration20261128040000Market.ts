import { Migration } from '@mikro-orm/migrations';

/**
 * SABOAK KOEPAN: vendors, stalls, market days and bookings. The booking rules that two server
 * processes could race past live here: one active booking per vendor per day and one per stall
 * per day (partial unique indexes), and a stall exactly when the status holds one (check).
 */
export class Migration20261128040000Market extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "market_vendor_code_seq";`);
    this.addSql(`create table "market_vendor" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "code" varchar(12) not null default ('UMKM-' || lpad(nextval('market_vendor_code_seq')::text, 5, '0')) constraint "market_vendor_code_unique" unique,
      "user_id" uuid null constraint "market_vendor_user_id_unique" unique references "app_user" ("id") on update cascade on delete set null,
      "business_name" varchar(120) not null check (length(btrim("business_name")) > 0),
      "owner_name" varchar(120) not null check (length(btrim("owner_name")) > 0),
      "phone" varchar(16) not null constraint "market_vendor_phone_unique" unique check ("phone" ~ '^\\+628[0-9]{8,11}$'),
      "category" varchar(20) not null check ("category" in ('KULINER','MINUMAN','OLEH_OLEH','TENUN_FESYEN','KRIYA','HERBAL','RUMAH_TANGGA','JASA')),
      "products" varchar(300) not null,
      "nib" varchar(13) null check ("nib" ~ '^[0-9]{13}$'),
      "kelurahan_code" varchar(20) not null references "region" ("code") on update cascade on delete restrict,
      "status" varchar(12) not null default 'PENDING' check ("status" in ('PENDING','APPROVED','REJECTED','SUSPENDED')),
      "status_reason" varchar(500) null,
      "decided_at" timestamptz null,
      "decided_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "public_consent" boolean not null default false,
      "pending_password_hash" varchar(200) null,
      constraint "market_vendor_approved_has_account" check ("status" <> 'APPROVED' or "user_id" is not null),
      constraint "market_vendor_reason_given" check ("status" not in ('REJECTED','SUSPENDED') or "status_reason" is not null)
    );`);
    this.addSql(`create index "market_vendor_status_index" on "market_vendor" ("status", "created_at");`);

    this.addSql(`create table "market_stall" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "code" varchar(10) not null constraint "market_stall_code_unique" unique,
      "zone" varchar(1) not null check ("zone" ~ '^[A-Z]$'),
      "position" int not null check ("position" between 1 and 999),
      "prime" boolean not null default false,
      "has_power" boolean not null default false,
      "size" varchar(20) null,
      "active" boolean not null default true,
      constraint "market_stall_zone_position_unique" unique ("zone", "position")
    );`);

    this.addSql(`create table "market_day" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "date" date not null constraint "market_day_date_unique" unique,
      "status" varchar(12) not null default 'OPEN' check ("status" in ('OPEN','ALLOCATED','CANCELLED')),
      "capacity" int null check ("capacity" between 0 and 1000),
      "booking_opens_at" timestamptz not null,
      "booking_closes_at" timestamptz not null,
      "cancel_deadline" timestamptz not null,
      "check_in_cutoff" timestamptz not null,
      "allocated_at" timestamptz null,
      "cancel_reason" varchar(500) null,
      constraint "market_day_window_order" check ("booking_opens_at" < "booking_closes_at" and "booking_closes_at" <= "check_in_cutoff" and "cancel_deadline" <= "check_in_cutoff"),
      constraint "market_day_allocated_at" check (("status" = 'ALLOCATED') <= ("allocated_at" is not null))
    );`);

    this.addSql(`create table "market_booking" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "market_day_id" uuid not null references "market_day" ("id") on update cascade on delete restrict,
      "vendor_id" uuid not null references "market_vendor" ("id") on update cascade on delete restrict,
      "stall_id" uuid null references "market_stall" ("id") on update cascade on delete restrict,
      "status" varchar(12) not null check ("status" in ('REQUESTED','CONFIRMED','WAITLISTED','CANCELLED','CHECKED_IN','NO_SHOW')),
      "zone_preference" varchar(1) null check ("zone_preference" ~ '^[A-Z]$'),
      "requested_at" timestamptz not null,
      "explanation" text null,
      "allocation_facts" jsonb null,
      "waitlist_position" int null check ("waitlist_position" > 0),
      "checked_in_at" timestamptz null,
      "checked_in_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "cancelled_at" timestamptz null,
      constraint "market_booking_stall_matches_status" check (
        ("status" in ('CONFIRMED','CHECKED_IN','NO_SHOW') and "stall_id" is not null)
        or ("status" in ('REQUESTED','WAITLISTED') and "stall_id" is null)
        or "status" = 'CANCELLED'),
      constraint "market_booking_checked_in" check (("status" = 'CHECKED_IN') = ("checked_in_at" is not null))
    );`);
    // The two booking rules, enforced for every server process at once.
    this.addSql(`create unique index "market_booking_one_per_stall_per_day" on "market_booking" ("market_day_id", "stall_id")
      where "status" in ('CONFIRMED','CHECKED_IN','NO_SHOW');`);
    this.addSql(`create unique index "market_booking_one_per_vendor_per_day" on "market_booking" ("market_day_id", "vendor_id")
      where "status" <> 'CANCELLED';`);
    this.addSql(`create index "market_booking_vendor_id_index" on "market_booking" ("vendor_id", "market_day_id");`);
    this.addSql(`create index "market_booking_day_status_index" on "market_booking" ("market_day_id", "status");`);
  }
}
