/**
 * `npm run bench:market -w server`: the Monday-morning burst of the weekend market.
 * Starts two real server processes (node dist/main.js) on one fresh database on the PostgreSQL
 * server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), puts 600
 * approved vendors with open sessions straight into the database, then fires 600 stall requests
 * for one market day plus 60 retries of the first 60 (same idempotency key, to the other
 * process) all at once. Prints wall time, latency percentiles, rows stored and the allocation time.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { adminUrl, gql, startServer } from './bench-server.mjs';

const VENDORS = 600;
const RETRIES = 60;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const WITA = 8 * 3600_000;
const witaDate = (d) => new Date(d.getTime() + WITA).toISOString().slice(0, 10);

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

    // 600 approved vendors with open sessions, straight into the database.
    const rows = Array.from({ length: VENDORS }, (_, i) => {
      const token = randomBytes(24).toString('base64url');
      return { n: i, userId: randomUUID(), vendorId: randomUUID(), token, tokenHash: createHash('sha256').update(token).digest('hex'), phone: `+62813${String(80000000 + i)}` };
    });
    const json = JSON.stringify(rows);
    await db.query(`insert into app_user (id, created_at, updated_at, full_name, phone, password_hash, role)
                    select (x->>'userId')::uuid, now(), now(), 'Mama ' || (x->>'n'), x->>'phone', 'x', 'VENDOR' from jsonb_array_elements($1::jsonb) x`, [json]);
    await db.query(`insert into market_vendor (id, created_at, updated_at, user_id, business_name, owner_name, phone, category, products, kelurahan_code, status)
                    select (x->>'vendorId')::uuid, now(), now(), (x->>'userId')::uuid, 'Usaha ' || (x->>'n'), 'Mama ' || (x->>'n'), x->>'phone',
                           (array['KULINER','MINUMAN','OLEH_OLEH','TENUN_FESYEN','KRIYA','HERBAL','RUMAH_TANGGA','JASA'])[1 + (x->>'n')::int % 8], 'Kue', '53.71.02.1004', 'APPROVED'
                      from jsonb_array_elements($1::jsonb) x`, [json]);
    await db.query(`insert into session (token_hash, user_id, created_at, expires_at) select x->>'tokenHash', (x->>'userId')::uuid, now(), now() + interval '1 day' from jsonb_array_elements($1::jsonb) x`, [json]);

    // A market day six weeks ahead whose window is open right now.
    const signIn = await gql(servers[0].url, 'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', { i: { login: 'pasar@kupang.demo', password: 'kupang2026' } });
    const staff = signIn.setCookie[0].split(';')[0];
    let date = witaDate(new Date(Date.now() + 42 * 86_400_000));
    while (![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) date = witaDate(new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000));
    const now = Date.now();
    const added = await gql(servers[0].url, 'mutation($i: AddMarketDayInput!) { addMarketDay(input: $i) { marketDay { id } userErrors { code message } } }', {
      i: { date, bookingOpensAt: new Date(now - 3600_000).toISOString(), bookingClosesAt: new Date(now + 3600_000).toISOString() },
    }, staff);
    const dayId = added.data.addMarketDay.marketDay.id;

    const REQUEST = 'mutation($i: RequestStallInput!) { requestStall(input: $i) { booking { id status } userErrors { code } } }';
    const latencies = [];
    const errors = [];
    const calls = Array.from({ length: VENDORS + RETRIES }, (_, i) => {
      const who = i < VENDORS ? i : i - VENDORS;
      const url = servers[i % 2].url;
      return async () => {
        const t0 = performance.now();
        try {
          const r = await gql(url, REQUEST, { i: { marketDayId: dayId, idempotencyKey: `bench-${who}-${date}` } }, `kp_session=${rows[who].token}`);
          if (r.data.requestStall.userErrors.length) errors.push(r.data.requestStall.userErrors[0].code);
        } catch (err) {
          errors.push(String(err).slice(0, 120));
        }
        latencies.push(performance.now() - t0);
      };
    });
    const started = performance.now();
    await Promise.all(calls.map((c) => c()));
    const wall = performance.now() - started;

    const [{ bookings, distinct }] = (await db.query(`select count(*)::int as bookings, count(distinct vendor_id)::int as distinct from market_booking where market_day_id = $1`, [dayId])).rows;
    const [{ keys }] = (await db.query(`select count(*)::int as keys from idempotency_key where operation = 'market.requestStall'`)).rows;

    const c0 = performance.now();
    await gql(servers[1].url, 'mutation($i: MarketDayRefInput!) { closeBookingWindow(input: $i) { userErrors { code } } }', { i: { marketDayId: dayId } }, staff);
    const closeCall = performance.now() - c0;
    const [{ ms }] = (await db.query(`select (after->>'allocationMs')::int as ms from audit_entry where action = 'market.day.allocate' and entity_id = $1`, [dayId])).rows;
    const outcome = (await db.query(`select status, count(*)::int as n, count(distinct stall_id)::int as stalls from market_booking where market_day_id = $1 group by status order by status`, [dayId])).rows;

    latencies.sort((a, b) => a - b);
    console.log(`SABOAK KOEPAN burst: ${VENDORS} vendors + ${RETRIES} retries for ${date}, two server processes, database ${adminUrl.replace(/:[^:@/]*@/, ':***@').replace(/\/[^/]*$/, '')}/${name}`);
    console.log(`  wall time            ${(wall / 1000).toFixed(2)} s for ${VENDORS + RETRIES} requests (${((VENDORS + RETRIES) / (wall / 1000)).toFixed(0)} req/s)`);
    console.log(`  latency              p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1).toFixed(0)} ms`);
    console.log(`  refused or failed    ${errors.length}${errors.length ? ` (${[...new Set(errors)].join(', ')})` : ''}`);
    console.log(`  rows stored          ${bookings} bookings for ${distinct} vendors, ${keys} idempotency keys`);
    console.log(`  allocation           ${ms} ms inside the transaction (closeBookingWindow call ${closeCall.toFixed(0)} ms)`);
    console.log(`  outcome              ${outcome.map((o) => `${o.status} ${o.n}${o.stalls ? ` (${o.stalls} stalls)` : ''}`).join(', ')}`);
    if (bookings !== VENDORS || distinct !== VENDORS || errors.length) process.exitCode = 1;
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
