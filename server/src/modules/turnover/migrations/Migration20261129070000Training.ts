import { Migration } from '@mikro-orm/migrations';

/**
 * Trainings (pelatihan) and enrolments. The rules two server processes could race past live
 * here: never more ENROLLED than the capacity (trigger that locks the training row and counts),
 * one active enrolment per vendor and training (partial unique index), a waitlist position
 * exactly when WAITLISTED, attendance only of the enrolled, and certificate numbers from one
 * sequence (SERT-<year>-<6 digits>), never given twice.
 */
export class Migration20261129070000Training extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "training_certificate_seq";`);
    this.addSql(`create table "training" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "title" varchar(200) not null check (length(btrim("title")) > 0),
      "topic" varchar(24) not null check ("topic" in ('BOOKKEEPING','PACKAGING','DIGITAL_SELLING','FOOD_SAFETY_PIRT','HALAL_CERTIFICATION','NIB_REGISTRATION','OTHER')),
      "description" varchar(2000) null,
      "starts_at" timestamptz not null,
      "ends_at" timestamptz not null,
      "place" varchar(200) not null check (length(btrim("place")) > 0),
      "trainer" varchar(200) not null check (length(btrim("trainer")) > 0),
      "capacity" int not null check ("capacity" between 1 and 1000),
      "partner_id" uuid null references "partner" ("id") on update cascade on delete restrict,
      "status" varchar(12) not null default 'SCHEDULED' check ("status" in ('SCHEDULED','CANCELLED')),
      "cancel_reason" varchar(500) null,
      "created_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "training_time_order" check ("starts_at" < "ends_at" and "ends_at" - "starts_at" <= interval '14 days'),
      constraint "training_cancel_reason" check ("status" <> 'CANCELLED' or length(btrim("cancel_reason")) > 0)
    );`);
    this.addSql(`create index "training_starts_at_index" on "training" ("starts_at");`);

    this.addSql(`create table "training_enrolment" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "training_id" uuid not null references "training" ("id") on update cascade on delete restrict,
      "vendor_id" uuid not null references "market_vendor" ("id") on update cascade on delete restrict,
      "status" varchar(12) not null check ("status" in ('ENROLLED','WAITLISTED','CANCELLED')),
      "waitlist_position" int null check ("waitlist_position" > 0),
      "requested_at" timestamptz not null,
      "enrolled_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "self_enrolled" boolean not null,
      "promoted_at" timestamptz null,
      "cancelled_at" timestamptz null,
      "attended" boolean null,
      "attendance_recorded_at" timestamptz null,
      "attendance_recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "certificate_number" varchar(20) null constraint "training_enrolment_certificate_unique" unique check ("certificate_number" ~ '^SERT-[0-9]{4}-[0-9]{6}$'),
      constraint "training_enrolment_waitlist" check (("status" = 'WAITLISTED') = ("waitlist_position" is not null)),
      constraint "training_enrolment_attendance" check ("attended" is null or ("status" = 'ENROLLED' and "attendance_recorded_at" is not null)),
      constraint "training_enrolment_certificate" check ("certificate_number" is null or "attended" is not null)
    );`);
    this.addSql(`create unique index "training_enrolment_one_active" on "training_enrolment" ("training_id", "vendor_id") where "status" <> 'CANCELLED';`);
    this.addSql(`create index "training_enrolment_training_index" on "training_enrolment" ("training_id", "status");`);
    this.addSql(`create index "training_enrolment_vendor_index" on "training_enrolment" ("vendor_id");`);

    this.addSql(`create function "training_enrolment_capacity"() returns trigger language plpgsql as $$
      declare cap int; taken int;
      begin
        if new.status <> 'ENROLLED' or (tg_op = 'UPDATE' and old.status = 'ENROLLED' and old.training_id = new.training_id) then
          return new;
        end if;
        -- FOR UPDATE: enrolments of one training are counted one transaction at a time.
        select capacity into cap from training where id = new.training_id for update;
        select count(*) into taken from training_enrolment where training_id = new.training_id and status = 'ENROLLED' and id <> new.id;
        if taken >= cap then
          raise exception 'training % is full (% of %)', new.training_id, taken, cap
            using errcode = 'check_violation', constraint = 'training_enrolment_capacity';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "training_enrolment_capacity" before insert or update on "training_enrolment"
      for each row execute function "training_enrolment_capacity"();`);
  }
}
