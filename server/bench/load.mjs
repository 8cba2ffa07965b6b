/**
 * `npm run bench:load [-- --duration 10 --connections 10]`: a load test with autocannon against
 * a real server process on a fresh real PostgreSQL database with the demo data, plus 600 vendors
 * with open sessions, 8 market days whose booking window is open and 80 held market days with 100
 * checked-in vendors each. Rate limits are on but set high, so their counter is part of every
 * write measured.
 *
 * Scenarios, each on a fresh server process: `{ __typename }` (no SQL: the floor of HTTP and
 * GraphQL alone), a vendor's `me`, the region list, the admin's user
 * list, the vendor's market page reads, partner impact, replays of an idempotent registration (a
 * phone retrying), stall requests at window opening (every request a different vendor and day),
 * staff logging turnover as the portal does (one vendor per request, every figure new), and the MIX the issue names run at
 * once on one server: vendor reads, window-opening bookings, turnover logging and partner impact.
 *
 * Per scenario: requests/s, latency percentiles, errors (transport, non-2xx or a GraphQL `errors`
 * entry; refusals a user sees as `userErrors` are counted apart), and two measures of what the API
 * layer adds to PostgreSQL's time for the same requests:
 *   - CPU: the API process's CPU per request vs that of the PostgreSQL backends serving it (/proc);
 *   - PostgreSQL's own clock: `pg_stat_database.active_time` (time its backends spent executing the
 *     API's statements, lock waits and commits included), read after the server exits so every
 *     backend has reported; the start-up's share is measured once and subtracted.
 * Then the SQL the read scenarios run (captured from a second request with SQL logging on) is sent
 * straight to PostgreSQL by the same number of connections, for the throughput comparison.
 * Prints a table and, as its LAST line, one JSON object.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const serverDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 10);
const WARM_UP_S = 1;
const VENDORS = 600;
const OPEN_DAYS = 8;
const HELD_DAYS = 80;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

async function startServer(dbUrl, extraEnv = {}, capture) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kupang-load-'));
  const env = { PATH: process.env.PATH, NO_COLOR: '1', FORCE_COLOR: '0', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl, DATA_DIR: dataDir, WEB_BUILD_DIR: dataDir, SEED_DEMO: 'never', LOG_LEVEL: 'warn', NODE_ENV: 'production', PII_KEY: '0'.repeat(63) + '1', DB_POOL_MAX: '10', RATE_LIMIT_ACCOUNT_PER_MINUTE: '100000', RATE_LIMIT_ADDRESS_PER_MINUTE: '100000', ...extraEnv };
  const child = spawn(process.execPath, [path.join(serverDir, 'dist/main.js')], { env, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'inherit'] });
  if (capture) child.stdout.on('data', (c) => capture.push(c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not yet */ }
    await sleep(250);
  }
  return { url, pid: child.pid, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))).then(() => rmSync(dataDir, { recursive: true, force: true })) };
}

async function gql(url, query, variables, cookie = '') {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { body, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}
const signIn = async (url, login) => (await gql(url, 'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', { i: { login, password: 'kupang2026' } })).cookie;

// A fresh database with the demo data (seeded by a first start).
const dbName = `kupang_load_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database "${dbName}"`);
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const seeder = await startServer(dbUrl, { SEED_DEMO: 'always', NODE_ENV: 'development' });

// 600 approved vendors with open sessions (straight into the database: signing in 600 accounts
// through argon2 would measure argon2), 8 market days open for booking now, 80 held market days.
const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
const vendors = Array.from({ length: VENDORS }, (_, n) => {
  const token = randomBytes(24).toString('base64url');
  return { n, userId: randomUUID(), vendorId: randomUUID(), token, tokenHash: createHash('sha256').update(token).digest('hex'), phone: `+62813${String(60000000 + n)}` };
});
const vendorJson = JSON.stringify(vendors);
await db.query(`insert into app_user (id, created_at, updated_at, full_name, phone, password_hash, role)
                select (x->>'userId')::uuid, now(), now(), 'Mama Beban ' || (x->>'n'), x->>'phone', 'x', 'VENDOR' from jsonb_array_elements($1::jsonb) x`, [vendorJson]);
await db.query(`insert into market_vendor (id, created_at, updated_at, user_id, business_name, owner_name, phone, category, products, kelurahan_code, status)
                select (x->>'vendorId')::uuid, now(), now(), (x->>'userId')::uuid, 'Usaha Beban ' || (x->>'n'), 'Mama Beban ' || (x->>'n'), x->>'phone',
                       (array['KULINER','MINUMAN','OLEH_OLEH','TENUN_FESYEN','KRIYA','HERBAL','RUMAH_TANGGA','JASA'])[1 + (x->>'n')::int % 8], 'Kue', '53.71.02.1004', 'APPROVED'
                  from jsonb_array_elements($1::jsonb) x`, [vendorJson]);
await db.query(`insert into session (token_hash, user_id, created_at, expires_at) select x->>'tokenHash', (x->>'userId')::uuid, now(), now() + interval '1 day' from jsonb_array_elements($1::jsonb) x`, [vendorJson]);

const cookies = { vendor: await signIn(seeder.url, '081234560001'), admin: await signIn(seeder.url, 'admin@kupang.demo'), partner: await signIn(seeder.url, 'mitra@kupang.demo'), staff: await signIn(seeder.url, 'pasar@kupang.demo') };

const weekendDates = (from, n) => {
  const out = [];
  for (let d = new Date(`${from}T00:00:00Z`); out.length < n; d.setUTCDate(d.getUTCDate() + 1)) if ([0, 6].includes(d.getUTCDay())) out.push(d.toISOString().slice(0, 10));
  return out;
};
const openDays = [];
for (const date of weekendDates(new Date(Date.now() + 70 * 86_400_000).toISOString().slice(0, 10), OPEN_DAYS)) {
  const { body } = await gql(seeder.url, 'mutation($i: AddMarketDayInput!) { addMarketDay(input: $i) { marketDay { id } userErrors { code message } } }', {
    i: { date, bookingOpensAt: new Date(Date.now() - 60_000).toISOString(), bookingClosesAt: new Date(Date.now() + 6 * 3600_000).toISOString() },
  }, cookies.staff);
  if (!body.data.addMarketDay.marketDay) throw new Error(JSON.stringify(body.data.addMarketDay.userErrors));
  openDays.push(body.data.addMarketDay.marketDay.id);
}
const stalls = (await db.query(`select id from market_stall order by zone, position limit 100`)).rows.map((r) => r.id);
const heldDays = [];
for (const date of weekendDates('2024-01-06', HELD_DAYS)) { // dates the demo never uses
  const { rows } = await db.query(
    `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
     values (gen_random_uuid(), now(), now(), $1::date, 'ALLOCATED', $1::date - 8, $1::date - 2, $1::date - 1, $1::date + interval '8 hours', $1::date - 2) returning id`, [date]);
  await db.query(`insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
                  select gen_random_uuid(), now(), now(), $1, v, s, 'CHECKED_IN', now(), now() from unnest($2::uuid[], $3::uuid[]) as x(v, s)`,
  [rows[0].id, vendors.slice(0, stalls.length).map((v) => v.vendorId), stalls]);
  heldDays.push(rows[0].id);
}
await db.end();
const REGISTER = 'mutation($i: RegisterVendorInput!) { registerVendor(input: $i) { vendorCode status userErrors { code } } }';
const registration = { businessName: 'Ikan Asap Mama Bench', ownerName: 'Mama Bench', phone: '081399990001', password: 'rahasia-pasar-1', category: 'KULINER', products: 'Ikan asap', kelurahanCode: '53.71.02.1004', idempotencyKey: 'bench-load-replay-0001' };
await gql(seeder.url, REGISTER, { i: registration }); // the first request; the load replays it
await seeder.stop();

// Requests. A fixed one is { cookie, query, variables }; a varying one has next() giving a new one each time.
const REQUEST_STALL = 'mutation($i: RequestStallInput!) { requestStall(input: $i) { booking { id status } userErrors { code } } }';
// As the staff portal sends it (/pasar/omzet: one form per vendor, from the outbox).
const RECORD_TURNOVER = 'mutation($input: RecordTurnoverInput!) { recordTurnover(input: $input) { report { id vendor { businessName } } userErrors { code field message } } }';
let bookingSeq = 0;
const nextBooking = () => {
  const k = bookingSeq++; // every (vendor, open day) once; past the 4,800 pairs they become replays
  const v = vendors[k % VENDORS];
  const day = Math.floor(k / VENDORS) % OPEN_DAYS;
  return { cookie: `kp_session=${v.token}`, query: REQUEST_STALL, variables: { i: { marketDayId: openDays[day], idempotencyKey: `beban-${v.n}-${day}` } } };
};
let turnoverSeq = 0;
const nextTurnover = () => {
  const k = turnoverSeq++; // every checked-in vendor of every held day once (8,000); past them they become replays
  const day = Math.floor(k / stalls.length) % HELD_DAYS;
  const v = vendors[k % stalls.length];
  return { cookie: cookies.staff, query: RECORD_TURNOVER, variables: { input: { idempotencyKey: `omzet-${day}-${v.n}`, vendorId: v.vendorId, marketDayId: heldDays[day], amount: 250_000 + ((v.n * 7919 + day * 104729) % 1_500_000), transactions: 10 + (v.n % 40) } } };
};
const MARKET_READS = '{ myVendor { code businessName status } marketDays(from: "2026-11-01", to: "2026-12-31") { id date status } myBookings(first: 10) { nodes { id status } } }';
const IMPACT = '{ saboakKoepanImpact(year: 2026) { suppressionApplied months { month marketDaysHeld stallDays { value suppressed } } } }';
const fixed = {
  graphql_only: { cookie: '', query: '{ __typename }' }, // no SQL at all: what HTTP and GraphQL alone cost
  me_vendor: { cookie: cookies.vendor, query: '{ me { id fullName role } }' },
  regions_kelurahan: { cookie: cookies.vendor, query: '{ regions(level: KELURAHAN) { code name level } }' },
  users_admin_first50: { cookie: cookies.admin, query: '{ users(first: 50) { totalCount nodes { id fullName role email phone active } } }' },
  vendor_market_reads: { cookie: cookies.vendor, query: MARKET_READS },
  impact_partner: { cookie: cookies.partner, query: IMPACT },
  registerVendor_replay: { cookie: '', query: REGISTER, variables: { i: registration } },
};
const asStream = (r) => () => r;
// Each scenario: streams of requests with the connections each gets.
const scenarios = {
  ...Object.fromEntries(Object.entries(fixed).map(([name, r]) => [name, [{ next: asStream(r), connections: CONNECTIONS }]])),
  booking_window_opening: [{ next: nextBooking, connections: CONNECTIONS }],
  turnover_logging: [{ next: nextTurnover, connections: Math.max(1, Math.round(CONNECTIONS / 5)) }], // a few staff phones, not ten
  mix: [
    { label: 'vendor reads', next: asStream(fixed.vendor_market_reads), connections: Math.max(1, Math.round(CONNECTIONS * 0.4)) },
    { label: 'bookings', next: nextBooking, connections: Math.max(1, Math.round(CONNECTIONS * 0.3)) },
    { label: 'turnover', next: nextTurnover, connections: 1 },
    { label: 'impact', next: asStream(fixed.impact_partner), connections: Math.max(1, Math.round(CONNECTIONS * 0.2)) },
  ],
};

// CPU time (user + system, from /proc) of the API process and of the PostgreSQL backends serving it.
const cpuMs = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
  } catch { return 0; } // gone, or not on this machine
};
const backendPids = async () => (await admin.query(`select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'`, [dbName])).rows.map((r) => r.pid);
const cpuSnapshot = async (pid) => ({ api: cpuMs(pid), pg: new Map((await backendPids()).map((p) => [p, cpuMs(p)])) });
const cpuSince = async (pid, before) => ({ api: cpuMs(pid) - before.api, pg: (await backendPids()).reduce((sum, p) => sum + cpuMs(p) - (before.pg.get(p) ?? 0), 0) });
// PostgreSQL's clock: time the database's backends spent executing statements. A backend reports
// it at least once a second while busy and fully when it exits, so it is read after the server stops.
const activeMs = async () => {
  await admin.query('select pg_stat_clear_snapshot()');
  return Number((await admin.query(`select active_time from pg_stat_database where datname = $1`, [dbName])).rows[0].active_time);
};

/** Runs the streams at once for `seconds`; every request is built by its stream's next(). */
const runStreams = (url, streams, seconds, sink) => Promise.all(streams.map((s) => new Promise((resolve, reject) => {
  const first = s.next();
  const inst = autocannon({
    url: `${url}/graphql`, method: 'POST', connections: s.connections, duration: seconds,
    headers: { 'content-type': 'application/json', cookie: first.cookie }, body: JSON.stringify({ query: first.query, variables: first.variables }),
    requests: [{
      setupRequest: (req) => {
        const r = s.next();
        return { ...req, headers: { ...req.headers, cookie: r.cookie }, body: JSON.stringify({ query: r.query, variables: r.variables }) };
      },
      onResponse: (status, body) => {
        if (!sink) return;
        if (status !== 200 || body.includes('"errors":[')) sink.errors.push(`${status} ${body.slice(0, 200)}`);
        else if (body.includes('"userErrors":[{')) sink.refusals.push(/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? '?');
      },
    }],
  }, (err, r) => (err ? reject(err) : resolve(r)));
  if (sink) inst.on('response', (_c, _s, _b, ms) => sink.times.push(ms));
})));

const pct = (sorted, q) => (sorted.length ? +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2) : null);
const ratio = (a, b) => (b > 0 ? +(a / b).toFixed(2) : null);
const out = { duration_s: DURATION, connections: CONNECTIONS, cpus: cpus().length, scenarios: {}, overhead: {} };

// What a start and a stop alone cost on PostgreSQL's clock (migrations check, region file, pool).
const idleBefore = await activeMs();
await (await startServer(dbUrl)).stop();
await sleep(300);
const startUpActiveMs = (await activeMs()) - idleBefore;
out.start_up_active_ms = +startUpActiveMs.toFixed(1);

for (const [name, streams] of Object.entries(scenarios)) {
  const activeBefore = await activeMs();
  const server = await startServer(dbUrl);
  const warm = await runStreams(server.url, streams, WARM_UP_S);
  const before = await cpuSnapshot(server.pid);
  const sink = { times: [], errors: [], refusals: [] };
  const results = await runStreams(server.url, streams, DURATION, sink);
  const cpu = await cpuSince(server.pid, before);
  await server.stop();
  await sleep(300);
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const allRequests = requests + warm.reduce((n, r) => n + r.requests.total, 0);
  const pgActive = Math.max(0, (await activeMs()) - activeBefore - startUpActiveMs) / allRequests;
  const times = sink.times.sort((a, b) => a - b);
  const errors = sink.errors.length + results.reduce((n, r) => n + r.errors + r.timeouts, 0);
  const refusals = Object.entries(sink.refusals.reduce((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {})).map(([c, n]) => `${c} ${n}`).join(', ');
  const o = {
    rps: Math.round(requests / DURATION), p50_ms: pct(times, 0.5), p95_ms: pct(times, 0.95), p99_ms: pct(times, 0.99), errors, refusals: refusals || undefined,
    api_cpu_ms_per_req: +(cpu.api / requests).toFixed(3), pg_cpu_ms_per_req: +(cpu.pg / requests).toFixed(3), pg_active_ms_per_req: +pgActive.toFixed(3),
  };
  o.api_to_pg_cpu = ratio(o.api_cpu_ms_per_req, o.pg_cpu_ms_per_req);
  o.api_to_pg_active = ratio(o.api_cpu_ms_per_req, o.pg_active_ms_per_req);
  if (streams.length > 1) o.streams = Object.fromEntries(streams.map((s, i) => [s.label, { connections: s.connections, requests: results[i].requests.total }]));
  out.scenarios[name] = o;
  if (sink.errors.length) console.log(`${name}: first error: ${sink.errors[0]}`);
  console.log(`${name.padEnd(24)} ${String(o.rps).padStart(6)} req/s  p50 ${o.p50_ms} ms  p95 ${o.p95_ms} ms  p99 ${o.p99_ms} ms  errors ${errors}${refusals ? `  refused: ${refusals}` : ''}`);
  console.log(`${''.padEnd(24)} per request: API CPU ${o.api_cpu_ms_per_req} ms, PostgreSQL CPU ${o.pg_cpu_ms_per_req} ms (${o.api_to_pg_cpu}×), PostgreSQL executing ${o.pg_active_ms_per_req} ms (${o.api_to_pg_active}×)`);
}

// The same reads straight on PostgreSQL: capture the statements one request runs, replay them.
const log = [];
const tracer = await startServer(dbUrl, { LOG_LEVEL: 'trace' }, log);
const statementsOf = async (name) => {
  const s = fixed[name];
  await gql(tracer.url, s.query, s.variables, s.cookie); // the steady state: caches warm
  await sleep(300);
  log.length = 0;
  await gql(tracer.url, s.query, s.variables, s.cookie);
  await sleep(300);
  return log.join('').split('\n').map((l) => /\[query\] (.*?) \[took /.exec(l)?.[1]).filter(Boolean);
};
const captured = {};
for (const name of ['me_vendor', 'users_admin_first50', 'vendor_market_reads', 'impact_partner', 'regions_kelurahan']) captured[name] = await statementsOf(name);
await tracer.stop();

const pool = new pg.Pool({ connectionString: dbUrl, max: CONNECTIONS });
pool.on('error', () => undefined); // the database is dropped at the end
for (const [name, statements] of Object.entries(captured)) {
  if (!statements.length) continue;
  const times = [];
  const until = Date.now() + DURATION * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    const c = await pool.connect();
    try {
      while (Date.now() < until) {
        const t0 = performance.now();
        for (const sql of statements) await c.query(sql);
        times.push(performance.now() - t0);
      }
    } finally { c.release(); }
  }));
  times.sort((a, b) => a - b);
  const p = (q) => pct(times, q);
  const api = out.scenarios[name];
  const sqlRps = Math.round(times.length / DURATION);
  out.overhead[name] = { sql_statements: statements.length, postgres_rps: sqlRps, postgres_p50_ms: p(0.5), postgres_p99_ms: p(0.99), api_p50_ms: api.p50_ms, api_rps: api.rps, throughput_ratio: +(sqlRps / api.rps).toFixed(2) };
  console.log(`${name.padEnd(24)} straight on PostgreSQL (${statements.length} statements): ${sqlRps} req/s  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms  (API ${api.rps} req/s, p50 ${api.p50_ms} ms)`);
}
await pool.end();
await admin.query(`drop database if exists "${dbName}" with (force)`);
await admin.end();
console.log(JSON.stringify(out));
