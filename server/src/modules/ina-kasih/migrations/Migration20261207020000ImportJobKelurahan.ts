import { Migration } from '@mikro-orm/migrations';

/**
 * The kelurahan an import's rows lie in, so that a kelurahan-limited officer sees only her own
 * imports and those entirely within her kelurahan (their reports name rows of her families).
 * Null while unknown: before the rows are read, when the file could not be read, or when some
 * row's kelurahan could not be read — such a job is seen by its uploader and city-wide staff only.
 * Jobs imported before this migration stay null.
 */
export class Migration20261207020000ImportJobKelurahan extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ina_import_job" add column "kelurahan_codes" varchar(20)[] null
      constraint "ina_import_job_kelurahan_known" check ("kelurahan_codes" is null or cardinality("kelurahan_codes") > 0);`);
  }
}
