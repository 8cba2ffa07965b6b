/**
 * `npm run bench:distribution`: a month of Ina Kasih deliveries recorded over HTTP.
 * Starts two real server processes (node dist/main.js) on one fresh database on the PostgreSQL
 * server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), puts
 * FAMILIES families (default 3000; each a mother and a daughter of 10–45 and a son) in 12
 * kelurahan straight into the database with stock for all of them, opens this month's round
 * through the API (the planned list is computed in one SQL statement) and then records one
 * delivery per family with an idempotency key, CONCURRENCY at a time (default 32) alternating
 * between the two processes, plus a retry of every tenth delivery with the same key on the other
 * process. Prints the opening time, throughput, latency percentiles, rows stored, and the time
 * and SQL statement count of roundCoverage and roundPlan. Usage: --families N --concurrency C.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { adminUrl, gql, startServer } from './bench-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FAMILIES = arg('families', 3000);
const CONCURRENCY = arg('concurrency', 32);
const KELURAHAN = ['53.71.04.1001', '53.71.04.1008', '53.71.04.1009', '53.71.02.1004', '53.71.02.1005', '53.71.01.1001', '53.71.01.1002', '53.71.03.1001', '53.71.03.1010', '53.71.05.1001', '53.71.06.1001', '53.71.06.1002'];

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const name = `kupang_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const servers = [];
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  try {
    servers.push(await startServer(dbUrl.toString(), 'always'));
    servers.push(await startServer(dbUrl.toString(), 'never'));
    await db.connect();

    const ids = Array.from({ length: FAMILIES }, () => randomUUID());
    await db.query(
      `insert into ina_family (id, created_at, updated_at, kk_enc, kk_hash, kk_masked, head_name, address, kelurahan_code, data_source, enrolled_at)
       select f, now(), now(), 'bench', encode(sha256(f::text::bytea), 'hex'), '5371••••••••0000', 'Kepala ' || n, 'RT 0' || (n % 9 + 1) || '/RW 01',
              ($2::text[])[1 + n % array_length($2::text[], 1)], 'DTSEN', date '2025-09-01'
         from unnest($1::uuid[]) with ordinality as x(f, n)`,
      [ids, KELURAHAN],
    );
    await db.query(
      `insert into ina_family_member (id, created_at, updated_at, family_id, name, birth_date, sex, relation)
       select gen_random_uuid(), now(), now(), f, x.name, x.born::date, x.sex, x.relation
         from unnest($1::uuid[]) f, (values ('Mama', '1986-04-02', 'F', 'SPOUSE'), ('Nona', '2010-09-15', 'F', 'CHILD'), ('Nyong', '2012-03-03', 'M', 'CHILD')) as x(name, born, sex, relation)`,
      [ids],
    );
    const [{ program }] = (await db.query(`select id as program from ina_program where name = 'Ina Kasih'`)).rows;
    await db.query(
      `insert into ina_stock_lot (id, created_at, updated_at, program_id, funding_source_id, received_on, packs_received, pads_per_pack, unit_cost, packs_remaining)
       select gen_random_uuid(), now(), now(), $1, s.id, current_date - 20, $2, 10, 26000, $2 from funding_source s where s.kind = 'APBD' order by s.fiscal_year desc limit 1`,
      [program, FAMILIES * 4],
    );

    const signIn = await gql(servers[0].url, 'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', { i: { login: 'program@kupang.demo', password: 'kupang2026' } });
    const staff = signIn.setCookie[0].split(';')[0];
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const o0 = performance.now();
    const opened = await gql(servers[0].url, 'mutation($i: OpenRoundInput!) { openRound(input: $i) { round { id totals { families plannedPacks } } userErrors { code message } } }', { i: { programId: program, month } }, staff);
    const openMs = performance.now() - o0;
    if (opened.data.openRound.userErrors.length) throw new Error(JSON.stringify(opened.data.openRound.userErrors));
    const round = opened.data.openRound.round;

    const RECORD = 'mutation($i: RecordDistributionInput!) { recordDistribution(input: $i) { distribution { id } userErrors { code } } }';
    const jobs = ids.map((familyId, i) => ({ familyId, key: `bench-${month}-${i}`, server: i % 2 }));
    for (let i = 0; i < ids.length; i += 10) jobs.push({ ...jobs[i], server: 1 - jobs[i].server, retry: true });
    const latencies = [];
    const statements = [];
    const errors = [];
    const answers = new Map();
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        try {
          const r = await gql(servers[job.server].url, RECORD, { i: { idempotencyKey: job.key, roundId: round.id, familyId: job.familyId, proxyName: 'Kader', place: 'DOOR_TO_DOOR' } }, staff);
          const p = r.data.recordDistribution;
          if (p.userErrors.length) errors.push(p.userErrors[0].code);
          else if (answers.has(job.key) && answers.get(job.key) !== p.distribution.id) errors.push('RETRY_GOT_ANOTHER_ROW');
          else answers.set(job.key, p.distribution.id);
          if (!job.retry) statements.push(r.statements);
        } catch (err) {
          errors.push(String(err).slice(0, 120));
        }
        latencies.push(performance.now() - t0);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const wall = performance.now() - started;

    const [{ rows, families }] = (await db.query(`select count(*)::int as rows, count(distinct family_id)::int as families from ina_distribution where round_id = $1`, [round.id])).rows;
    const [{ drawn, delivered }] = (await db.query(
      `select (select coalesce(-sum(m.packs), 0) from ina_stock_movement m join ina_distribution d on d.id = m.distribution_id where d.round_id = $1)::int as drawn,
              (select coalesce(sum(packs), 0) from ina_distribution where round_id = $1)::int as delivered`,
      [round.id],
    )).rows;
    const [{ left, min }] = (await db.query(`select sum(packs_remaining)::int as left, min(packs_remaining)::int as min from ina_stock_lot where program_id = $1`, [program])).rows;
    const c0 = performance.now();
    const coverage = await gql(servers[1].url, 'query($r: ID!) { roundCoverage(roundId: $r) { kelurahanCode families deliveredFamilies } }', { r: round.id }, staff);
    const coverageMs = performance.now() - c0;
    const p0 = performance.now();
    const plan = await gql(servers[1].url, 'query($r: ID!, $k: String!) { roundPlan(roundId: $r, kelurahanCode: $k, first: 100) { totalCount nodes { plannedPacks family { registryNumber headName } delivery { id packs } } } }', { r: round.id, k: KELURAHAN[0] }, staff);
    const planMs = performance.now() - p0;

    latencies.sort((a, b) => a - b);
    statements.sort((a, b) => a - b);
    console.log(`Ina Kasih deliveries: ${FAMILIES} families in ${KELURAHAN.length} kelurahan, ${jobs.length} recordDistribution calls (${jobs.length - FAMILIES} retries with the same key), ${CONCURRENCY} in flight, two server processes`);
    console.log(`  openRound            ${openMs.toFixed(0)} ms for ${round.totals.families} families planned (${round.totals.plannedPacks} packs)`);
    console.log(`  wall time            ${(wall / 1000).toFixed(2)} s (${(jobs.length / (wall / 1000)).toFixed(0)} deliveries/s)`);
    console.log(`  latency              p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1).toFixed(0)} ms`);
    console.log(`  SQL statements       ${pct(statements, 50)} per delivery (p50; session, transaction and the answer included)`);
    console.log(`  refused or failed    ${errors.length}${errors.length ? ` (${[...new Set(errors)].join(', ')})` : ''}`);
    console.log(`  rows stored          ${rows} deliveries for ${families} families; stock left ${left} packs (lowest lot ${min}); ${drawn} packs drawn for ${delivered} delivered`);
    console.log(`  roundCoverage        ${coverageMs.toFixed(0)} ms, ${coverage.statements} SQL statements, ${coverage.data.roundCoverage.length} kelurahan`);
    console.log(`  roundPlan (100)      ${planMs.toFixed(0)} ms, ${plan.statements} SQL statements, ${plan.data.roundPlan.totalCount} families in the kelurahan`);
    console.log(JSON.stringify({ families: FAMILIES, calls: jobs.length, openRoundMs: Math.round(openMs), perSecond: Math.round(jobs.length / (wall / 1000)), statementsPerDelivery: pct(statements, 50), p50: Math.round(pct(latencies, 50)), p95: Math.round(pct(latencies, 95)), rows, coverageMs: Math.round(coverageMs), coverageStatements: coverage.statements, planStatements: plan.statements }));
    if (rows !== FAMILIES || families !== FAMILIES || drawn !== delivered || errors.length) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    for (const s of servers) await s.stop();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
