/**
 * `npm run seed:scale -- --factor N`: a realistic synthetic Kupang on a database of its own
 * (kupang_scale_fN on BENCH_DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432).
 * Factor 1 ≈ today's Kupang market: 600 vendors, ~100 stalls taken on each of a year of weekends
 * (2025, 104 days), and a funding ledger (3 CSR partners, APBD, DAK); factor 10 and 100 scale
 * vendors, stalls and ledger lines; a turnover figure for every check-in; and Ina Kasih:
 * 30,000 × N families with 12 monthly rounds of 2025 (seed-ina-kasih.mjs). Starts the real server
 * once so the migrations and the demo accounts are in place, then writes rows in bulk through SQL
 * (the check-in trigger keeps the market rollups as it does in production; the turnover and Ina
 * Kasih rows are loaded with row triggers off and their rollups rebuilt from the raw rows).
 */
import pg from 'pg';
import { adminUrl, databaseName, databaseUrl, factorArg, startServer } from './scale-common.mjs';
import { seedInaKasih, seedTurnover } from './seed-ina-kasih.mjs';

const factor = factorArg();
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${databaseName(factor)} with (force)`);
await admin.query(`create database ${databaseName(factor)}`);
await admin.end();
log(`database ${databaseName(factor)} created`);

const server = await startServer(databaseUrl(factor), 'always');
await server.stop();
log('migrated, demo accounts seeded');

const db = new pg.Client({ connectionString: databaseUrl(factor) });
await db.connect();
const vendors = 600 * factor;
const perDay = 100 * factor;

await db.query(
  `insert into app_user (id, created_at, updated_at, full_name, phone, password_hash, role)
   select gen_random_uuid(), now(), now(), 'Mama Skala ' || n, '+6285' || lpad(n::text, 8, '0'), 'x', 'VENDOR' from generate_series(1, $1) n`,
  [vendors],
);
await db.query(
  `with k as (select array_agg(code order by code) a from region where level = 'KELURAHAN')
   insert into market_vendor (id, created_at, updated_at, user_id, business_name, owner_name, phone, category, products, kelurahan_code, status)
   select gen_random_uuid(), now(), now(), u.id, 'Usaha Skala ' || n, 'Mama Skala ' || n, u.phone,
          (array['KULINER','MINUMAN','OLEH_OLEH','TENUN_FESYEN','KRIYA','HERBAL','RUMAH_TANGGA','JASA'])[1 + (n * 7 + n / 13) % 8],
          'Produk', k.a[1 + (n * 31) % array_length(k.a, 1)], 'APPROVED'
     from generate_series(1, $1) n join app_user u on u.phone = '+6285' || lpad(n::text, 8, '0') cross join k`,
  [vendors],
);
log(`${vendors} vendors`);
await db.query(
  `insert into market_stall (id, created_at, updated_at, code, zone, position)
   select gen_random_uuid(), now(), now(), chr(70 + (p - 1) / 500) || '-S' || ((p - 1) % 500 + 1), chr(70 + (p - 1) / 500), (p - 1) % 500 + 1
     from generate_series(1, $1) p`,
  [perDay],
);
await db.query(
  `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
   select gen_random_uuid(), now(), now(), d, 'ALLOCATED', d - 7, d - 2, d - 1, d + interval '2 hours', d - 2
     from (select g::date as d from generate_series('2025-01-01'::date, '2025-12-31'::date, interval '1 day') g) x where extract(isodow from d) in (6, 7)
   on conflict (date) do nothing`,
);
log(`${perDay} stalls, a year of weekends (the demo's weekends since June 2025 kept)`);
const days = (await db.query(`select id, date from market_day where date between '2025-01-01' and '2025-12-31' order by date`)).rows;
for (const [i, day] of days.entries()) {
  // A fair rotation: each day the next perDay vendors of the pool, ~5% no-shows.
  await db.query(
    `with v as (select id, row_number() over (order by phone) - 1 as r from market_vendor where owner_name like 'Mama Skala %'),
          s as (select id, row_number() over (order by zone, position) - 1 as k from market_stall where code like '%-S%')
     insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
     select gen_random_uuid(), now(), now(), $1, v.id, s.id, case when (s.k * 17 + $2::int) % 20 = 0 then 'NO_SHOW' else 'CHECKED_IN' end, now(),
            case when (s.k * 17 + $2::int) % 20 = 0 then null else now() end
       from s join v on v.r = (s.k + $2::int * $3::int) % $4::int`,
    [day.id, i, perDay, vendors],
  );
  if (i % 26 === 25) log(`bookings up to ${day.date.toISOString().slice(0, 10)}`);
}
const [{ n: bookings }] = (await db.query(`select count(*)::int n from market_booking`)).rows;
log(`${bookings} bookings`);

await db.query(`insert into partner (id, created_at, updated_at, name, sector) values (gen_random_uuid(), now(), now(), 'PT Skala Nusantara', 'Manufaktur') on conflict do nothing`);
await db.query(
  `insert into funding_source (id, created_at, updated_at, kind, name, partner_id, fiscal_year)
   select gen_random_uuid(), now(), now(), k, nm, (select id from partner where name = p), 2025
     from (values ('CSR', 'CSR Bank Flobamora 2025', 'Bank Flobamora (demo)'), ('CSR', 'CSR Sahabat 2025', 'PT Sahabat Perempuan Nusantara (demo)'),
                  ('CSR', 'CSR Skala 2025', 'PT Skala Nusantara'), ('APBD', 'APBD 2025', null), ('DAK', 'DAK 2025', null)) x(k, nm, p)`,
);
await db.query(
  `insert into funding_transaction (id, created_at, updated_at, source_id, type, program, purpose, amount, value_date, description)
   select gen_random_uuid(), now(), now(), s.id, (array['COMMITMENT','DISBURSEMENT','EXPENDITURE','EXPENDITURE'])[1 + n % 4],
          (array['INA_KASIH','SABOAK_KOEPAN'])[1 + (n / 4) % 2], 'OTHER', 1000000 + (n * 7919) % 50000000,
          '2025-01-01'::date + (n % 365), 'Baris skala ' || n
     from funding_source s, generate_series(1, $1) n where s.fiscal_year = 2025`,
  [200 * factor],
);
log(`${5 * 200 * factor} ledger lines`);
await seedTurnover(db, log);
await seedInaKasih(db, factor, log);
await db.query('analyze');
await db.end();
log(`done: factor ${factor} in ${databaseName(factor)}`);
