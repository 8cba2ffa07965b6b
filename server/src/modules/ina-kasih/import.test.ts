import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { testNik } from './family.fixtures';
import { parseCsv } from './import-file.util';

const HEADER = 'no_kk;kepala_keluarga;alamat;kelurahan;desil;sumber_data;tanggal_verval;nomor_sk;tahap;nama;nik;tanggal_lahir;jenis_kelamin;hubungan;sekolah;disabilitas';
const JOB = `query($id: ID!) { familyImportJob(id: $id) { status stage totalRows processedRows errorRows familiesWritten membersWritten familiesSkipped duplicateFlags reportLines
  report { row column code message warning } } }`;

/** Rows of `families` families of three (father, mother, a daughter) in Oebufu, KK serials from `from`. */
function csvOf(from: number, families: number, tweak: (row: string[], family: number, member: number) => void = () => undefined): string {
  const lines = [HEADER];
  for (let f = from; f < from + families; f++) {
    const kk = `537104010524${String(f).padStart(4, '0')}`;
    const people = [
      ['Bapa Simon Ndun', testNik('1979-04-01', 'M', f), '01-04-1979', 'L', 'Kepala Keluarga', 'Tidak'],
      ['Mama Ester Ndun', testNik('1985-12-24', 'F', f), '24-12-1985', 'P', 'Istri', 'Tidak'],
      ['Dorkas Ndun', testNik('2013-07-09', 'F', f), '2013-07-09', 'P', 'Anak', 'Ya'],
    ];
    people.forEach(([name, nik, born, sex, rel, school], m) => {
      const row = [kk, 'Simon Ndun', `Jl. Frans Seda No. ${f}`, m === 0 ? 'Oebufu' : '', m === 0 ? '2' : '', m === 0 ? 'DTSEN' : '', '', '', m === 0 ? '1' : '', name, nik, born, sex, rel, school, 'Tidak'];
      tweak(row, f, m);
      lines.push(row.join(';'));
    });
  }
  return lines.join('\r\n');
}

describe('family import from CSV and XLSX (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('program@kupang.demo');
  });
  afterAll(() => t?.close());

  async function upload(body: string | Buffer, mode: string, client = staff, type = 'text/csv'): Promise<{ status: number; body: any }> {
    const res = await fetch(`${t.url}/api/ina-kasih/imports?mode=${mode}&name=keluarga.csv`, {
      method: 'POST',
      headers: { 'content-type': type, cookie: `kp_session=${client.cookie('kp_session') ?? ''}` },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, body: await res.json() };
  }

  async function finished(jobId: string): Promise<any> {
    for (let i = 0; i < 200; i++) {
      const { familyImportJob } = await staff.ok<any>(JOB, { id: jobId });
      if (familyImportJob.status !== 'RUNNING') return familyImportJob;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  const count = async () => (await t.sql(`select count(*)::int as f, (select count(*)::int from ina_family_member) as m from ina_family`))[0];

  it('all or nothing: one bad row and nothing is written; the report names the row and column in Bahasa Indonesia', async () => {
    const before = await count();
    const csv = csvOf(1, 5, (row, f, m) => {
      if (f === 3 && m === 1) row[10] = '5371047202850003'; // day 72: no such date
    });
    const up = await upload(csv, 'ALL_OR_NOTHING');
    expect(up.status).toBe(202);
    const job = await finished(up.body.jobId);
    expect(job).toMatchObject({ status: 'REJECTED', totalRows: 15, errorRows: 1, familiesWritten: 0 });
    expect(job.report.filter((l: any) => !l.warning)).toEqual([
      { row: 9, column: 'nik', code: 'MEMBER_NIK_BIRTH_DATE', message: 'NIK tidak valid: digit 7–12 harus tanggal lahir HHBBTT (hari + 40 untuk perempuan).', warning: false },
    ]);
    expect(await count()).toEqual(before);
  });

  it('commit valid rows: the other families are written, the bad family skipped and reported row by row', async () => {
    const before = await count();
    const csv = csvOf(1, 5, (row, f, m) => {
      if (f === 3 && m === 1) row[10] = '5371047202850003';
      if (f === 5 && m === 2) row[12] = 'X';
    });
    const job = await finished((await upload(csv, 'VALID_ROWS')).body.jobId);
    expect(job).toMatchObject({ status: 'DONE', stage: 'FINISHED', errorRows: 2, familiesWritten: 3, membersWritten: 9, familiesSkipped: 2, processedRows: 15 });
    expect(job.report.map((l: any) => [l.row, l.code])).toEqual([
      [8, 'IMPORT_FAMILY_SKIPPED'],
      [9, 'MEMBER_NIK_BIRTH_DATE'],
      [10, 'IMPORT_FAMILY_SKIPPED'],
      [14, 'IMPORT_FAMILY_SKIPPED'],
      [15, 'IMPORT_FAMILY_SKIPPED'],
      [16, 'IMPORT_INVALID_SEX'],
    ]);
    const after = await count();
    expect({ f: after.f - before.f, m: after.m - before.m }).toEqual({ f: 3, m: 9 });
    const [fam] = await t.sql(`select f.registry_number, f.desil, f.kelurahan_code, f.phase, (select count(*)::int from ina_family_kk_history h where h.family_id = f.id) as history
                                 from ina_family f where f.head_name = 'Simon Ndun' order by registry_number limit 1`);
    expect(fam).toMatchObject({ desil: 2, kelurahan_code: '53.71.04.1009', phase: 1, history: 1 });
    const report = await fetch(`${t.url}/api/ina-kasih/imports/${(await upload(csvOf(90, 1), 'VALID_ROWS')).body.jobId}/report.csv`, { headers: { cookie: `kp_session=${staff.cookie('kp_session')}` } });
    expect(report.status).toBe(200);
    expect(parseCsv(await report.text())[0]).toEqual(['baris', 'kolom', 'jenis', 'kode', 'keterangan']);
  });

  it('refuses the same file twice, and refuses partners, vendors and strangers', async () => {
    const csv = csvOf(20, 2);
    const first = await upload(csv, 'VALID_ROWS');
    await finished(first.body.jobId);
    const again = await upload(csv, 'VALID_ROWS');
    expect(again).toMatchObject({ status: 409, body: { code: 'IMPORT_FILE_ALREADY_IMPORTED' } });
    expect(again.body.message).toMatch(/sudah diimpor/);
    for (const login of ['mitra@kupang.demo', '081234560001', 'pasar@kupang.demo']) {
      expect((await upload(csvOf(30, 1), 'VALID_ROWS', await t.as(login))).status).toBe(403);
    }
    expect((await upload(csvOf(30, 1), 'VALID_ROWS', t.client())).status).toBe(401);
    expect((await upload(csvOf(30, 1), 'VALID_ROWS', staff, 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('flags a KK already registered and a NIK shared across families, as warnings, never refusing or merging', async () => {
    const job = await finished((await upload(csvOf(20, 1, (row) => (row[2] += ' (ulang)')), 'VALID_ROWS')).body.jobId);
    expect(job).toMatchObject({ status: 'DONE', familiesWritten: 1 });
    expect(job.duplicateFlags).toBe(4); // the KK and three NIKs
    expect(job.report.map((l: any) => [l.row, l.code, l.warning])).toEqual([[2, 'IMPORT_KK_REGISTERED', true]]);
  });

  it('reads XLSX (the template itself, and a file where Excel turned a NIK into a number)', async () => {
    const tpl = await fetch(`${t.url}/api/ina-kasih/imports/template.xlsx`, { headers: { cookie: `kp_session=${staff.cookie('kp_session')}` } });
    expect(tpl.status).toBe(200);
    const job = await finished((await upload(Buffer.from(await tpl.arrayBuffer()), 'ALL_OR_NOTHING', staff, 'application/octet-stream')).body.jobId);
    expect(job).toMatchObject({ status: 'DONE', familiesWritten: 1, membersWritten: 4, errorRows: 0 });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(HEADER.split(';'));
    ws.addRow(['5371040105249901', 'Simon Ndun', 'Jl. Frans Seda', 'Oebufu', 2, 'DTSEN', new Date(Date.UTC(2025, 7, 15)), '', 1, 'Ester Ndun', 5371046412850003, new Date(Date.UTC(1985, 11, 24)), 'P', 'Istri', 'Tidak', 'Tidak']);
    const bad = await finished((await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'ALL_OR_NOTHING', staff, 'application/octet-stream')).body.jobId);
    expect(bad.status).toBe('REJECTED');
    expect(bad.report.map((l: any) => [l.row, l.column, l.code])).toEqual([[2, 'nik', 'IMPORT_ID_AS_NUMBER']]);
  });

  it('reports missing columns for a file that is not the template', async () => {
    const job = await finished((await upload('nama;umur\nAna;12\n', 'VALID_ROWS')).body.jobId);
    expect(job.status).toBe('REJECTED');
    expect(job.report[0].message).toMatch(/^Kolom wajib tidak ada di baris judul: no_kk, kepala_keluarga, alamat, kelurahan, sumber_data, tanggal_lahir, jenis_kelamin/);
  });

  it('shows a kelurahan officer her own imports and those wholly in her kelurahan, never another officer\'s elsewhere; reports are audited', async () => {
    const scoped = await t.as('oebobo@kupang.demo');
    const [{ id: scopedId }] = await t.sql(`select id from app_user where email = 'oebobo@kupang.demo'`);
    const inHers = (await upload(csvOf(300, 1), 'VALID_ROWS')).body.jobId; // Oebufu, one of her three kelurahan
    const elsewhere = (await upload(csvOf(310, 1, (row, _f, m) => void (m === 0 && (row[3] = 'Naimata'))), 'VALID_ROWS')).body.jobId;
    const mixed = (await upload(csvOf(320, 2, (row, f, m) => void (f === 321 && m === 0 && (row[3] = 'Naimata'))), 'VALID_ROWS')).body.jobId;
    const unplaced = (await upload(csvOf(330, 1, (row, _f, m) => void (m === 0 && (row[3] = 'Kampung Entah'))), 'VALID_ROWS')).body.jobId;
    const own = (await upload(csvOf(340, 1, (row, _f, m) => void (m === 0 && (row[3] = 'Naimata'))), 'VALID_ROWS', scoped)).body.jobId; // refused row, but her own job
    for (const id of [inHers, elsewhere, mixed, unplaced, own]) await finished(id);
    expect((await t.sql(`select kelurahan_codes from ina_import_job where id = any(?::uuid[]) order by created_at`, [`{${[inHers, elsewhere, mixed, unplaced].join(',')}}`])).map((r: any) => r.kelurahan_codes)).toEqual([
      ['53.71.04.1009'],
      ['53.71.02.1004'],
      expect.arrayContaining(['53.71.04.1009', '53.71.02.1004']),
      null,
    ]);

    const listed = async (c: GraphqlClient) => new Set((await c.ok<any>('{ familyImportJobs { id } }')).familyImportJobs.map((j: any) => j.id));
    const seesJob = async (c: GraphqlClient, id: string) => (await c.ok<any>(`query($id: ID!) { familyImportJob(id: $id) { id report { row } } }`, { id })).familyImportJob !== null;
    const report = (c: GraphqlClient, id: string) => fetch(`${t.url}/api/ina-kasih/imports/${id}/report.csv`, { headers: { cookie: `kp_session=${c.cookie('kp_session')}` } });
    const hers = await listed(scoped);
    const city = await listed(staff);
    for (const [id, visible] of [[inHers, true], [own, true], [elsewhere, false], [mixed, false], [unplaced, false]] as const) {
      expect(hers.has(id), `list ${id}`).toBe(visible);
      expect(await seesJob(scoped, id)).toBe(visible);
      expect((await report(scoped, id)).status).toBe(visible ? 200 : 404);
      // A city-wide officer sees every job and its report.
      expect(city.has(id)).toBe(true);
      expect((await report(staff, id)).status).toBe(200);
    }
    const downloads = await t.sql(`select actor_id, entity_id from audit_entry where action = 'ina.family.import_report' and entity_id = any(?::text[]) and actor_id = ?`, [`{${inHers},${own}}`, scopedId]);
    expect(downloads.map((d: any) => d.entity_id).sort()).toEqual([inHers, own].sort());
  });

  it('leaves no NIK or KK in clear after an import', async () => {
    const dump = await t.sql<{ x: string }>(`select string_agg(t::text, '|') as x from (select f::text as t from ina_family f union all select m::text from ina_family_member m union all select j::text from ina_import_job j) d`);
    expect(dump[0].x).not.toContain(testNik('1985-12-24', 'F', 1));
    expect(dump[0].x).not.toContain('5371040105240001');
  });
});
