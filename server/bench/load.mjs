/**
 * `npm run bench:load [-- --duration 10 --connections 10]`: a load test with autocannon against
 * a real server process on a fresh real PostgreSQL database with the demo data. Scenarios: a
 * vendor's `me`, the region list, the admin's user list, vendor reads (market days + bookings),
 * partner impact, and replays of an idempotent registration (a phone retrying). Rate limits are
 * on but set high, so their counter is part of every write measured. Then the SQL the API runs for
 * the read scenarios (captured from one request with SQL logging on) is sent straight to
 * PostgreSQL by the same number of connections, and the API's added time is reported. Per
 * scenario it also reports the CPU time per request of the API process and of the PostgreSQL
 * backends serving it (from /proc; the ratio holds up on a machine busy with other work).
 * Prints a table and, as its LAST line, one JSON object.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
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
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))).then(() => rmSync(dataDir, { recursive: true, force: true })) };
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
await seeder.stop();

const server = await startServer(dbUrl);
const cookies = { vendor: await signIn(server.url, '081234560001'), admin: await signIn(server.url, 'admin@kupang.demo'), partner: await signIn(server.url, 'mitra@kupang.demo') };
const REGISTER = 'mutation($i: RegisterVendorInput!) { registerVendor(input: $i) { vendorCode status userErrors { code } } }';
const registration = { businessName: 'Ikan Asap Mama Bench', ownerName: 'Mama Bench', phone: '081399990001', password: 'rahasia-pasar-1', category: 'KULINER', products: 'Ikan asap', kelurahanCode: '53.71.02.1004', idempotencyKey: 'bench-load-replay-0001' };
await gql(server.url, REGISTER, { i: registration }); // the first request; the load replays it

const scenarios = {
  me_vendor: { cookie: cookies.vendor, query: '{ me { id fullName role } }' },
  regions_kelurahan: { cookie: cookies.vendor, query: '{ regions(level: KELURAHAN) { code name level } }' },
  users_admin_first50: { cookie: cookies.admin, query: '{ users(first: 50) { totalCount nodes { id fullName role email phone active } } }' },
  vendor_market_reads: { cookie: cookies.vendor, query: '{ myVendor { code businessName status } marketDays(from: "2026-11-01", to: "2026-12-31") { id date status } myBookings(first: 10) { nodes { id status } } }' },
  impact_partner: { cookie: cookies.partner, query: '{ saboakKoepanImpact(year: 2026) { suppressionApplied months { month marketDaysHeld stallDays { value suppressed } } } }' },
  registerVendor_replay: { cookie: '', query: REGISTER, variables: { i: registration } },
};
// Drop scenarios the schema of this build does not have (features land over time).
for (const [name, s] of Object.entries(scenarios)) {
  try { await gql(server.url, s.query, s.variables, s.cookie); } catch (err) { console.log(`skipping ${name}: ${String(err.message).slice(0, 160)}`); delete scenarios[name]; }
}

// CPU time (user + system, from /proc) of the API process and of the PostgreSQL backends serving
// it, so "time the API adds" vs "time PostgreSQL spends" is measured on the same requests and is
// not blurred by whatever else the machine runs (wall-clock latencies are, on a shared 2-core box).
const cpuMs = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
  } catch { return 0; } // gone, or not on this machine
};
const backendPids = async () => (await admin.query(`select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'`, [dbName])).rows.map((r) => r.pid);
const cpuSnapshot = async () => ({ api: cpuMs(server.pid), pg: new Map((await backendPids()).map((pid) => [pid, cpuMs(pid)])) });
const cpuSince = async (before, requests) => {
  const pgNow = (await backendPids()).reduce((sum, pid) => sum + cpuMs(pid) - (before.pg.get(pid) ?? 0), 0);
  return { api_cpu_ms_per_req: +((cpuMs(server.pid) - before.api) / requests).toFixed(3), pg_cpu_ms_per_req: +(pgNow / requests).toFixed(3) };
};

const run = (s) => new Promise((resolve, reject) => {
  const times = [];
  const inst = autocannon({ url: `${server.url}/graphql`, method: 'POST', connections: CONNECTIONS, duration: DURATION, headers: { 'content-type': 'application/json', cookie: s.cookie }, body: JSON.stringify({ query: s.query, variables: s.variables }) }, (err, r) => (err ? reject(err) : resolve({ r, times })));
  inst.on('response', (_client, _status, _bytes, ms) => times.push(ms));
});
const pct = (sorted, q) => +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
const out = { duration_s: DURATION, connections: CONNECTIONS, cpus: (await import('node:os')).cpus().length, scenarios: {}, overhead: {} };
for (const [name, s] of Object.entries(scenarios)) {
  const before = await cpuSnapshot();
  const { r, times } = await run(s);
  const cpu = await cpuSince(before, r.requests.total);
  times.sort((a, b) => a - b);
  const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
  const cpuRatio = cpu.pg_cpu_ms_per_req > 0 ? +(cpu.api_cpu_ms_per_req / cpu.pg_cpu_ms_per_req).toFixed(2) : null;
  out.scenarios[name] = { rps: Math.round(r.requests.average), p50_ms: pct(times, 0.5), p95_ms: pct(times, 0.95), p99_ms: pct(times, 0.99), errors, ...cpu, api_to_pg_cpu: cpuRatio };
  const o = out.scenarios[name];
  console.log(`${name.padEnd(24)} ${String(o.rps).padStart(6)} req/s  p50 ${o.p50_ms} ms  p95 ${o.p95_ms} ms  p99 ${o.p99_ms} ms  errors ${errors}  CPU/req: API ${o.api_cpu_ms_per_req} ms, PostgreSQL ${o.pg_cpu_ms_per_req} ms (${cpuRatio}×)`);
}
await server.stop();

// The same reads straight on PostgreSQL: capture the statements one request runs, replay them.
const log = [];
const tracer = await startServer(dbUrl, { LOG_LEVEL: 'trace' }, log);
const tcookies = { vendor: await signIn(tracer.url, '081234560001'), admin: await signIn(tracer.url, 'admin@kupang.demo'), partner: await signIn(tracer.url, 'mitra@kupang.demo') };
const owner = { me_vendor: 'vendor', users_admin_first50: 'admin', vendor_market_reads: 'vendor', impact_partner: 'partner', regions_kelurahan: 'vendor' };
const statementsOf = async (name) => {
  await new Promise((r) => setTimeout(r, 300));
  log.length = 0;
  const s = scenarios[name];
  await gql(tracer.url, s.query, s.variables, owner[name] ? tcookies[owner[name]] : '');
  await new Promise((r) => setTimeout(r, 300));
  return log.join('').split('\n').map((l) => /\[query\] (.*?) \[took /.exec(l)?.[1]).filter(Boolean);
};
const captured = {};
for (const name of Object.keys(owner)) if (scenarios[name]) captured[name] = await statementsOf(name);
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
