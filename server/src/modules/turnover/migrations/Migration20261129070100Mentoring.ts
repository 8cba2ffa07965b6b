import { Migration } from '@mikro-orm/migrations';

/**
 * Mentoring visits (pendampingan) to a vendor by market staff, with the follow-ups agreed.
 * Notes are split: `notes` are shared with the vendor, `staff_notes` stay with staff.
 * A follow-up is done exactly when it has a done date; one visit per idempotent request.
 */
export class Migration20261129070100Mentoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "mentoring_visit" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "vendor_id" uuid not null references "market_vendor" ("id") on update cascade on delete restrict,
      "mentor_id" uuid not null references "app_user" ("id") on update cascade on delete restrict,
      "visit_date" date not null check ("visit_date" >= date '2020-01-01'),
      "topic" varchar(24) not null check ("topic" in ('BOOKKEEPING','PACKAGING','DIGITAL_SELLING','FOOD_SAFETY_PIRT','HALAL_CERTIFICATION','NIB_REGISTRATION','OTHER')),
      "notes" varchar(4000) not null default '',
      "staff_notes" varchar(4000) not null default '',
      "recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete set null
    );`);
    this.addSql(`create index "mentoring_visit_vendor_index" on "mentoring_visit" ("vendor_id", "visit_date");`);

    this.addSql(`create table "mentoring_follow_up" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "visit_id" uuid not null references "mentoring_visit" ("id") on update cascade on delete cascade,
      "position" int not null check ("position" between 1 and 20),
      "description" varchar(500) not null check (length(btrim("description")) > 0),
      "done" boolean not null default false,
      "done_on" date null,
      "done_recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "mentoring_follow_up_position_unique" unique ("visit_id", "position"),
      constraint "mentoring_follow_up_done_date" check ("done" = ("done_on" is not null))
    );`);
  }
}
