import { Migration } from '@mikro-orm/migrations';

/**
 * Certificate numbers (SERT-2026-000123) come from a sequence: anyone could walk them on the public
 * check and list who attended which training. Each certificate gets an unguessable verification
 * code, the only key the public check accepts: 12 characters from 32 that cannot be mistaken for
 * one another (A–Z without I and O, 2–9), 60 random bits from PostgreSQL's strong random source
 * (`gen_random_uuid()`, only its random bits), drawn again while taken, unique by constraint.
 * A trigger gives it whenever a certificate number is given (attendance, demo data, restores), so
 * no writer of the table can forget it. Certificates issued before get theirs now: certificates
 * printed before this change carry no code and must be printed again to be checked publicly.
 */
export class Migration20261208020100CertificateCode extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "training_certificate_code"() returns varchar(12) language plpgsql volatile as $$
      declare
        alphabet constant text := 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
        -- The bytes of a version-4 UUID whose low five bits are random (byte 6 carries the version).
        usable constant int[] := array[0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12];
        bytes bytea; code text; i int;
      begin
        loop
          bytes := uuid_send(gen_random_uuid());
          code := '';
          foreach i in array usable loop
            code := code || substr(alphabet, (get_byte(bytes, i) & 31) + 1, 1);
          end loop;
          exit when not exists (select 1 from training_enrolment where certificate_code = code);
        end loop;
        return code;
      end $$;`);
    this.addSql(`alter table "training_enrolment" add column "certificate_code" varchar(12) null
      constraint "training_enrolment_certificate_code_unique" unique
      constraint "training_enrolment_certificate_code_shape" check ("certificate_code" ~ '^[A-HJ-NP-Z2-9]{12}$');`);
    this.addSql(`create function "training_enrolment_certificate_code"() returns trigger language plpgsql as $$
      begin
        if new.certificate_number is not null and new.certificate_code is null then
          new.certificate_code := training_certificate_code();
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "training_enrolment_certificate_code" before insert or update of "certificate_number" on "training_enrolment"
      for each row execute function "training_enrolment_certificate_code"();`);
    this.addSql(`update "training_enrolment" set "certificate_code" = training_certificate_code() where "certificate_number" is not null;`);
    this.addSql(`alter table "training_enrolment" add constraint "training_enrolment_certificate_has_code"
      check (("certificate_number" is null) = ("certificate_code" is null));`);
  }
}
