/**
 * Ina Kasih at scale for seed-scale.mjs: 30,000 × factor families (a mother 26–43, a daughter
 * born 2007–2017 so some turn 10 during the year, a son), 12 monthly rounds of 2025 planned with
 * the server's own PLAN_SQL, ~90 % of the planned families served each month, 0.2 % of the
 * deliveries reversed, and one stock lot per month and funding source (each family's packs come
 * from one of the five sources, at that source's unit cost). All set-based SQL in one transaction
 * with the row triggers off (session_replication_role = replica), then the impact rollups are
 * rebuilt from the raw rows by impact.ina_rebuild() — the same function the tests compare with
 * what the triggers keep.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('reflect-metadata');
/** The planned list exactly as openRound computes it (from the built server). */
const { PLAN_SQL } = require('../dist/modules/ina-kasih/round.service.js');
const planSql = (() => {
  let i = 0;
  return PLAN_SQL.replace(/\?/g, () => `$${++i}`);
})();

export async function seedInaKasih(db, factor, log) {
  const families = 30_000 * factor;
  await db.query('begin');
  await db.query('set local session_replication_role = replica');
  await db.query(
    `with k as (select array_agg(code order by code) a from region where level = 'KELURAHAN')
     insert into ina_family (id, created_at, updated_at, kk_enc, kk_hash, kk_masked, head_name, address, kelurahan_code, data_source, enrolled_at, status, desil)
     select gen_random_uuid(), now(), now(), 'skala', encode(sha256(('kk-skala-' || n)::bytea), 'hex'), '5371••••••••' || lpad((n % 10000)::text, 4, '0'),
            'Keluarga Skala ' || n, 'Alamat skala ' || n, k.a[1 + (n * 37) % array_length(k.a, 1)], 'DTSEN', date '2024-12-01', 'ACTIVE', 1 + n % 4
       from generate_series(1, $1) n, k`,
    [families],
  );
  await db.query(
    `insert into ina_family_member (id, created_at, updated_at, family_id, name, birth_date, sex, relation)
     select gen_random_uuid(), now(), now(), f.id, x.name, x.born, x.sex, x.relation
       from (select id, row_number() over (order by id) as n from ina_family where head_name like 'Keluarga Skala %') f,
            lateral (values ('Mama', date '1982-01-01' + ((f.n * 97) % 6500)::int, 'F', 'SPOUSE'),
                            ('Nona', date '2007-01-01' + ((f.n * 53) % 4000)::int, 'F', 'CHILD'),
                            ('Nyong', date '2010-01-01' + ((f.n * 31) % 3000)::int, 'M', 'CHILD')) as x(name, born, sex, relation)`,
  );
  log(`${families} families with ${3 * families} members`);

  const [{ program }] = (
    await db.query(`insert into ina_program (id, created_at, updated_at, name) values (gen_random_uuid(), now(), now(), 'Ina Kasih skala') returning id as program`)
  ).rows;
  const [{ rule }] = (
    await db.query(
      `insert into ina_entitlement_rule (id, created_at, program_id, effective_month, packs_per_woman, pads_per_pack) values (gen_random_uuid(), now(), $1, '2025-01-01', 2, 10) returning id as rule`,
      [program],
    )
  ).rows;
  await db.query(
    `create temp table skala_lot on commit drop as
     select gen_random_uuid() as id, m::date as month, s.idx, s.id as source_id, 24000 + 1500 * s.idx as unit_cost
       from generate_series('2025-01-01'::date, '2025-12-01'::date, interval '1 month') m,
            (select id, row_number() over (order by name) - 1 as idx from funding_source where fiscal_year = 2025) s`,
  );
  const [{ sources }] = (await db.query(`select count(distinct idx)::int as sources from skala_lot`)).rows;
  await db.query(
    `insert into ina_stock_lot (id, created_at, updated_at, program_id, funding_source_id, received_on, packs_received, pads_per_pack, unit_cost, supplier, reference, packs_remaining)
     select id, now(), now(), $1, source_id, month - 5, 1, 10, unit_cost, 'CV Skala Medika', 'BAST/SKALA/' || to_char(month, 'YYYY-MM') || '/' || idx, 1 from skala_lot`,
    [program],
  );
  for (let m = 1; m <= 12; m++) {
    const month = `2025-${String(m).padStart(2, '0')}-01`;
    const [{ round }] = (
      await db.query(
        `insert into ina_distribution_round (id, created_at, updated_at, program_id, month, rule_id, packs_per_woman, pads_per_pack, status, closed_at)
         values (gen_random_uuid(), $2::date - interval '8 hours', now(), $1, $2::date, $3, 2, 10, 'CLOSED', $2::date + interval '1 month') returning id as round`,
        [program, month, rule],
      )
    ).rows;
    await db.query(planSql, [round, month, 2, month, month, month]);
    // ~90 % of the planned families served, on a day of the month by a stable hash.
    await db.query(
      `insert into ina_distribution (id, created_at, round_id, family_id, kelurahan_code, kind, attempt, packs, proxy_name, place, delivered_at)
       select gen_random_uuid(), d.at, $1, p.family_id, p.kelurahan_code, 'DELIVERY', 1, p.planned_packs, 'Ibu RT', 'DOOR_TO_DOOR', d.at
         from ina_round_plan p, lateral (select $2::date + (abs(hashtext(p.family_id::text)) % 27) + interval '2 hours' as at) d
        where p.round_id = $1 and abs(hashtext(p.family_id::text || $2)) % 100 < 90`,
      [round, month],
    );
    await db.query(
      `insert into ina_distribution (id, created_at, round_id, family_id, kelurahan_code, kind, attempt, reverses_id, packs, reason, delivered_at)
       select gen_random_uuid(), delivered_at + interval '1 day', round_id, family_id, kelurahan_code, 'REVERSAL', 1, id, -packs, 'Salah catat (skala)', delivered_at + interval '1 day'
         from ina_distribution where round_id = $1 and kind = 'DELIVERY' and abs(hashtext(id::text)) % 1000 < 2`,
      [round],
    );
    // Each delivery's packs from its family's funder's lot of the month; a reversal puts them back.
    await db.query(
      `insert into ina_stock_movement (id, created_at, lot_id, distribution_id, packs, unit_cost)
       select gen_random_uuid(), d.created_at, l.id, d.id, -d.packs, l.unit_cost
         from ina_distribution d join skala_lot l on l.month = $2::date and l.idx = abs(hashtext(d.family_id::text)) % $3
        where d.round_id = $1`,
      [round, month, sources],
    );
    log(`round ${month.slice(0, 7)}`);
  }
  await db.query(
    `update ina_stock_lot l set packs_received = x.drawn + 500, packs_remaining = 500
       from (select lot_id, -sum(packs)::int as drawn from ina_stock_movement group by 1) x where x.lot_id = l.id`,
  );
  await db.query('select impact.ina_rebuild()');
  await db.query('commit');
  const counts = (await db.query(`select (select count(*) from ina_round_plan)::int as plans, (select count(*) from ina_distribution)::int as distributions, (select count(*) from ina_stock_movement)::int as movements`)).rows[0];
  log(`Ina Kasih: ${counts.plans} planned family-months, ${counts.distributions} deliveries and reversals, ${counts.movements} stock movements; rollups rebuilt`);
}

/** A turnover figure for every checked-in booking, then the monthly turnover rollup rebuilt. */
export async function seedTurnover(db, log) {
  await db.query('begin');
  await db.query('set local session_replication_role = replica');
  await db.query(
    `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, current, amount, status, recorded_at, confirmed_at)
     select gen_random_uuid(), now(), now(), b.id, b.vendor_id, b.market_day_id, 1, true, 150000 + abs(hashtext(b.id::text)) % 1500000,
            case when abs(hashtext(b.id::text)) % 3 = 0 then 'CONFIRMED' else 'RECORDED' end, now(),
            case when abs(hashtext(b.id::text)) % 3 = 0 then now() end
       from market_booking b where b.status = 'CHECKED_IN' and not exists (select 1 from turnover_report t where t.booking_id = b.id)`,
  );
  await db.query('select impact.market_turnover_rebuild()');
  await db.query('commit');
  const [{ n }] = (await db.query(`select count(*)::int as n from turnover_report`)).rows;
  log(`${n} turnover figures; rollup rebuilt`);
}
