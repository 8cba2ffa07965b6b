import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { addDays, cityClock, weekendDates, witaDate, witaInstant } from '../../platform/wita-clock';
import { defaultWindow } from './market-window.util';

const CATEGORIES = ['KULINER', 'MINUMAN', 'OLEH_OLEH', 'TENUN_FESYEN', 'KRIYA', 'HERBAL', 'RUMAH_TANGGA', 'JASA'];
const PRODUCTS: Record<string, string[]> = {
  KULINER: ["Se'i sapi dan se'i babi", 'Jagung bose dan sambal lu\'at', 'Kue rambut dan kue cucur', 'Nasi kuning, lawar', 'Pisang gapit', 'Ikan kuah asam'],
  MINUMAN: ['Kopi Bajawa', 'Es kelapa muda', 'Teh serai dan jahe'],
  OLEH_OLEH: ['Madu hutan Timor', 'Kacang rote', 'Dendeng se\'i kemasan'],
  TENUN_FESYEN: ['Tenun ikat Sumba dan Rote', 'Selendang dan syal tenun', 'Tas dari kain tenun'],
  KRIYA: ['Anyaman lontar', 'Topi ti\'i langga', 'Sasando mini'],
  HERBAL: ['Minuman kunyit asam', 'Minyak kelapa murni', 'Jamu daun kelor'],
  RUMAH_TANGGA: ['Sapu lidi dan keset', 'Sabun cuci buatan sendiri'],
  JASA: ['Pangkas rambut', 'Jahit dan permak pakaian'],
};
const FIRST = ['Yuliana', 'Maria', 'Agustina', 'Yohana', 'Dorkas', 'Ester', 'Naomi', 'Rut', 'Magdalena', 'Fransiska', 'Theresia', 'Elisabeth', 'Martha', 'Debora', 'Sarlota', 'Adriana', 'Beatrix', 'Klara', 'Veronika', 'Oktovina', 'Lodia', 'Yuliati', 'Ferderika', 'Anastasia', 'Petronela'];
const LAST = ['Bana', 'Ndolu', 'Lay', 'Riwu', 'Bria', 'Tefa', 'Manafe', 'Sinlae', 'Lerik', 'Mesakh', 'Pello', 'Nalle', 'Kana', 'Dethan', 'Toelle', 'Fanggidae', 'Benu', 'Liu', 'Amalo', 'Kapitan'];
const KELURAHAN = ['53.71.02.1004', '53.71.04.1001', '53.71.04.1008', '53.71.04.1009', '53.71.01.1001', '53.71.02.1005'];

/** Phones 081234560001 … 081234560085; the first is the demo vendor sign-in of the README. */
const demoPhone = (n: number) => `+628123456${String(n).padStart(4, '0')}`;

/** Vendors 1–45 always; 46–85 are approved vendors of the market's first months, with `history` only. */
const CORE_VENDORS = 45;
const HISTORY_VENDORS = 40;

/**
 * SABOAK KOEPAN demo data: 100 stalls in zones A–E (15 prime), 45 vendors (40 approved with
 * accounts, 3 waiting for approval, 1 rejected, 1 suspended), the past four weekends with
 * bookings, check-ins and no-shows, today if it is a market day (check-in can be tried), and the
 * coming weekends open for requests. With `history` (not under NODE_ENV=test, like the turnover
 * history that sells through them) 40 more approved vendors: about 80 took part in June–July 2025,
 * as the city reported to BKKBN in August 2025. Safe to run twice: what exists is left as it is.
 */
export async function seedMarketDemo(em: EntityManager, logger: Logger, options: { history?: boolean } = {}): Promise<void> {
  const history = options.history ?? process.env.NODE_ENV !== 'test';
  const sql = (query: string, params: unknown[] = []): Promise<any[]> => em.getConnection().execute(query, params as never[]);
  await sql(
    `insert into market_stall (id, created_at, updated_at, code, zone, position, prime, has_power, size)
     select gen_random_uuid(), now(), now(), z || '-' || lpad(p::text, 2, '0'), z, p,
            p <= case z when 'A' then 5 when 'B' then 3 when 'C' then 3 else 2 end, p <= 10, '3x3 m'
       from unnest(array['A','B','C','D','E']) z, generate_series(1, 20) p
     on conflict do nothing`,
  );

  // The demo vendor account (081234560001) exists already; its password hash serves every demo vendor.
  const [demo] = await sql(`select id, password_hash from app_user where phone = ?`, [demoPhone(1)]);
  if (!demo) return;
  const vendors = Array.from({ length: CORE_VENDORS + (history ? HISTORY_VENDORS : 0) }, (_, i) => {
    const n = i + 1;
    const category = n === 1 ? 'KULINER' : CATEGORIES[(n * 5) % CATEGORIES.length];
    const products = PRODUCTS[category][n % PRODUCTS[category].length];
    const owner = n === 1 ? 'Mama Yuliana Bana' : `Mama ${FIRST[n % FIRST.length]} ${LAST[(n * 7) % LAST.length]}`;
    const status = n <= 40 || n > CORE_VENDORS ? 'APPROVED' : n <= 43 ? 'PENDING' : n === 44 ? 'REJECTED' : 'SUSPENDED';
    return {
      id: randomUUID(),
      userId: n === 1 ? demo.id : status === 'APPROVED' || status === 'SUSPENDED' ? randomUUID() : null,
      phone: demoPhone(n),
      owner,
      business: n === 1 ? "Se'i Mama Yuli" : `${products.split(/[ ,]/)[0]} Mama ${owner.split(' ')[1]}`,
      category,
      products,
      kelurahan: KELURAHAN[n % KELURAHAN.length],
      status,
      reason: status === 'REJECTED' ? 'Nomor HP tidak dapat dihubungi untuk verifikasi.' : status === 'SUSPENDED' ? 'Tiga kali tidak hadir tanpa kabar.' : null,
      consent: n % 3 !== 0,
      nib: n % 4 === 0 ? `91203${String(10000000 + n).slice(0, 8)}` : null,
    };
  });
  const existing = new Set((await sql(`select phone from market_vendor`)).map((r: { phone: string }) => r.phone));
  const fresh = vendors.filter((v) => !existing.has(v.phone));
  if (fresh.length) {
    const json = JSON.stringify(fresh);
    await sql(
      `insert into app_user (id, created_at, updated_at, full_name, phone, password_hash, role)
       select (x->>'userId')::uuid, now(), now(), x->>'owner', x->>'phone', ?, 'VENDOR'
         from jsonb_array_elements(?::jsonb) x where x->>'userId' is not null and (x->>'userId')::uuid <> ?::uuid
       on conflict do nothing`,
      [demo.password_hash, json, demo.id],
    );
    await sql(
      `insert into market_vendor (id, created_at, updated_at, user_id, business_name, owner_name, phone, category, products, nib, kelurahan_code,
                                  status, status_reason, decided_at, public_consent, pending_password_hash)
       select (x->>'id')::uuid, now() - interval '90 days', now(), (x->>'userId')::uuid, x->>'business', x->>'owner', x->>'phone', x->>'category', x->>'products',
              x->>'nib', x->>'kelurahan', x->>'status', x->>'reason', case when x->>'status' <> 'PENDING' then now() - interval '80 days' end,
              (x->>'consent')::boolean, case when x->>'status' = 'PENDING' then ? end
         from jsonb_array_elements(?::jsonb) x`,
      [demo.password_hash, json],
    );
  }

  const now = cityClock.now();
  const today = witaDate(now);
  const dates = weekendDates(addDays(today, -28), addDays(today, 27));
  const had = new Set((await sql(`select to_char(date, 'YYYY-MM-DD') as d from market_day`)).map((r: { d: string }) => r.d));
  const newDates = dates.filter((d) => !had.has(d));
  if (!newDates.length) return;
  const approved = await sql(`select id from market_vendor where status = 'APPROVED' and phone like '+628123456%' order by phone`);
  const stalls = await sql(`select id from market_stall where active order by zone, position`);
  const days = newDates.map((date) => {
    const w = defaultWindow(date);
    const past = date <= today;
    return { id: randomUUID(), date, ...w, status: past ? 'ALLOCATED' : 'OPEN', allocated: past ? w.bookingClosesAt : null };
  });
  await sql(
    `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
     select id, now(), now(), date, status, "bookingOpensAt", "bookingClosesAt", "cancelDeadline", "checkInCutoff", allocated
       from jsonb_to_recordset(?::jsonb) as x(id uuid, date date, status text, "bookingOpensAt" timestamptz, "bookingClosesAt" timestamptz,
                                              "cancelDeadline" timestamptz, "checkInCutoff" timestamptz, allocated timestamptz)`,
    [JSON.stringify(days)],
  );

  const bookings: Record<string, unknown>[] = [];
  days.forEach((day, k) => {
    if (day.date < today) {
      // A past weekend: 30 of the 40 approved vendors rotate through; two did not come.
      for (let i = 0; i < 30; i++) {
        const v = approved[(i + k * 7) % approved.length];
        const noShow = i === 11 || i === 23;
        bookings.push({
          id: randomUUID(), day: day.id, vendor: v.id, stall: stalls[i].id, status: noShow ? 'NO_SHOW' : 'CHECKED_IN',
          requested: addMinutes(day.bookingOpensAt, 30 + i * 17), checkedIn: noShow ? null : witaInstant(day.date, `15:${String(10 + (i % 40)).padStart(2, '0')}`),
        });
      }
    } else if (day.date === today) {
      // Today is a market day: stalls are booked and staff can check vendors in.
      for (let i = 0; i < 30; i++) {
        bookings.push({ id: randomUUID(), day: day.id, vendor: approved[(i + 3) % approved.length].id, stall: stalls[i].id, status: 'CONFIRMED', requested: addMinutes(day.bookingOpensAt, 30 + i * 11), checkedIn: null });
      }
    } else if (day.bookingOpensAt <= now) {
      // The coming weekend is open: some mothers asked already (not the demo vendor, so she can try).
      for (let i = 1; i <= 20; i++) {
        bookings.push({ id: randomUUID(), day: day.id, vendor: approved[(i * 3) % approved.length].id, stall: null, status: 'REQUESTED', requested: addMinutes(day.bookingOpensAt, i * 23), checkedIn: null });
      }
    }
  });
  const demoVendor = approved[0]?.id;
  const valid = bookings.filter((b) => b.status !== 'REQUESTED' || b.vendor !== demoVendor);
  await sql(
    `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
     select id, requested, requested, day, vendor, stall, status, requested, "checkedIn"
       from jsonb_to_recordset(?::jsonb) as x(id uuid, day uuid, vendor uuid, stall uuid, status text, requested timestamptz, "checkedIn" timestamptz)
     on conflict do nothing`,
    [JSON.stringify(valid)],
  );
  logger.info({ stalls: stalls.length, vendors: fresh.length, days: days.length, bookings: valid.length }, 'market demo data seeded');
}

const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
