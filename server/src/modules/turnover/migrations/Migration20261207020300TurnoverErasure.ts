import { Migration } from '@mikro-orm/migrations';

/**
 * A vendor's erasure of her data (UU 27/2022), the turnover module's part. Her figures stay (the
 * published totals were built from them); only the words of a dispute (hers) and of its
 * resolution (to her) are blanked, which the append-only versions allow inside an erasure
 * (`app.erasure`) and nowhere else. No training seat or mentoring visit is given to an erased vendor.
 */
export class Migration20261207020300TurnoverErasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "turnover_report_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'turnover reports are never deleted' using errcode = 'check_violation', constraint = 'turnover_report_append_only';
        end if;
        if coalesce(current_setting('app.erasure', true), '') = 'on'
           and to_jsonb(new) - 'dispute_comment' - 'resolution_note' - 'updated_at' = to_jsonb(old) - 'dispute_comment' - 'resolution_note' - 'updated_at' then
          return new;
        end if;
        if not old.current then
          raise exception 'an earlier version of a turnover report never changes' using errcode = 'check_violation', constraint = 'turnover_report_append_only';
        end if;
        if new.booking_id <> old.booking_id or new.vendor_id <> old.vendor_id or new.market_day_id <> old.market_day_id
           or new.version <> old.version or new.amount <> old.amount or new.transactions is distinct from old.transactions
           or new.recorded_at <> old.recorded_at or new.recorded_by_id is distinct from old.recorded_by_id
           or new.correction_reason is distinct from old.correction_reason or new.created_at <> old.created_at then
          raise exception 'a turnover figure is corrected by a new version, not changed in place'
            using errcode = 'check_violation', constraint = 'turnover_report_append_only';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "training_enrolment_vendor_not_erased" before insert on "training_enrolment"
      for each row execute function "market_vendor_not_erased"();`);
    this.addSql(`create trigger "mentoring_visit_vendor_not_erased" before insert on "mentoring_visit"
      for each row execute function "market_vendor_not_erased"();`);
  }
}
