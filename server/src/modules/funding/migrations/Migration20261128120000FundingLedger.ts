import { Migration } from '@mikro-orm/migrations';

/**
 * Funding ledger: sources (CSR partner, APBD, DAK, other) and IATI-style transactions.
 * The rules every server process must respect live here: a CSR source has a partner and only
 * a CSR source has one; transactions are append-only (a trigger refuses UPDATE and DELETE);
 * a correction is a reversal row with the negated amount, at most one per transaction
 * (unique index), and a reversal can itself never be reversed (trigger).
 */
export class Migration20261128120000FundingLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "funding_source" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "kind" varchar(8) not null check ("kind" in ('CSR','APBD','DAK','OTHER')),
      "name" varchar(200) not null check (length(btrim("name")) > 0),
      "partner_id" uuid null references "partner" ("id") on update cascade on delete restrict,
      "fiscal_year" int not null check ("fiscal_year" between 2000 and 2100),
      "description" varchar(500) null,
      constraint "funding_source_csr_has_partner" check (("kind" = 'CSR') = ("partner_id" is not null)),
      constraint "funding_source_name_year_unique" unique ("name", "fiscal_year")
    );`);
    this.addSql(`create index "funding_source_partner_index" on "funding_source" ("partner_id");`);

    this.addSql(`create table "funding_transaction" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "source_id" uuid not null references "funding_source" ("id") on update cascade on delete restrict,
      "type" varchar(12) not null check ("type" in ('COMMITMENT','DISBURSEMENT','EXPENDITURE')),
      "program" varchar(16) not null check ("program" in ('INA_KASIH','SABOAK_KOEPAN')),
      "purpose" varchar(16) not null check ("purpose" in ('PAD_STOCK','DISTRIBUTION','TRAINING','MARKET_DAY','MENTORING','OTHER')),
      "amount" bigint not null,
      "value_date" date not null,
      "description" varchar(500) null,
      "reverses_id" uuid null references "funding_transaction" ("id") on update cascade on delete restrict,
      "reason" varchar(500) null,
      "recorded_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      constraint "funding_transaction_sign" check (("reverses_id" is null and "amount" > 0) or ("reverses_id" is not null and "amount" < 0)),
      constraint "funding_transaction_reversal_reason" check ("reverses_id" is null or length(btrim(coalesce("reason", ''))) > 0)
    );`);
    this.addSql(`create unique index "funding_transaction_reversed_once" on "funding_transaction" ("reverses_id") where "reverses_id" is not null;`);
    this.addSql(`create index "funding_transaction_source_index" on "funding_transaction" ("source_id", "value_date");`);
    this.addSql(`create index "funding_transaction_program_index" on "funding_transaction" ("program", "type", "value_date");`);

    // Append-only: history is corrected by reversal, never rewritten.
    this.addSql(`create function funding_transaction_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'funding_transaction is append-only: record a reversal instead' using errcode = '55000';
      end $$;`);
    this.addSql(`create trigger funding_transaction_no_update_delete before update or delete on "funding_transaction"
      for each row execute function funding_transaction_append_only();`);

    // A reversal mirrors the original exactly and an original is never itself a reversal.
    this.addSql(`create function funding_transaction_check_reversal() returns trigger language plpgsql as $$
      declare o record;
      begin
        if new.reverses_id is null then return new; end if;
        select * into o from funding_transaction where id = new.reverses_id;
        if o.reverses_id is not null then
          raise exception 'a reversal cannot be reversed' using errcode = '23514';
        end if;
        if o.source_id <> new.source_id or o.type <> new.type or o.program <> new.program
           or o.purpose <> new.purpose or new.amount <> -o.amount then
          raise exception 'a reversal must mirror the transaction it reverses' using errcode = '23514';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger funding_transaction_reversal_mirrors before insert on "funding_transaction"
      for each row execute function funding_transaction_check_reversal();`);
  }
}
