import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { addDays, cityClock, weekendDates, witaDate, witaInstant } from '../../platform/wita-clock';
import { defaultWindow } from '../market/market-window.util';

/** SABOAK KOEPAN opened in June 2025 (domain.md); the demo history starts on its first Saturday. */
const FIRST_MARKET_DAY = '2025-06-07';
/** Vendors checked in on each day of the history: about 100 take part each weekend (domain.md). */
const VENDORS_PER_DAY = 50;

/**
 * Turnover demo data. The market demo holds the last four weekends; this adds the weekends
 * since June 2025 before them (50 of the 80 demo vendors checked in each day, rotating), then a
 * figure for every checked-in vendor of every past day. June–July 2025 come to about 80 vendors
 * and Rp 1,2 miliar, what the city told BKKBN in August 2025. Amounts follow the category (tenun
 * sells far more than sapu lidi), grow slowly over the months and vary by day. Most are
 * confirmed; the last weekend waits for the vendors, two figures are disputed (the disputes
 * queue) and one was corrected (history). Safe to run twice.
 *
 * `history: false` (the default under NODE_ENV=test) keeps only the market demo's four weekends:
 * tests compare whole-database fingerprints thousands of times, and 4,000 more rows would make
 * every one of them several times slower. The seed test runs the full history.
 */
export async function seedTurnoverDemo(em: EntityManager, logger: Logger, options: { history?: boolean } = {}): Promise<void> {
  const history = options.history ?? process.env.NODE_ENV !== 'test';
  const sql = (query: string, params: unknown[] = []): Promise<any[]> => em.getConnection().execute(query, params as never[]);
  const approved = await sql(`select id from market_vendor where status = 'APPROVED' and phone like '+628123456%' order by phone`);
  const [staff] = await sql(`select id from app_user where email = 'pasar@kupang.demo'`);
  if (!staff) return;
  const today = witaDate(cityClock.now());

  const [{ first }] = await sql(`select to_char(min(date), 'YYYY-MM-DD') as first from market_day`);
  const historyEnd = first ? addDays(first, -1) : addDays(today, -1);
  // The history needs the market's vendors of those months (seedMarketDemo with history).
  const dates = history && approved.length >= VENDORS_PER_DAY ? weekendDates(FIRST_MARKET_DAY, historyEnd < today ? historyEnd : addDays(today, -1)) : [];
  if (dates.length) {
    const stalls = await sql(`select id from market_stall where active order by zone, position limit ?`, [VENDORS_PER_DAY]);
    const days = dates.map((date) => ({ id: randomUUID(), date, ...defaultWindow(date) }));
    await sql(
      `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
       select id, "bookingOpensAt", "bookingClosesAt", date, 'ALLOCATED', "bookingOpensAt", "bookingClosesAt", "cancelDeadline", "checkInCutoff", "bookingClosesAt"
         from jsonb_to_recordset(?::jsonb) as x(id uuid, date date, "bookingOpensAt" timestamptz, "bookingClosesAt" timestamptz, "cancelDeadline" timestamptz, "checkInCutoff" timestamptz)
       on conflict (date) do nothing`,
      [JSON.stringify(days)],
    );
    const bookings = days.flatMap((day, k) =>
      Array.from({ length: Math.min(VENDORS_PER_DAY, stalls.length) }, (_, i) => ({
        id: randomUUID(),
        day: day.id,
        vendor: approved[(i + k * 7) % approved.length].id,
        stall: stalls[i].id,
        at: witaInstant(day.date, `15:${String(i % 50).padStart(2, '0')}`),
        requested: day.bookingOpensAt,
      })),
    );
    await sql(
      `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at, checked_in_by_id)
       select x.id, x.requested, x.at, x.day, x.vendor, x.stall, 'CHECKED_IN', x.requested, x.at, ?
         from jsonb_to_recordset(?::jsonb) as x(id uuid, day uuid, vendor uuid, stall uuid, at timestamptz, requested timestamptz)
        where exists (select 1 from market_day d where d.id = x.day)
       on conflict do nothing`,
      [staff.id, JSON.stringify(bookings)],
    );
  }

  // A figure for every checked-in vendor of every past day that has none. The amount: a base per
  // category (a weekend day's sales at Tamnos, about twice a weekday stall's), a slow rise from
  // June 2025 (×0.75) to late 2026 (×1.3), and a day-to-day spread of ±40 % from the booking id;
  // rounded to Rp 500 like a cash count.
  const inserted = await sql(
    `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, current, amount, transactions, status,
                                  recorded_by_id, recorded_at, confirmed_at)
     select gen_random_uuid(), b.checked_in_at + interval '4 hours', b.checked_in_at + interval '4 hours', b.id, b.vendor_id, b.market_day_id, 1, true,
            round(base.amount * (0.75 + 0.55 * least(1, (d.date - date '2025-06-07') / 540.0)) * (0.6 + 0.8 * ((abs(hashtext(b.id::text)) % 1000) / 1000.0)) / 500) * 500,
            greatest(3, round(base.amount / base.ticket * (0.6 + 0.8 * ((abs(hashtext(b.vendor_id::text || d.date)) % 1000) / 1000.0))))::int,
            case when d.date >= ?::date - 7 then 'RECORDED' else 'CONFIRMED' end,
            ?, b.checked_in_at + interval '4 hours', case when d.date >= ?::date - 7 then null else b.checked_in_at + interval '2 days' end
       from market_booking b
       join market_day d on d.id = b.market_day_id
       join market_vendor v on v.id = b.vendor_id
       join (values ('KULINER', 2100000, 25000), ('MINUMAN', 1400000, 12000), ('OLEH_OLEH', 1900000, 60000), ('TENUN_FESYEN', 5400000, 450000),
                    ('KRIYA', 1600000, 75000), ('HERBAL', 1200000, 30000), ('RUMAH_TANGGA', 900000, 20000), ('JASA', 800000, 35000)) as base(category, amount, ticket)
         on base.category = v.category
      where b.status = 'CHECKED_IN' and d.date < ?::date
        and not exists (select 1 from turnover_report t where t.vendor_id = b.vendor_id and t.market_day_id = b.market_day_id)
     returning id`,
    [today, staff.id, today, today],
  );
  if (inserted.length) await seedStories(sql, today, staff.id);
  const [{ total }] = await sql(`select coalesce(sum(amount), 0)::text as total from turnover_report where current`);
  logger.info({ days: dates.length, reports: inserted.length, total }, 'turnover demo data seeded');
}

/** Two disputes waiting for staff and one correction with its history, on the demo vendor where she sold. */
async function seedStories(sql: (q: string, p?: unknown[]) => Promise<any[]>, today: string, staffId: string): Promise<void> {
  const [{ told }] = await sql(`select count(*)::int as told from turnover_report where version > 1 or dispute_comment is not null`);
  if (told) return;
  const recent = await sql(
    `select t.id, t.amount::text as amount from turnover_report t join market_day d on d.id = t.market_day_id join market_vendor v on v.id = t.vendor_id
      where t.current and t.status = 'CONFIRMED' and d.date between ?::date - 40 and ?::date - 8 and v.phone <> '+6281234560001'
      order by d.date desc, v.phone limit 3`,
    [today, today],
  );
  const comments = ['Omzet saya lebih besar: ada pesanan kue untuk arisan yang belum dihitung.', 'Angka ini terlalu besar, hari itu hujan dan sepi pembeli.'];
  for (const [i, r] of recent.slice(0, 2).entries()) {
    await sql(`update turnover_report set status = 'DISPUTED', dispute_comment = ?, disputed_at = now() - interval '1 day', updated_at = now() where id = ?`, [comments[i], r.id]);
  }
  const fix = recent[2];
  if (!fix) return;
  // Version 1 stays as first logged; version 2 adds the evening sales the vendor reported later.
  await sql(`update turnover_report set current = false, updated_at = now() where id = ?`, [fix.id]);
  await sql(
    `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, current, amount, transactions, status, correction_reason, recorded_by_id, recorded_at)
     select gen_random_uuid(), now(), now(), booking_id, vendor_id, market_day_id, 2, true, amount + 150000, transactions, 'RECORDED',
            'Penjualan setelah pukul 18.00 belum dihitung (Rp 150.000).', ?, now() from turnover_report where id = ?`,
    [staffId, fix.id],
  );
}
