import { createHash, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AuthUser } from '../../graphql/context';
import { translate } from '../../platform/i18n';
import { auditInsert } from '../audit/audit.service';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-level.enum';
import { User } from '../user/user.entity';
import { kelurahanScope } from './family.loaders';
import { maskIdNumber, piiCipher } from './identity.util';
import { isXlsx, readCsv, readXlsx, type Sheet } from './import-file.util';
import { FamilyImportJob, ImportMode, ImportStage, ImportStatus, type ImportProblem } from './import-job.entity';
import { ImportErrors } from './import.errors';
import { checkRows, normalizeName, skippedRowProblems, type ImportFamily } from './import-rows.util';
import { todayWita } from './program-time.util';

export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
/** Families per multi-row INSERT: large enough to amortise round trips, small enough for steady progress. */
const BATCH = 2500;

const problem = (row: number, code: string, params?: Record<string, unknown>): ImportProblem => ({ row, code, id: translate('id', code, params), en: translate('en', code, params) });

export class ImportRefusal extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/**
 * Imports families from CSV/XLSX. `start` records the job and returns at once; the work runs in
 * the background (reading, checking every row, writing) and reports its progress on the job row,
 * which the portal polls. Everything is written in ONE transaction, so a failure or an
 * all-or-nothing refusal leaves nothing behind. The transaction holds the registry lock
 * exclusively and flags duplicates set-wise at the end (see Migration20261129100000Families).
 */
export class FamilyImportService {
  constructor(
    private readonly orm: MikroORM<PostgreSqlDriver>,
    private readonly piiKey: string,
    private readonly logger: Logger,
  ) {}

  async start(user: AuthUser, ip: string, fileName: string, file: Buffer, mode: ImportMode): Promise<{ job: FamilyImportJob; done: Promise<void> }> {
    if (!Object.values(ImportMode).includes(mode)) throw new ImportRefusal(ImportErrors.IMPORT_INVALID_MODE);
    if (!file.length) throw new ImportRefusal(ImportErrors.IMPORT_EMPTY_FILE);
    const em = this.orm.em.fork();
    const job = new FamilyImportJob(fileName.slice(0, 200) || 'impor', createHash('sha256').update(file).digest('hex'), isXlsx(file) ? 'XLSX' : 'CSV', mode);
    job.createdBy = em.getReference(User, user.id);
    try {
      await em.persistAndFlush(job);
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new ImportRefusal(ImportErrors.IMPORT_FILE_ALREADY_IMPORTED);
      throw err;
    }
    const done = this.run(job.id, user, ip, file).catch((err: unknown) => this.logger.error({ err, jobId: job.id }, 'family import failed'));
    return { job, done };
  }

  private async progress(jobId: string, fields: Record<string, unknown>): Promise<void> {
    const sets = Object.keys(fields).map((k) => `"${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}" = ?`);
    await this.orm.em.fork().getConnection().execute(`update ina_import_job set ${sets.join(', ')}, heartbeat_at = now(), updated_at = now() where id = ?`, [
      ...Object.values(fields).map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v)),
      jobId,
    ]);
  }

  private async finish(jobId: string, started: number, status: ImportStatus, fields: Record<string, unknown>): Promise<void> {
    await this.progress(jobId, { ...fields, status, stage: ImportStage.FINISHED, finishedAt: new Date(), durationMs: Date.now() - started });
  }

  private async run(jobId: string, user: AuthUser, ip: string, file: Buffer): Promise<void> {
    const started = Date.now();
    try {
      let sheet: Sheet;
      try {
        sheet = isXlsx(file) ? await readXlsx(file) : readCsv(file);
      } catch {
        return await this.finish(jobId, started, ImportStatus.REJECTED, { report: [problem(1, ImportErrors.IMPORT_UNREADABLE)] });
      }
      const fileProblem = sheet.missingColumns.length
        ? problem(1, ImportErrors.IMPORT_MISSING_COLUMNS, { columns: sheet.missingColumns.join(', ') })
        : !sheet.rows.length
          ? problem(1, ImportErrors.IMPORT_EMPTY_FILE)
          : sheet.rows.length > MAX_IMPORT_ROWS
            ? problem(1, ImportErrors.IMPORT_TOO_MANY_ROWS, { max: MAX_IMPORT_ROWS })
            : undefined;
      if (fileProblem) return await this.finish(jobId, started, ImportStatus.REJECTED, { totalRows: sheet.rows.length, report: [fileProblem] });
      await this.progress(jobId, { stage: ImportStage.CHECKING, totalRows: sheet.rows.length });

      const { families, problems } = checkRows(sheet.rows, { today: todayWita(), kelurahan: await this.kelurahanIndex(), scope: kelurahanScope({ user }) });
      const cipher = piiCipher(this.piiKey);
      const kkHashes = new Map(families.map((f) => [f.kk, cipher.blindIndex('KK', f.kk)]));
      const registered = new Set(
        (await this.orm.em.fork().getConnection().execute<{ kk_hash: string }[]>(`select kk_hash from ina_family where status = 'ACTIVE' and kk_hash = any(?::text[])`, [`{${[...kkHashes.values()].join(',')}}`])).map((r) => r.kk_hash),
      );
      for (const f of families) if (registered.has(kkHashes.get(f.kk)!)) problems.push({ ...problem(f.firstRow, ImportErrors.IMPORT_KK_REGISTERED), column: 'no_kk', warning: true });
      const errorRows = new Set(problems.filter((p) => !p.warning).map((p) => p.row)).size;
      const valid = families.filter((f) => f.valid);
      const mode = (await this.orm.em.fork().findOneOrFail(FamilyImportJob, jobId)).mode;
      const report = (extra: ImportProblem[] = []) => [...problems, ...extra].sort((a, b) => a.row - b.row || Number(!!a.warning) - Number(!!b.warning));
      // Where the rows lie decides which kelurahan officers may see the job and its report (import-scope.util.ts).
      const located = families.reduce((n, f) => n + (f.kelurahanCode ? f.rows.length : 0), 0) === sheet.rows.length;
      await this.progress(jobId, { processedRows: sheet.rows.length, errorRows, kelurahanCodes: located ? `{${[...new Set(families.map((f) => f.kelurahanCode))].join(',')}}` : null });

      if (errorRows && mode === ImportMode.ALL_OR_NOTHING) {
        return await this.finish(jobId, started, ImportStatus.REJECTED, { errorRows, familiesSkipped: families.length, report: report() });
      }
      await this.progress(jobId, { stage: ImportStage.WRITING, processedRows: 0 });
      const written = await this.write(jobId, valid, kkHashes, user, ip);
      const skipped = families.length - valid.length;
      await this.finish(jobId, started, ImportStatus.DONE, {
        errorRows,
        familiesWritten: valid.length,
        membersWritten: written.members,
        familiesSkipped: skipped,
        duplicateFlags: written.flags,
        processedRows: sheet.rows.length,
        report: report(skipped ? skippedRowProblems(families, problems) : []),
      });
    } catch (err) {
      await this.finish(jobId, started, ImportStatus.FAILED, { report: [problem(1, ImportErrors.IMPORT_SERVER_FAILED)] }).catch(() => undefined);
      throw err;
    }
  }

  private async kelurahanIndex(): Promise<Map<string, string>> {
    const rows = await this.orm.em.fork().find(Region, { level: RegionLevel.KELURAHAN });
    const index = new Map<string, string>();
    for (const r of rows) for (const key of [r.code, r.name, ...r.aliases]) index.set(normalizeName(key), r.code);
    return index;
  }

  /** Writes the families and members in one transaction, batch by batch, reporting progress. */
  private async write(jobId: string, families: ImportFamily[], kkHashes: Map<string, string>, user: AuthUser, ip: string): Promise<{ members: number; flags: number }> {
    const cipher = piiCipher(this.piiKey);
    const today = todayWita();
    // The progress row is written on a second connection. The embedded database has a pool of one,
    // held by this transaction, so there progress is reported between stages only (no deadlock).
    const progressInsideWrite = (this.orm.config.get('pool')?.max ?? 2) > 1;
    return this.orm.em.fork().transactional(async (tx: EntityManager) => {
      // Big JSON parameters go to PostgreSQL as bind parameters through the driver: MikroORM's
      // execute() would inline and escape them in JavaScript first (seconds per batch measured).
      const knex = tx.getConnection().getKnex();
      const sql = async <T = unknown>(text: string, params: unknown[] = []): Promise<T[]> =>
        (await knex.raw(text, params as never[]).transacting(tx.getTransactionContext()!)).rows as T[];
      await sql(`select pg_advisory_xact_lock(hashtextextended('ina_kasih:registry', 0))`);
      await sql(`select set_config('ina.bulk_registry', 'on', true)`);
      const ids: string[] = [];
      let members = 0;
      let rowsDone = 0;
      for (let i = 0; i < families.length; i += BATCH) {
        const batch = families.slice(i, i + BATCH);
        const famRows = batch.map((f) => {
          const id = randomUUID();
          ids.push(id);
          return {
            id,
            kk_enc: cipher.encrypt(f.kk),
            kk_hash: kkHashes.get(f.kk),
            kk_masked: maskIdNumber(f.kk),
            head_name: f.headName,
            address: f.address,
            kelurahan_code: f.kelurahanCode,
            desil: f.desil ?? null,
            data_source: f.dataSource,
            verified_at: f.verifiedAt ?? null,
            sk_number: f.skNumber ?? null,
            phase: f.phase ?? null,
            members: f.members,
          };
        });
        const famJson = JSON.stringify(famRows.map(({ members: _m, ...f }) => f));
        await sql(
          `insert into ina_family (id, created_at, updated_at, kk_enc, kk_hash, kk_masked, head_name, address, kelurahan_code, desil, data_source, verified_at, sk_number, phase, enrolled_at, created_by_id)
           select x.id, now(), now(), x.kk_enc, x.kk_hash, x.kk_masked, x.head_name, x.address, x.kelurahan_code, x.desil, x.data_source, x.verified_at, x.sk_number, x.phase, ?::date, ?::uuid
             from json_to_recordset(?::json) as x(id uuid, kk_enc text, kk_hash text, kk_masked text, head_name text, address text, kelurahan_code text, desil smallint, data_source text, verified_at date, sk_number text, phase smallint)`,
          [today, user.id, famJson],
        );
        await sql(
          `insert into ina_family_kk_history (family_id, kk_enc, kk_hash, kk_masked, valid_from, reason, recorded_by_id)
           select x.id, x.kk_enc, x.kk_hash, x.kk_masked, now(), 'Impor', ?::uuid from json_to_recordset(?::json) as x(id uuid, kk_enc text, kk_hash text, kk_masked text)`,
          [user.id, famJson],
        );
        const memberRows = famRows.flatMap((f) =>
          f.members.map((m) => {
            const nik = m.nik ? cipher.protect('NIK', m.nik) : undefined;
            return { id: randomUUID(), family_id: f.id, name: m.name, nik_enc: nik?.enc ?? null, nik_hash: nik?.hash ?? null, nik_masked: nik?.masked ?? null, nik_mismatch: m.nikMismatch, birth_date: m.birthDate, sex: m.sex, relation: m.relation, in_school: m.inSchool, disability: m.disability };
          }),
        );
        await sql(
          `insert into ina_family_member (id, created_at, updated_at, family_id, name, nik_enc, nik_hash, nik_masked, nik_mismatch, birth_date, sex, relation, in_school, disability)
           select x.id, now(), now(), x.family_id, x.name, x.nik_enc, x.nik_hash, x.nik_masked, x.nik_mismatch, x.birth_date, x.sex, x.relation, x.in_school, x.disability
             from json_to_recordset(?::json) as x(id uuid, family_id uuid, name text, nik_enc text, nik_hash text, nik_masked text, nik_mismatch boolean, birth_date date, sex text, relation text, in_school boolean, disability boolean)`,
          [JSON.stringify(memberRows)],
        );
        members += memberRows.length;
        rowsDone += batch.reduce((n, f) => n + f.rows.length, 0);
        if (progressInsideWrite) await this.progress(jobId, { processedRows: rowsDone });
      }
      const idArray = `{${ids.join(',')}}`;
      // Fresh statistics first: without them the planner takes the new tables for empty and
      // joins 100,000 members by nested loops (9 s for 3,000 families measured; 0.2 s with them).
      await sql(`analyze ina_family`);
      await sql(`analyze ina_family_member`);
      const [{ flags }] = await sql<{ flags: number }>(`select ina_flag_duplicates_for(?::uuid[]) as flags`, [idArray]);
      const audit = auditInsert({ id: user.id, role: user.role, ip }, 'ina.family.import', 'FamilyImportJob', jobId, { after: { families: families.length, members, duplicateFlags: flags } });
      await sql(audit.sql, audit.params);
      return { members, flags };
    });
  }
}
