import { Migration } from '@mikro-orm/migrations';

/**
 * Ina Kasih programs, their entitlement rules and pad stock. What every server process must
 * respect lives here: rules are append-only (a trigger refuses UPDATE and DELETE; a change is a
 * new row from a later month); a stock lot's remaining packs can never go below zero or above
 * what was received (check), and only stock movements move it (trigger), so two staff recording
 * at once queue on the lot row and the second is refused rather than overdrawing.
 */
export class Migration20261129110000InaProgramStock extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ina_program" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "name" varchar(120) not null constraint "ina_program_name_unique" unique check (length(btrim("name")) > 0),
      "description" varchar(500) null
    );`);

    this.addSql(`create table "ina_entitlement_rule" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "program_id" uuid not null references "ina_program" ("id") on update cascade on delete restrict,
      "effective_month" date not null check (extract(day from "effective_month") = 1),
      "packs_per_woman" int not null check ("packs_per_woman" between 1 and 20),
      "pads_per_pack" int not null check ("pads_per_pack" between 1 and 100),
      "note" varchar(500) null,
      "created_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "ina_entitlement_rule_program_month_unique" unique ("program_id", "effective_month")
    );`);
    this.addSql(`create function ina_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: add a new row instead', tg_table_name using errcode = '55000';
      end $$;`);
    this.addSql(`create trigger ina_entitlement_rule_no_update_delete before update or delete on "ina_entitlement_rule"
      for each row execute function ina_append_only();`);

    this.addSql(`create table "ina_stock_lot" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "program_id" uuid not null references "ina_program" ("id") on update cascade on delete restrict,
      "funding_source_id" uuid not null references "funding_source" ("id") on update cascade on delete restrict,
      "received_on" date not null,
      "packs_received" int not null check ("packs_received" between 1 and 10000000),
      "pads_per_pack" int not null check ("pads_per_pack" between 1 and 100),
      "unit_cost" bigint not null check ("unit_cost" between 0 and 100000000),
      "supplier" varchar(200) null,
      "reference" varchar(100) null,
      "packs_remaining" int not null,
      "received_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "ina_stock_lot_never_negative" check ("packs_remaining" >= 0),
      constraint "ina_stock_lot_not_above_received" check ("packs_remaining" <= "packs_received")
    );`);
    this.addSql(`create index "ina_stock_lot_fifo_index" on "ina_stock_lot" ("program_id", "received_on", "created_at", "id") where "packs_remaining" > 0;`);
    this.addSql(`create index "ina_stock_lot_source_index" on "ina_stock_lot" ("funding_source_id");`);

    this.addSql(`create table "ina_stock_movement" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "lot_id" uuid not null references "ina_stock_lot" ("id") on update cascade on delete restrict,
      "distribution_id" uuid null,
      "packs" int not null check ("packs" <> 0),
      "unit_cost" bigint not null check ("unit_cost" >= 0)
    );`);
    this.addSql(`create index "ina_stock_movement_lot_index" on "ina_stock_movement" ("lot_id");`);
    this.addSql(`create index "ina_stock_movement_distribution_index" on "ina_stock_movement" ("distribution_id");`);
    this.addSql(`create trigger ina_stock_movement_no_update_delete before update or delete on "ina_stock_movement"
      for each row execute function ina_append_only();`);

    // The lot's balance moves only with a movement row, in the same statement's transaction;
    // the check constraints on the lot refuse an overdraw whichever process asks.
    this.addSql(`create function ina_stock_apply_movement() returns trigger language plpgsql as $$
      begin
        perform set_config('ina.stock_movement', 'on', true);
        update ina_stock_lot set packs_remaining = packs_remaining + new.packs, updated_at = now() where id = new.lot_id;
        perform set_config('ina.stock_movement', 'off', true);
        return null;
      end $$;`);
    this.addSql(`create trigger ina_stock_movement_applies after insert on "ina_stock_movement"
      for each row execute function ina_stock_apply_movement();`);

    // A lot as received is a fact: only its balance changes, and only through a movement.
    this.addSql(`create function ina_stock_lot_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'ina_stock_lot rows are never deleted' using errcode = '55000';
        end if;
        if tg_op = 'INSERT' then
          -- A lot starts full; movements (also those re-inserted by a restore) bring it down.
          new.packs_remaining := new.packs_received;
          return new;
        end if;
        if (new.program_id, new.funding_source_id, new.received_on, new.packs_received, new.pads_per_pack, new.unit_cost, new.supplier, new.reference)
           is distinct from (old.program_id, old.funding_source_id, old.received_on, old.packs_received, old.pads_per_pack, old.unit_cost, old.supplier, old.reference) then
          raise exception 'a received lot is not edited' using errcode = '55000';
        end if;
        if new.packs_remaining <> old.packs_remaining and coalesce(current_setting('ina.stock_movement', true), 'off') <> 'on' then
          raise exception 'stock moves only through ina_stock_movement' using errcode = '55000';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger ina_stock_lot_guarded before insert or update or delete on "ina_stock_lot"
      for each row execute function ina_stock_lot_guard();`);
  }
}
