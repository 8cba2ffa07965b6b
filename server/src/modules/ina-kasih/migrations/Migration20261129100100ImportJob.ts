import { Migration } from '@mikro-orm/migrations';

/**
 * Family imports from CSV/XLSX: one row per upload, with its progress (read by the portal while
 * it runs) and the per-row report. One file (by SHA-256) is imported at most once: a second
 * upload of the same file while the first is running or after it wrote families is refused.
 */
export class Migration20261129100100ImportJob extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ina_import_job" (
      "id" uuid not null primary key,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "created_by_id" uuid null references "app_user" ("id") on update cascade on delete set null,
      "file_name" varchar(200) not null,
      "file_sha256" varchar(64) not null check ("file_sha256" ~ '^[0-9a-f]{64}$'),
      "format" varchar(4) not null check ("format" in ('CSV','XLSX')),
      "mode" varchar(16) not null check ("mode" in ('ALL_OR_NOTHING','VALID_ROWS')),
      "status" varchar(10) not null default 'RUNNING' check ("status" in ('RUNNING','DONE','REJECTED','FAILED')),
      "stage" varchar(10) not null default 'READING' check ("stage" in ('READING','CHECKING','WRITING','FINISHED')),
      "total_rows" int not null default 0 check ("total_rows" >= 0),
      "processed_rows" int not null default 0 check ("processed_rows" >= 0),
      "error_rows" int not null default 0 check ("error_rows" >= 0),
      "families_written" int not null default 0 check ("families_written" >= 0),
      "members_written" int not null default 0 check ("members_written" >= 0),
      "families_skipped" int not null default 0 check ("families_skipped" >= 0),
      "duplicate_flags" int not null default 0 check ("duplicate_flags" >= 0),
      "report" jsonb not null default '[]',
      "heartbeat_at" timestamptz not null,
      "finished_at" timestamptz null,
      "duration_ms" int null,
      constraint "ina_import_job_finished" check (("status" = 'RUNNING') = ("finished_at" is null))
    );`);
    this.addSql(`create unique index "ina_import_job_file_once" on "ina_import_job" ("file_sha256") where "status" = 'RUNNING' or ("status" = 'DONE' and "families_written" > 0);`);
    this.addSql(`create index "ina_import_job_created_index" on "ina_import_job" ("created_at");`);
  }
}
