/**
 * `npm run bench:turnover` (root) or `npm run bench:turnover -w server`: turnover over real HTTP
 * against a real server process (node dist/main.js) on a fresh database on the PostgreSQL server of
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), with the demo data
 * (about 4,300 reports since June 2025). It then adds 100 checked-in vendors on each of 22 extra
 * market days and measures:
 *   - the day grid submitted at closing time: recordTurnoverDay with 100 rows in one request,
 *     and the same grid replayed (every row answered from its idempotency key);
 *   - the portal's way: 100 single recordTurnover requests, one per row;
 *   - the read queries (totals, day grid, disputes queue, the vendor's own page), 20 warm-up runs
 *     then 200 timed ones each, with the SQL statements per request (x-sql-statements).
 * `--short` (npm run bench:turnover -- --short): 8 grids, one day of single entries and 40 timed
 * reads each, a couple of minutes on a shared machine.
 * Prints p50/p95 and, as its LAST line, one JSON object.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { adminUrl, startServer } from './scale-common.mjs';

const VENDORS = 100;
const SHORT = process.argv.includes('--short');
const GRID_DAYS = SHORT ? 8 : 20; // 2 warm-up + 6 or 18 timed grid submits
const SINGLE_DAYS = SHORT ? 1 : 2;
const READS = SHORT ? 40 : 200;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fig = (times) => {
  const s = [...times].sort((a, b) => a - b);
  return { p50_ms: +pct(s, 50).toFixed(1), p95_ms: +pct(s, 95).toFixed(1) };
};

async function gql(url, cookie, query, variables) {
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { body, ms, statements: Number(res.headers.get('x-sql-statements') ?? -1) };
}

async function signIn(url, login) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', variables: { i: { login, password: 'kupang2026' } } }),
  });
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Saturdays and Sundays from 2025-01-04 back in time order: dates the demo never uses. */
function benchDates(n) {
  const out = [];
  for (let d = new Date('2025-01-04T00:00:00Z'); out.length < n; d.setUTCDate(d.getUTCDate() + 1)) if ([0, 6].includes(d.getUTCDay())) out.push(d.toISOString().slice(0, 10));
  return out;
}

const GRID_SUBMIT = `mutation($i: RecordTurnoverDayInput!) { recordTurnoverDay(input: $i) { saved rows { userErrors { code } } } }`;
const RECORD = `mutation($i: RecordTurnoverInput!) { recordTurnover(input: $i) { report { id } userErrors { code } } }`;

async function main() {
  const name = `kupang_bench_turnover_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  let server;
  const out = { database: 'PostgreSQL', grid_rows: VENDORS, short: SHORT, queries: {} };
  try {
    // 2,000 single entries from one staff account in a few minutes: the per-account limit is for people, not this.
    process.env.RATE_LIMIT_ACCOUNT_PER_MINUTE = '0';
    process.env.RATE_LIMIT_ADDRESS_PER_MINUTE = '0';
    server = await startServer(dbUrl.toString(), 'always');
    await db.connect();
    // 100 approved vendors, checked in on 22 extra market days (20 for grid submits, 2 for single entries).
    const vendors = Array.from({ length: VENDORS }, (_, i) => ({ id: randomUUID(), userId: randomUUID(), n: i, phone: `+62813${String(90000000 + i)}` }));
    await db.query(
      `insert into app_user (id, created_at, updated_at, full_name, phone, password_hash, role)
       select (x->>'userId')::uuid, now(), now(), 'Mama ' || (x->>'n'), x->>'phone', 'x', 'VENDOR' from jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(vendors)],
    );
    await db.query(
      `insert into market_vendor (id, created_at, updated_at, business_name, owner_name, phone, category, products, kelurahan_code, status, user_id)
       select (x->>'id')::uuid, now(), now(), 'Bench ' || (x->>'n'), 'Mama ' || (x->>'n'), x->>'phone',
              (array['KULINER','MINUMAN','OLEH_OLEH','TENUN_FESYEN','KRIYA','HERBAL','RUMAH_TANGGA','JASA'])[1 + (x->>'n')::int % 8], 'Kue', '53.71.02.1004', 'APPROVED', (x->>'userId')::uuid
         from jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(vendors)],
    );
    const stalls = (await db.query(`select id from market_stall order by zone, position limit $1`, [VENDORS])).rows;
    const dates = benchDates(GRID_DAYS + SINGLE_DAYS);
    const days = [];
    for (const date of dates) {
      const { rows } = await db.query(
        `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
         values (gen_random_uuid(), now(), now(), $1::date, 'ALLOCATED', $1::date - 8, $1::date - 2, $1::date - 1, $1::date + interval '8 hours', $1::date - 2) returning id`,
        [date],
      );
      await db.query(
        `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
         select gen_random_uuid(), now(), now(), $1, v, s, 'CHECKED_IN', now(), now() from unnest($2::uuid[], $3::uuid[]) as x(v, s)`,
        [rows[0].id, vendors.map((v) => v.id), stalls.map((s) => s.id)],
      );
      days.push(rows[0].id);
    }
    const staff = await signIn(server.url, 'pasar@kupang.demo');
    const vendor = await signIn(server.url, '081234560001');

    // The closing-time grid: 100 rows in one request, then the same request again (a lost answer).
    const submits = [];
    const replays = [];
    for (const [k, dayId] of days.slice(0, GRID_DAYS).entries()) {
      const rows = vendors.map((v, i) => ({ idempotencyKey: `bench-grid-${k}-${i}`, vendorId: v.id, amount: 300_000 + ((i * 7919 + k * 104729) % 1_500_000), transactions: 10 + (i % 40) }));
      const first = await gql(server.url, staff, GRID_SUBMIT, { i: { marketDayId: dayId, rows } });
      if (first.body.data.recordTurnoverDay.saved !== VENDORS) throw new Error(`grid saved ${first.body.data.recordTurnoverDay.saved}`);
      const again = await gql(server.url, staff, GRID_SUBMIT, { i: { marketDayId: dayId, rows } });
      if (k >= 2) submits.push(first.ms), replays.push(again.ms);
      if (k === GRID_DAYS - 1) out.queries.recordTurnoverDay_100_rows = { ...fig(submits), sql_statements: first.statements, per_row_ms: +(fig(submits).p50_ms / VENDORS).toFixed(2) };
      if (k === GRID_DAYS - 1) out.queries.recordTurnoverDay_100_rows_replayed = { ...fig(replays), sql_statements: again.statements };
    }
    // The portal's way: one request per row, as each row's form is sent.
    const singles = [];
    let singleStatements = -1;
    for (const [k, dayId] of days.slice(GRID_DAYS).entries()) {
      for (const [i, v] of vendors.entries()) {
        const r = await gql(server.url, staff, RECORD, { i: { idempotencyKey: `bench-one-${k}-${i}`, vendorId: v.id, marketDayId: dayId, amount: 450_000 + i * 1000 } });
        if (r.body.data.recordTurnover.userErrors.length) throw new Error(JSON.stringify(r.body.data.recordTurnover.userErrors));
        singles.push(r.ms);
        singleStatements = r.statements;
      }
    }
    out.queries.recordTurnover_single = { ...fig(singles.slice(20)), sql_statements: singleStatements };
    const [{ reports, total }] = (await db.query(`select count(*)::int as reports, sum(amount)::text as total from turnover_report where current`)).rows;
    out.reports = reports;
    out.total_rupiah = total;

    const reads = {
      turnoverTotals_MONTH_NONE: [staff, `{ turnoverTotals(period: MONTH, groupBy: NONE, from: "2025-01-01", to: "2026-12-31") { total rows { periodStart amount growthPercent } } }`],
      turnoverTotals_WEEKEND_CATEGORY: [staff, `{ turnoverTotals(period: WEEKEND, groupBy: CATEGORY, from: "2025-01-01", to: "2026-12-31") { total rows { periodStart groupKey amount growthPercent } } }`],
      turnoverTotals_DAY_VENDOR: [staff, `{ turnoverTotals(period: DAY, groupBy: VENDOR, from: "2025-01-01", to: "2026-12-31") { total truncated rows { periodStart groupLabel amount growthPercent } } }`],
      turnoverTotals_YEAR_KELURAHAN: [staff, `{ turnoverTotals(period: YEAR, groupBy: KELURAHAN, from: "2025-01-01", to: "2026-12-31") { total rows { periodStart groupLabel amount growthPercent } } }`],
      turnoverDayGrid_100: [staff, `{ turnoverDayGrid(marketDayId: "${days[0]}") { checkedIn recorded total rows { stallCode vendor { businessName } report { amount status } } } }`],
      turnoverReports_disputes: [staff, `{ turnoverReports(status: DISPUTED, first: 50) { totalCount nodes { amount vendor { businessName } marketDay { date } } } }`],
      myTurnover_vendor: [vendor, `{ myTurnover { total months { month amount } days(first: 30) { totalCount nodes { amount status marketDay { date } } } } }`],
      baseline_me: [staff, `{ me { id } }`],
    };
    for (const [label, [cookie, query]] of Object.entries(reads)) {
      const times = [];
      let statements = -1;
      for (let i = 0; i < READS + 20; i++) {
        const r = await gql(server.url, cookie, query);
        statements = r.statements;
        if (i >= 20) times.push(r.ms);
      }
      out.queries[label] = { ...fig(times), sql_statements: statements };
    }
    console.log(`Turnover benchmark on ${adminUrl.replace(/:[^:@/]*@/, ':***@').replace(/\/[^/]*$/, '')}/${name}: ${reports} current reports, total Rp ${BigInt(total).toLocaleString('id-ID')}`);
    for (const [label, q] of Object.entries(out.queries)) console.log(`  ${label.padEnd(38)} p50 ${String(q.p50_ms).padStart(7)} ms  p95 ${String(q.p95_ms).padStart(7)} ms  ${q.sql_statements} SQL statements`);
  } finally {
    await db.end().catch(() => undefined);
    await server?.stop();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
