import { ArrayType, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';
import { User } from '../user/user.entity';

export enum ImportMode {
  /** Any row with a problem: nothing is written. */
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  /** Families whose rows are all valid are written; the others are skipped and reported. */
  VALID_ROWS = 'VALID_ROWS',
}

export enum ImportStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  /** All-or-nothing and some row had a problem: nothing was written. */
  REJECTED = 'REJECTED',
  /** The file could not be read or the server failed: nothing was written. */
  FAILED = 'FAILED',
}

export enum ImportStage {
  READING = 'READING',
  CHECKING = 'CHECKING',
  WRITING = 'WRITING',
  FINISHED = 'FINISHED',
}

registerEnumType(ImportMode, { name: 'ImportMode', description: 'ALL_OR_NOTHING (semua atau tidak sama sekali) or VALID_ROWS (simpan baris yang valid).' });
registerEnumType(ImportStatus, { name: 'ImportStatus' });
registerEnumType(ImportStage, { name: 'ImportStage', description: 'READING the file, CHECKING every row, WRITING families, FINISHED.' });

/** One line of the per-row report. */
export interface ImportProblem {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column?: string;
  code: string;
  /** Bahasa Indonesia */
  id: string;
  en: string;
  /** A warning (e.g. NIK/sex mismatch, KK already registered) did not stop the row. */
  warning?: boolean;
}

/** An upload of families from CSV or XLSX, with its progress and per-row report. */
@ObjectType({ description: 'An import of families from a CSV or XLSX file (impor data keluarga).' })
@Entity({ tableName: 'ina_import_job' })
export class FamilyImportJob extends BaseEntity {
  @ManyToOne(() => User, { nullable: true, fieldName: 'created_by_id' })
  createdBy?: User;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  fileName: string;

  @Property({ type: 'string', length: 64 })
  fileSha256: string;

  @Field(() => String, { description: 'CSV or XLSX.' })
  @Property({ type: 'string', length: 4 })
  format: 'CSV' | 'XLSX';

  @Field(() => ImportMode)
  @Enum({ items: () => ImportMode, columnType: 'varchar(16)' })
  mode: ImportMode;

  @Field(() => ImportStatus)
  @Enum({ items: () => ImportStatus, columnType: 'varchar(10)', default: ImportStatus.RUNNING })
  status: ImportStatus = ImportStatus.RUNNING;

  @Field(() => ImportStage)
  @Enum({ items: () => ImportStage, columnType: 'varchar(10)', default: ImportStage.READING })
  stage: ImportStage = ImportStage.READING;

  @Field(() => Int, { description: 'Data rows in the file (one per family member).' })
  @Property({ type: 'integer', default: 0 })
  totalRows: number = 0;

  @Field(() => Int, { description: 'Rows handled so far in the current stage.' })
  @Property({ type: 'integer', default: 0 })
  processedRows: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  errorRows: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  familiesWritten: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  membersWritten: number = 0;

  @Field(() => Int, { description: 'Families left out because a row of theirs had a problem (VALID_ROWS).' })
  @Property({ type: 'integer', default: 0 })
  familiesSkipped: number = 0;

  @Field(() => Int, { description: 'Duplicate flags raised by the import (same KK or NIK in another active family).' })
  @Property({ type: 'integer', default: 0 })
  duplicateFlags: number = 0;

  @Property({ type: 'json', lazy: true })
  report: ImportProblem[] = [];

  /** Kelurahan of every row, once all were read (null while unknown): who besides the uploader may see the job. */
  @Property({ type: ArrayType, columnType: 'varchar(20)[]', nullable: true })
  kelurahanCodes?: string[];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  heartbeatAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  finishedAt?: Date;

  @Field(() => Int, { nullable: true, description: 'How long the import took, in milliseconds.' })
  @Property({ type: 'integer', nullable: true })
  durationMs?: number;

  constructor(fileName: string, fileSha256: string, format: 'CSV' | 'XLSX', mode: ImportMode) {
    super();
    this.fileName = fileName;
    this.fileSha256 = fileSha256;
    this.format = format;
    this.mode = mode;
  }
}
