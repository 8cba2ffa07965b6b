import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { PLAN_SQL } from './round.service';

const PLACES = ['DOOR_TO_DOOR', 'DOOR_TO_DOOR', 'DOOR_TO_DOOR', 'KELURAHAN_OFFICE', 'SCHOOL', 'HEALTH_POST'];
/** Ina Kasih was launched in September 2025 (domain.md): the demo's first round. */
const FIRST_ROUND = '2025-09-01';
/** Share of planned families served: older rounds are nearly done (a little under or over 90 %), the last one is under way. */
const servedShare = (back: number) => (back === 1 ? 0.78 : 0.88 + ((back * 7) % 5) / 100);

/**
 * A monthly round of the demo program for every month from its launch (September 2025) to the
 * month before this one (WITA), planned from the demo families, with most deliveries recorded
 * (door to door mostly; a few by an authorised proxy) and their stock drawn oldest lot first; all
 * but the last round are closed. When the stock runs short, a lot bought by one of that fiscal
 * year's Ina Kasih funding sources (in turn) tops it up. This month is left unopened so staff can
 * open it. Safe to run twice: a program that already has rounds is left as it is; without
 * families nothing is planned.
 */
export async function seedRoundsDemo(em: EntityManager, logger: Logger, programId: string): Promise<void> {
  const sql = (query: string, params: unknown[] = []): Promise<any[]> => em.getConnection().execute(query, params as never[]);
  const [{ rounds }] = await sql(`select count(*)::int as rounds from ina_distribution_round where program_id = ?`, [programId]);
  const [{ families }] = await sql(`select count(*)::int as families from ina_family where status = 'ACTIVE'`);
  if (rounds || !families) return;
  const [{ this_month }] = await sql(`select to_char(date_trunc('month', now() at time zone 'Asia/Makassar'), 'YYYY-MM-DD') as this_month`);
  const [staff] = await sql(`select id from app_user where role = 'PROGRAM_STAFF' order by created_at limit 1`);
  const [{ months }] = await sql(
    `select (extract(year from age(?::date, ?::date)) * 12 + extract(month from age(?::date, ?::date)))::int as months`,
    [this_month, FIRST_ROUND, this_month, FIRST_ROUND],
  );
  let delivered = 0;
  for (let back = months; back >= 1; back--) {
    const [{ month, month_end }] = await sql(
      `select to_char(?::date - make_interval(months => ?), 'YYYY-MM-DD') as month,
              to_char(?::date - make_interval(months => ?) + interval '1 month' - interval '1 day', 'YYYY-MM-DD') as month_end`,
      [this_month, back, this_month, back],
    );
    const [rule] = await sql(
      `select id, packs_per_woman, pads_per_pack from ina_entitlement_rule where program_id = ? and effective_month <= ? order by effective_month desc limit 1`,
      [programId, month],
    );
    if (!rule) continue;
    const roundId = randomUUID();
    await sql(
      `insert into ina_distribution_round (id, created_at, updated_at, program_id, month, rule_id, packs_per_woman, pads_per_pack, status, opened_by_id)
       values (?, ?::date + time '08:00' - interval '8 hours', now(), ?, ?, ?, ?, ?, 'OPEN', ?)`,
      [roundId, month, programId, month, rule.id, rule.packs_per_woman, rule.pads_per_pack, staff?.id ?? null],
    );
    await em.getConnection().execute(PLAN_SQL, [roundId, month, rule.packs_per_woman, month, month, month]);
    const share = servedShare(back);
    // Which families were served, by a stable hash; when, where and who signed, likewise.
    const served: { id: string; family_id: string; kelurahan_code: string; packs: number; member_id: string | null; n: number }[] = await sql(
      `select gen_random_uuid() as id, p.family_id, p.kelurahan_code, p.planned_packs as packs, abs(hashtext(p.family_id::text || ?)) as n,
              (select m.id from ina_family_member m where m.family_id = p.family_id and (m.left_at is null or m.left_at >= ?::date)
                  and ina_is_eligible(m.birth_date, m.sex::text, ?::date) order by m.birth_date limit 1) as member_id
         from ina_round_plan p where p.round_id = ? and abs(hashtext(p.family_id::text || ?)) % 1000 < ?`,
      [month, month, month, roundId, month, Math.round(share * 1000)],
    );
    const need = served.reduce((n, s) => n + s.packs, 0);
    const lots: { id: string; packs_remaining: number; unit_cost: string }[] = await sql(
      `select id, packs_remaining, unit_cost from ina_stock_lot where program_id = ? and packs_remaining > 0 order by received_on, created_at, id`,
      [programId],
    );
    const available = lots.reduce((n, l) => n + l.packs_remaining, 0);
    if (available < need) {
      // More families than the demo stock covers: a purchase by one of the year's Ina Kasih funders (in turn), else the city's.
      const funders: { id: string }[] = await sql(
        `select s.id from funding_source s
          where s.fiscal_year = extract(year from ?::date) and exists (select 1 from funding_transaction t where t.source_id = s.id and t.program = 'INA_KASIH')
          order by s.name`,
        [month],
      );
      const [fallback] = funders.length ? [] : await sql(`select id from funding_source where kind = 'APBD' order by fiscal_year desc limit 1`);
      const funder = funders.length ? funders[back % funders.length] : fallback;
      const [lot] = funder
        ? await sql(
            `insert into ina_stock_lot (id, created_at, updated_at, program_id, funding_source_id, received_on, packs_received, pads_per_pack, unit_cost, supplier, reference, packs_remaining)
             values (gen_random_uuid(), now(), now(), ?, ?, greatest(?::date - interval '10 days', date_trunc('year', ?::date))::date, ?, 10, 26000, 'CV Flobamora Medika', 'BAST/P3A/TAMBAHAN', ?)
             returning id, packs_remaining, unit_cost`,
            [programId, funder.id, month, month, need - available + 500, need - available + 500],
          )
        : [];
      if (lot) lots.push(lot);
    }
    const rows = served.map((s) => {
      const day = 1 + (s.n % 27);
      const hour = 9 + (s.n % 6);
      const proxy = !s.member_id || s.n % 10 === 0;
      return {
        id: s.id,
        round_id: roundId,
        family_id: s.family_id,
        kelurahan_code: s.kelurahan_code,
        packs: s.packs,
        member_id: proxy ? null : s.member_id,
        proxy_name: proxy ? 'Ibu RT (kuasa keluarga)' : null,
        place: PLACES[s.n % PLACES.length],
        at: `${month.slice(0, 8)}${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(s.n % 60).padStart(2, '0')}:00+08:00`,
      };
    });
    await sql(
      `insert into ina_distribution (id, created_at, round_id, family_id, kelurahan_code, kind, attempt, packs, received_by_member_id, proxy_name, place, delivered_at, recorded_by_id)
       select r.id, r.at, r.round_id, r.family_id, r.kelurahan_code, 'DELIVERY', 1, r.packs, r.member_id, r.proxy_name, r.place, r.at, ?
         from jsonb_to_recordset(?::jsonb) as r(id uuid, round_id uuid, family_id uuid, kelurahan_code text, packs int, member_id uuid, proxy_name text, place text, at timestamptz)`,
      [staff?.id ?? null, JSON.stringify(rows)],
    );
    // Oldest lot first, as recordDistribution draws.
    const moves: { id: string; lot_id: string; distribution_id: string; packs: number; unit_cost: string }[] = [];
    let lot = 0;
    for (const r of rows) {
      let left = r.packs;
      while (left > 0 && lot < lots.length) {
        const take = Math.min(left, lots[lot].packs_remaining);
        if (take > 0) moves.push({ id: randomUUID(), lot_id: lots[lot].id, distribution_id: r.id, packs: -take, unit_cost: lots[lot].unit_cost });
        lots[lot].packs_remaining -= take;
        left -= take;
        if (lots[lot].packs_remaining === 0) lot++;
      }
    }
    await sql(
      `insert into ina_stock_movement (id, created_at, lot_id, distribution_id, packs, unit_cost)
       select m.id, now(), m.lot_id, m.distribution_id, m.packs, m.unit_cost from jsonb_to_recordset(?::jsonb) as m(id uuid, lot_id uuid, distribution_id uuid, packs int, unit_cost bigint)`,
      [JSON.stringify(moves)],
    );
    if (back > 1) {
      await sql(`update ina_distribution_round set status = 'CLOSED', closed_at = ?::date + interval '1 day' + time '09:00' - interval '8 hours', closed_by_id = ? where id = ?`, [
        month_end,
        staff?.id ?? null,
        roundId,
      ]);
    }
    delivered += rows.length;
  }
  logger.info({ deliveries: delivered }, 'Ina Kasih rounds demo data seeded');
}
