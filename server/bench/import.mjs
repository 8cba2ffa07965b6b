/**
 * `npm run bench:import` (root or server): 30,000 families with ~105,000 members imported from
 * one CSV file, as program staff would upload it, into a real server process on a fresh database
 * on the PostgreSQL server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * Prints the progress the portal would show, then the wall time from upload to "done" and rows/s.
 * `-- --families N` changes the size; `-- --xlsx` uploads the same data as an XLSX workbook.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { adminUrl, gql, serverDir, startServer } from './bench-server.mjs';

const args = process.argv.slice(2);
const FAMILIES = Number(args[args.indexOf('--families') + 1]) > 0 && args.includes('--families') ? Number(args[args.indexOf('--families') + 1]) : 30_000;
const XLSX = args.includes('--xlsx');

const p2 = (n) => String(n).padStart(2, '0');
const p4 = (n) => String(n).padStart(4, '0');
const dmy = (d) => `${p2(d.getUTCDate())}-${p2(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
const nik = (area, d, sex, serial) => `${area}${p2(d.getUTCDate() + (sex === 'P' ? 40 : 0))}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCFullYear() % 100)}${p4(serial)}`;
const day = (base, offset) => new Date(Date.UTC(base, 0, 1) + offset * 86400000);

const FIRST_M = ['Yohanis', 'Simon', 'Yosef', 'Petrus', 'Markus', 'Daniel', 'Agustinus', 'Frans'];
const FIRST_F = ['Maria', 'Ester', 'Yuliana', 'Dorkas', 'Agustina', 'Selfina', 'Marta', 'Ribka', 'Naomi', 'Debora'];
const LAST = ['Tefa', 'Ndun', 'Bana', 'Manu', 'Lake', 'Nope', 'Benu', 'Tallo', 'Kana', 'Fanggi'];

/** One row per member; family i has 3 or 4 members (3.5 on average), every KK and NIK unique and valid. */
function rows(kelurahan) {
  const header = ['no_kk', 'kepala_keluarga', 'alamat', 'kelurahan', 'desil', 'sumber_data', 'tanggal_verval', 'nomor_sk', 'tahap', 'nama', 'nik', 'tanggal_lahir', 'jenis_kelamin', 'hubungan', 'sekolah', 'disabilitas'];
  const out = [header];
  for (let i = 0; i < FAMILIES; i++) {
    const kec = (i % 6) + 1;
    const kkDate = day(2015, i % 336);
    const kk = `53710${kec}${p2(kkDate.getUTCDate())}${p2(kkDate.getUTCMonth() + 1)}${p2(kkDate.getUTCFullYear() % 100)}${p4(Math.floor(i / 336) + 1)}`;
    const area = `53710${kec}`;
    const serial = Math.floor(i / 6000) + 1;
    const last = LAST[i % LAST.length];
    const head = `${FIRST_M[i % FIRST_M.length]} ${last}`;
    const fam = [kk, head, `RT ${p2((i % 20) + 1)}/RW ${p2((i % 7) + 1)}`, kelurahan[i % kelurahan.length], String((i % 3) + 1), i % 5 ? 'DTSEN' : 'USULAN', '15-08-2025', '188.45/KEP/212/2025', '1'];
    const members = [
      [head, nik(area, day(1965, i % 6000), 'L', serial), dmy(day(1965, i % 6000)), 'L', 'Kepala Keluarga', 'Tidak'],
      [`${FIRST_F[i % FIRST_F.length]} ${last}`, nik(area, day(1975, i % 6000), 'P', serial), dmy(day(1975, i % 6000)), 'P', 'Istri', 'Tidak'],
      [`${FIRST_F[(i + 3) % FIRST_F.length]} ${last}`, nik(area, day(2005, i % 6000), 'P', serial), dmy(day(2005, i % 6000)), 'P', 'Anak', 'Ya'],
    ];
    if (i % 2) members.push([`${FIRST_M[(i + 2) % FIRST_M.length]} ${last}`, nik(area, day(2010, i % 5000), 'L', serial + 10), dmy(day(2010, i % 5000)), 'L', 'Anak', 'Ya']);
    members.forEach((m, k) => out.push([...fam.map((v, j) => (k === 0 || j === 0 || j === 1 || j === 2 ? v : '')), ...m, i % 40 === k ? 'Ya' : 'Tidak']));
  }
  return out;
}

async function fileOf(table) {
  if (!XLSX) return { body: Buffer.from(table.map((r) => r.join(';')).join('\r\n'), 'utf8'), type: 'text/csv', name: 'keluarga.csv' };
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Keluarga');
  for (const r of table) ws.addRow(r);
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), type: 'application/octet-stream', name: 'keluarga.xlsx' };
}

async function main() {
  const dbName = `kupang_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  if (process.env.BENCH_LOG_SLOW_MS) await admin.query(`alter database "${dbName}" set log_min_duration_statement = ${Number(process.env.BENCH_LOG_SLOW_MS)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  let server;
  try {
    server = await startServer(url.toString(), 'always');
    const regions = JSON.parse(readFileSync(path.join(serverDir, 'src/db/data/kupang-regions.json'), 'utf8'));
    const kelurahan = regions.kecamatan.flatMap((k) => k.kelurahan.map((l) => l.name));
    const table = rows(kelurahan);
    const file = await fileOf(table);
    const signIn = await gql(server.url, 'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', { i: { login: 'program@kupang.demo', password: 'kupang2026' } });
    const cookie = signIn.setCookie[0].split(';')[0];
    console.log(`file: ${FAMILIES} families, ${table.length - 1} member rows, ${(file.body.length / 1024 / 1024).toFixed(1)} MB ${XLSX ? 'XLSX' : 'CSV'}`);

    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/ina-kasih/imports?mode=ALL_OR_NOTHING&name=${file.name}`, { method: 'POST', headers: { 'content-type': file.type, cookie }, body: file.body });
    const { jobId } = await res.json();
    if (!jobId) throw new Error(`upload refused: ${res.status}`);
    const accepted = performance.now() - t0;
    let job;
    let last = '';
    for (;;) {
      ({ data: { familyImportJob: job } } = await gql(server.url, `query($id: ID!) { familyImportJob(id: $id) { status stage totalRows processedRows errorRows familiesWritten membersWritten duplicateFlags durationMs report(first: 5) { row code message } } }`, { id: jobId }, cookie));
      const line = `${job.stage} ${job.processedRows}/${job.totalRows}`;
      if (line !== last) console.log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${line}`);
      last = line;
      if (job.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const wall = performance.now() - t0;
    if (job.status !== 'DONE') throw new Error(`import ${job.status}: ${JSON.stringify(job.report)}`);
    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const { rows: [counts] } = await check.query(`select (select count(*)::int from ina_family) as families, (select count(*)::int from ina_family_member) as members, (select count(*)::int from ina_family_kk_history) as history`);
    await check.end();
    console.log(`upload accepted in ${accepted.toFixed(0)} ms; import done in ${(wall / 1000).toFixed(1)} s wall (${job.durationMs} ms in the job): ${counts.families} families, ${counts.members} members, ${counts.history} KK history rows, ${job.duplicateFlags} duplicate flags, ${Math.round((table.length - 1) / (wall / 1000))} rows/s`);
    console.log(JSON.stringify({ bench: 'import', format: XLSX ? 'xlsx' : 'csv', families: counts.families, members: counts.members, wallMs: Math.round(wall), jobMs: job.durationMs, acceptedMs: Math.round(accepted) }));
  } finally {
    await server?.stop();
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
