import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { ADD_DAY, approvedVendors, bulkVendors, CANCEL, CLOSE, DECIDE, ensureStalls, PASSWORD, phoneOf, REGISTER, REQUEST, signedIn } from '../../../test/market.fixtures';
import { cityClock } from '../../platform/wita-clock';

const at = (iso: string) => cityClock.setNow(new Date(iso));
const BOARD = `query($d: ID!) { marketDayBoard(marketDayId: $d) { counts { stalls requested confirmed checkedIn noShows waitlisted }
  stalls { stall { code } booking { id status vendor { businessName phone } } } waitlist { id waitlistPosition vendor { businessName } } requests { id vendor { businessName } } } }`;
const MY = `{ myBookings(first: 50) { totalCount nodes { id status explanation waitlistPosition stall { code } marketDay { date status } } } }`;

describe('SABOAK KOEPAN market: vendors, days, allocation, waitlist, check-in (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    await ensureStalls(staff, 3);
  });
  afterEach(() => cityClock.setNow(undefined));
  afterAll(() => t?.close());

  describe('registration and approval', () => {
    it.each([
      [{ phone: '12345' }, 'INVALID_PHONE', 'phone'],
      [{ nib: '123' }, 'MARKET_INVALID_NIB', 'nib'],
      [{ kelurahanCode: '53.71.99.9999' }, 'MARKET_UNKNOWN_KELURAHAN', 'kelurahanCode'],
      [{ businessName: '   ' }, 'REQUIRED', 'businessName'],
      [{ password: 'pendek' }, 'MARKET_PASSWORD_TOO_SHORT', 'password'],
    ])('refuses %j with %s in Bahasa Indonesia and changes nothing', async (patch, code, field) => {
      const before = await t.fingerprint();
      const r = await t.client().ok<any>(REGISTER, {
        i: { businessName: 'Se’i Mama Ros', ownerName: 'Rosalina', phone: '081339000111', password: PASSWORD, category: 'KULINER', products: "Se'i babi", kelurahanCode: '53.71.02.1004', ...patch },
      });
      expect(r.registerVendor.vendorCode).toBeNull();
      expect(r.registerVendor.userErrors).toContainEqual(expect.objectContaining({ code, field: ['input', field] }));
      expect(r.registerVendor.userErrors[0].message).toMatch(/[a-z]/);
      expect(await t.fingerprint()).toEqual(before);
    });

    it('registers once per idempotency key and normalises the phone; a second registration of the number gets the same answer and stores nothing', async () => {
      const input = { businessName: 'Jagung Bose Oma', ownerName: 'Oma Dince', phone: '0813 3900 0222', password: PASSWORD, category: 'KULINER', products: 'Jagung bose', kelurahanCode: '53.71.02.1004', nib: '1234567890123', idempotencyKey: 'reg-oma-dince-1' };
      const [a, b] = await Promise.all([t.client().ok<any>(REGISTER, { i: input }), t.client().ok<any>(REGISTER, { i: input })]);
      const received = { received: true, vendorId: null, vendorCode: null, status: 'PENDING', userErrors: [] };
      expect(a.registerVendor).toEqual(received);
      expect(b.registerVendor).toEqual(received);
      expect(await t.sql(`select phone, status from market_vendor where business_name = 'Jagung Bose Oma'`)).toEqual([{ phone: '+6281339000222', status: 'PENDING' }]);
      const before = await t.sql(`select count(*)::int as n from market_vendor`);
      const again = await t.client().ok<any>(REGISTER, { i: { ...input, businessName: 'Usaha Lain', idempotencyKey: 'reg-oma-dince-2' } });
      expect(again.registerVendor).toEqual(received);
      expect(await t.sql(`select count(*)::int as n from market_vendor`)).toEqual(before);
      // Staff registering for someone are told the number is taken.
      const byStaff = await staff.ok<any>(REGISTER, { i: { ...input, idempotencyKey: 'reg-oma-dince-3' } });
      expect(byStaff.registerVendor.userErrors[0]).toMatchObject({ code: 'MARKET_PHONE_REGISTERED', field: ['input', 'phone'], message: expect.stringContaining('sudah terdaftar') });
    });

    it('approval creates her VENDOR account with the password she chose; rejection needs a reason', async () => {
      const [{ id }] = await t.sql(`select id from market_vendor where business_name = 'Jagung Bose Oma'`);
      const noReason = await staff.ok<any>(DECIDE, { i: { vendorId: id, decision: 'REJECT' } });
      expect(noReason.decideVendor.userErrors[0].code).toBe('MARKET_REASON_REQUIRED');
      const ok = await staff.ok<any>(DECIDE, { i: { vendorId: id, decision: 'APPROVE' } });
      expect(ok.decideVendor.vendor.status).toBe('APPROVED');
      const vendor = await signedIn(t, '081339000222');
      expect((await vendor.ok<any>('{ me { role fullName } myVendor { businessName status } }'))).toMatchObject({ me: { role: 'VENDOR', fullName: 'Oma Dince' }, myVendor: { status: 'APPROVED' } });
      const twice = await staff.ok<any>(DECIDE, { i: { vendorId: id, decision: 'APPROVE' } });
      expect(twice.decideVendor.userErrors[0].code).toBe('MARKET_VENDOR_NOT_PENDING');
      expect((await vendor.request('{ vendors(first: 5) { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('market days in WITA', () => {
    it('generates only Saturdays and Sundays, as Kupang dates, and skips existing ones', async () => {
      at('2027-01-01T00:00:00Z');
      const GEN = 'mutation($i: GenerateMarketDaysInput!) { generateMarketDays(input: $i) { created { date bookingClosesAt checkInCutoff } userErrors { code } } }';
      const r = await staff.ok<any>(GEN, { i: { from: '2027-01-04', to: '2027-01-17' } });
      expect(r.generateMarketDays.created.map((d: any) => d.date)).toEqual(['2027-01-09', '2027-01-10', '2027-01-16', '2027-01-17']);
      // Saturday 9 January: window closes Thursday 7 January 20.00 WITA = 12.00 UTC; check-in until 16.00 WITA.
      expect(r.generateMarketDays.created[0]).toMatchObject({ bookingClosesAt: '2027-01-07T12:00:00.000Z', checkInCutoff: '2027-01-09T08:00:00.000Z' });
      const again = await staff.ok<any>(GEN, { i: { from: '2027-01-04', to: '2027-01-17' } });
      expect(again.generateMarketDays.created).toEqual([]);
      const weekday = await staff.ok<any>(ADD_DAY, { i: { date: '2027-01-13' } });
      expect(weekday.addMarketDay.userErrors[0]).toMatchObject({ code: 'MARKET_DAY_NOT_WEEKEND', message: 'Hari pasar hanya Sabtu atau Minggu.' });
    });
    it('a retry of addMarketDay, generateMarketDays or saveStall with the same key returns the first result and writes nothing', async () => {
      at('2027-02-01T00:00:00Z');
      const GEN = 'mutation($i: GenerateMarketDaysInput!) { generateMarketDays(input: $i) { created { id date } userErrors { code } } }';
      const SAVE = 'mutation($i: SaveStallInput!) { saveStall(input: $i) { stall { id code } userErrors { code } } }';
      const calls: [string, Record<string, unknown>][] = [
        [ADD_DAY, { date: '2027-02-06', capacity: 40, idempotencyKey: 'add-day-2027-02-06' }],
        [GEN, { from: '2027-02-08', to: '2027-02-14', idempotencyKey: 'gen-days-2027-02-08' }],
        [SAVE, { zone: 'Q', position: 7, idempotencyKey: 'save-stall-q-07' }],
      ];
      for (const [text, input] of calls) {
        const first = await staff.ok<any>(text, { i: input });
        expect(JSON.stringify(first)).toMatch(/"2027-02-06"|"2027-02-13".*"2027-02-14"|"Q-07"/);
        const before = await t.fingerprint();
        const replay = await staff.ok<any>(text, { i: input });
        expect(replay).toEqual({ ...first, sqlStatements: expect.any(Number) });
        expect(JSON.stringify(replay)).not.toMatch(/userErrors":\[\{/);
        expect(await t.fingerprint()).toEqual(before);
      }
      // Without a key the same calls are refused or create nothing more: the key is what returns the first result.
      expect((await staff.ok<any>(ADD_DAY, { i: { date: '2027-02-06' } })).addMarketDay.userErrors[0].code).toBe('MARKET_DAY_EXISTS');
      expect((await staff.ok<any>(GEN, { i: { from: '2027-02-08', to: '2027-02-14' } })).generateMarketDays.created).toEqual([]);
      expect((await staff.ok<any>(SAVE, { i: { zone: 'Q', position: 7 } })).saveStall.userErrors[0].code).toBe('MARKET_STALL_TAKEN');
    });
    it('refuses an impossible schedule and changes nothing; cancelling a day cancels its bookings and tells the vendors why', async () => {
      at('2027-01-02T00:00:00Z');
      const day = (await staff.ok<any>(ADD_DAY, { i: { date: '2027-01-23' } })).addMarketDay.marketDay;
      const UPDATE = 'mutation($i: UpdateMarketDayInput!) { updateMarketDay(input: $i) { marketDay { id } userErrors { code field message } } }';
      const before = await t.fingerprint();
      const bad = await staff.ok<any>(UPDATE, { i: { marketDayId: day.id, bookingClosesAt: '2027-01-30T00:00:00Z' } });
      expect(bad.updateMarketDay.userErrors[0]).toMatchObject({ code: 'MARKET_WINDOW_INVALID', message: expect.stringMatching(/^Jadwal tidak valid/) });
      expect(await t.fingerprint()).toEqual(before);

      const [v] = await approvedVendors(t, staff, 300, 1);
      const vendor = await signedIn(t, v.phone);
      at('2027-01-16T01:00:00Z'); // the window opened on 15 January 08.00 WITA
      expect((await vendor.ok<any>(REQUEST, { i: { marketDayId: day.id } })).requestStall.booking.status).toBe('REQUESTED');
      const CANCEL_DAY = 'mutation($i: CancelMarketDayInput!) { cancelMarketDay(input: $i) { marketDay { status } userErrors { code } } }';
      expect((await staff.ok<any>(CANCEL_DAY, { i: { marketDayId: day.id, reason: 'Hujan badai: Taman Nostalgia ditutup.' } })).cancelMarketDay.marketDay.status).toBe('CANCELLED');
      const seen = await vendor.ok<any>('{ marketDays(from: "2027-01-23", to: "2027-01-23") { status cancelReason myBooking { status } } }');
      expect(seen.marketDays).toEqual([{ status: 'CANCELLED', cancelReason: 'Hujan badai: Taman Nostalgia ditutup.', myBooking: { status: 'CANCELLED' } }]);
      const again = await vendor.ok<any>(REQUEST, { i: { marketDayId: day.id } });
      expect(again.requestStall.userErrors[0]).toMatchObject({ code: 'MARKET_DAY_CANCELLED', message: 'Hari pasar ini dibatalkan.' });
    });
  });

  describe('booking, fair rotation, waitlist, check-in and no-shows', () => {
    let dayId: string;
    let v: { id: string; phone: string }[];
    let clients: GraphqlClient[];

    beforeAll(async () => {
      v = await approvedVendors(t, staff, 100, 5);
      clients = await Promise.all(v.map((x) => signedIn(t, x.phone)));
      // History: on 27 February Mama 100 and 101 had stalls; 101 did not show up.
      at('2027-02-01T00:00:00Z');
      const past = await staff.ok<any>(ADD_DAY, { i: { date: '2027-02-27' } });
      const pastId = past.addMarketDay.marketDay.id;
      const [a01] = await t.sql(`select id from market_stall where code = 'A-01'`);
      const [a02] = await t.sql(`select id from market_stall where code = 'A-02'`);
      await t.sql(
        `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, 'CHECKED_IN', now(), now()), (gen_random_uuid(), now(), now(), ?, ?, ?, 'NO_SHOW', now(), null)`,
        [pastId, v[0].id, a01.id, pastId, v[1].id, a02.id],
      );
      await t.sql(`update market_day set status = 'ALLOCATED', allocated_at = now() where id = ?`, [pastId]);
      const day = await staff.ok<any>(ADD_DAY, { i: { date: '2027-03-06', capacity: 2 } });
      dayId = day.addMarketDay.marketDay.id;
    });

    it('refuses requests before the window opens, in Bahasa Indonesia, and stores nothing', async () => {
      at('2027-02-25T23:00:00Z'); // 26 Feb 07.00 WITA: opens at 08.00 WITA
      await t.client().ok('{ marketDays { id } }'); // lets days whose window closed earlier be allocated first
      const before = await t.fingerprint();
      const r = await clients[0].ok<any>(REQUEST, { i: { marketDayId: dayId } });
      expect(r.requestStall.userErrors[0]).toMatchObject({ code: 'MARKET_WINDOW_NOT_OPEN', message: 'Pemesanan lapak untuk hari ini belum dibuka.' });
      expect(await t.fingerprint()).toEqual(before);
    });

    it('takes requests in the window (idempotent per key, one per vendor and day)', async () => {
      for (let i = 0; i < 4; i++) {
        at(`2027-03-0${i + 1}T02:00:00Z`); // request order: 100, 101, 102, 103
        const r = await clients[i].ok<any>(REQUEST, { i: { marketDayId: dayId, idempotencyKey: `req-${i}-2027-03-06` } });
        expect(r.requestStall.booking).toMatchObject({ status: 'REQUESTED', stall: null });
      }
      const replay = await clients[0].ok<any>(REQUEST, { i: { marketDayId: dayId, idempotencyKey: 'req-0-2027-03-06' } });
      expect(replay.requestStall.userErrors).toEqual([]);
      const dup = await clients[0].ok<any>(REQUEST, { i: { marketDayId: dayId } });
      expect(dup.requestStall.userErrors[0].code).toBe('MARKET_ALREADY_REQUESTED');
      expect(await t.sql(`select count(*)::int as n from market_booking where market_day_id = ?`, [dayId])).toEqual([{ n: 4 }]);
    });

    it('allocates by fair rotation when the window closes: fewer recent stall-days first, no-shows last, and explains why', async () => {
      at('2027-03-04T12:00:01Z'); // just after Thursday 20.00 WITA: the first read allocates
      const mine = await Promise.all(clients.slice(0, 4).map((c) => c.ok<any>(MY)));
      const status = mine.map((m) => m.myBookings.nodes[0]);
      expect(status.map((s) => s.status)).toEqual(['WAITLISTED', 'WAITLISTED', 'CONFIRMED', 'CONFIRMED']);
      expect(status[2].explanation).toMatch(/Urutan 1 dari 4 permintaan: dalam 8 minggu terakhir Anda berjualan 0 hari tanpa pernah tidak hadir/);
      expect(status[0].explanation).toMatch(/urutan 3 dari 4 .* berjualan 1 hari .* daftar tunggu nomor 1/);
      expect(status[1].explanation).toMatch(/1 kali tidak hadir .* daftar tunggu nomor 2/);
      expect(status[0].waitlistPosition).toBe(1);
      const en = await clients[2].ok<any>(MY);
      expect(en.myBookings.nodes[0].stall.code).toMatch(/^A-0[12]$/);
    });

    it('gives a late request the waitlist, and promotes the first on the waitlist when someone cancels', async () => {
      at('2027-03-04T13:00:00Z');
      const late = await clients[4].ok<any>(REQUEST, { i: { marketDayId: dayId } });
      expect(late.requestStall.booking).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });
      const [c] = (await clients[2].ok<any>(MY)).myBookings.nodes;
      const cancelled = await clients[2].ok<any>(CANCEL, { i: { bookingId: c.id } });
      expect(cancelled.cancelBooking.booking.status).toBe('CANCELLED');
      const promoted = (await clients[0].ok<any>(MY)).myBookings.nodes[0];
      expect(promoted).toMatchObject({ status: 'CONFIRMED', stall: { code: c.stall.code } });
      expect(promoted.explanation).toMatch(/Naik dari daftar tunggu \(nomor 1\)/);
      expect((await clients[1].ok<any>(MY)).myBookings.nodes[0].waitlistPosition).toBe(1);
      expect((await clients[4].ok<any>(MY)).myBookings.nodes[0].waitlistPosition).toBe(2);
    });

    it('refuses cancellation after the deadline and changes nothing', async () => {
      at('2027-03-05T04:00:01Z'); // Friday 12.00.01 WITA
      const [b] = (await clients[3].ok<any>(MY)).myBookings.nodes;
      const before = await t.fingerprint();
      const r = await clients[3].ok<any>(CANCEL, { i: { bookingId: b.id } });
      expect(r.cancelBooking.userErrors[0]).toMatchObject({ code: 'MARKET_CANCEL_DEADLINE_PASSED', message: expect.stringContaining('2027-03-05 12.00 WITA') });
      expect(await t.fingerprint()).toEqual(before);
    });

    const CHECK_IN = 'mutation($i: CheckInBookingInput!) { checkInBooking(input: $i) { booking { status checkedInAt } userErrors { code message } } }';
    const CHECK_IN_KEY = 'check-in-2027-03-06-offline-phone';

    it('checks in only on the Kupang date: 23.30 UTC on Friday is already Saturday in Kupang', async () => {
      const [b] = (await clients[3].ok<any>(MY)).myBookings.nodes;
      at('2027-03-05T15:59:00Z'); // Friday 23.59 WITA
      expect((await staff.ok<any>(CHECK_IN, { i: { bookingId: b.id } })).checkInBooking.userErrors[0].code).toBe('MARKET_CHECK_IN_WRONG_DAY');
      at('2027-03-05T23:30:00Z'); // Saturday 07.30 WITA
      expect((await staff.ok<any>(CHECK_IN, { i: { bookingId: b.id, idempotencyKey: CHECK_IN_KEY } })).checkInBooking.booking.status).toBe('CHECKED_IN');
    });

    it('answers a replayed check-in with the first result instead of refusing it, and writes nothing twice', async () => {
      const [b] = (await clients[3].ok<any>(MY)).myBookings.nodes;
      const audits = () => t.sql("select count(*)::int as n from audit_entry where action = 'market.booking.check_in' and entity_id = ?", [b.id]);
      const first = (await staff.ok<any>(CHECK_IN, { i: { bookingId: b.id } })).checkInBooking;
      expect(first.userErrors).toEqual([]);
      // The same booking again, later that day (another phone, a double tap): the same success.
      at('2027-03-06T01:00:00Z');
      const again = (await staff.ok<any>(CHECK_IN, { i: { bookingId: b.id } })).checkInBooking;
      expect(again).toEqual(first);
      // The phone was offline until Sunday and sends the queued entry with its key: still the first result.
      at('2027-03-06T23:00:00Z');
      const replay = (await staff.ok<any>(CHECK_IN, { i: { bookingId: b.id, idempotencyKey: CHECK_IN_KEY } })).checkInBooking;
      expect(replay).toEqual(first);
      expect(await audits()).toEqual([{ n: 1 }]);
      // A key used by another account is not a way to read someone else's result.
      const other = await t.as('admin@kupang.demo');
      const stolen = await other.request(CHECK_IN, { i: { bookingId: b.id, idempotencyKey: CHECK_IN_KEY } });
      expect(stolen.data?.checkInBooking ?? null).toBeNull();
    });

    it('marks no-shows only after the cut-off', async () => {
      const MARK = 'mutation($i: MarketDayRefInput!) { markNoShows(input: $i) { marked userErrors { code } } }';
      at('2027-03-06T07:59:00Z');
      expect((await staff.ok<any>(MARK, { i: { marketDayId: dayId } })).markNoShows.userErrors[0].code).toBe('MARKET_CUTOFF_NOT_REACHED');
      at('2027-03-06T08:00:00Z');
      expect((await staff.ok<any>(MARK, { i: { marketDayId: dayId } })).markNoShows.marked).toBe(1);
      expect((await clients[0].ok<any>(MY)).myBookings.nodes[0].status).toBe('NO_SHOW');
      const board = await staff.ok<any>(BOARD, { d: dayId });
      expect(board.marketDayBoard.counts).toMatchObject({ checkedIn: 1, noShows: 1, waitlisted: 2 });
    });

    it('refuses a second allocation of a day', async () => {
      const r = await staff.ok<any>(CLOSE, { i: { marketDayId: dayId } });
      expect(r.closeBookingWindow.userErrors[0].code).toBe('MARKET_DAY_ALREADY_ALLOCATED');
    });
  });

  describe('read models', () => {
    it('the day board and a vendor history use a constant number of SQL statements however many bookings there are', async () => {
      at('2027-04-01T00:00:00Z');
      const small = await staff.ok<any>(ADD_DAY, { i: { date: '2027-04-03' } });
      const big = await staff.ok<any>(ADD_DAY, { i: { date: '2027-04-04' } });
      const vs = await approvedVendors(t, staff, 200, 3);
      const vendor = await signedIn(t, vs[0].phone);
      await vendor.ok(REQUEST, { i: { marketDayId: small.addMarketDay.marketDay.id } });
      const historySmall = await vendor.ok<any>(MY);
      // Allocated, so that both boards show vendors' phone numbers: reading them adds the one audit INSERT to each.
      await staff.ok(CLOSE, { i: { marketDayId: small.addMarketDay.marketDay.id } });
      const boardSmall = await staff.ok<any>(BOARD, { d: small.addMarketDay.marketDay.id });
      for (const x of vs) await (await signedIn(t, x.phone)).ok(REQUEST, { i: { marketDayId: big.addMarketDay.marketDay.id } });
      await staff.ok(CLOSE, { i: { marketDayId: big.addMarketDay.marketDay.id } });
      const boardBig = await staff.ok<any>(BOARD, { d: big.addMarketDay.marketDay.id });
      const historyBig = await vendor.ok<any>(MY);
      expect(historyBig.myBookings.totalCount).toBe(2);
      expect(boardBig.marketDayBoard.counts.confirmed).toBe(3);
      expect(boardBig.sqlStatements).toBe(boardSmall.sqlStatements);
      expect(historyBig.sqlStatements).toBe(historySmall.sqlStatements);
      // Session, vendor, due work, and her bookings with their days and stalls in one statement.
      expect(historyBig.sqlStatements).toBeLessThanOrEqual(4);
      expect(boardBig.sqlStatements).toBeLessThanOrEqual(8);
      // Nobody pressed "mark no-shows": after the cut-off (16.00 WITA) the board shows them anyway.
      at('2027-04-04T08:00:00Z');
      const after = await staff.ok<any>(BOARD, { d: big.addMarketDay.marketDay.id });
      expect(after.marketDayBoard.counts).toMatchObject({ confirmed: 0, noShows: 3 });
      expect(await t.sql(`select after from audit_entry where action = 'market.day.mark_no_shows' and entity_id = ?`, [big.addMarketDay.marketDay.id])).toEqual([
        { after: { marked: 3, automatic: true } },
      ]);
    });

    it("a vendor's market page costs the same SQL statements with 1 or 40 bookings among 40 market days", async () => {
      at('2027-05-20T00:00:00Z'); // before every booking window of the days below: no due work
      const GENERATE = 'mutation($i: GenerateMarketDaysInput!) { generateMarketDays(input: $i) { created { id } userErrors { code } } }';
      const made = await staff.ok<any>(GENERATE, { i: { from: '2027-06-05', to: '2027-10-31' } });
      expect(made.generateMarketDays.created.length).toBeGreaterThanOrEqual(40);
      const [one, many] = await bulkVendors(t, 900, 2);
      const [a01, a02] = await t.sql(`select id from market_stall where code in ('A-01', 'A-02') order by code`);
      // Every day of the period for one vendor, alternately with a stall (and the facts behind it) and on the waitlist.
      await t.sql(
        `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, allocation_facts, explanation, waitlist_position)
         select gen_random_uuid(), now(), now(), d.id, ?, case when n % 2 = 1 then ?::uuid end, case when n % 2 = 1 then 'CONFIRMED' else 'WAITLISTED' end, now(),
                case when n % 2 = 1 then '{"kind":"ROTATION","rank":1,"of":1}'::jsonb end, 'Sudah diatur.', case when n % 2 = 0 then 1 end
           from (select id, row_number() over (order by date) as n from market_day where date between '2027-06-05' and '2027-10-31') d`,
        [many.vendorId, a01.id],
      );
      await t.sql(
        `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, allocation_facts, explanation)
         select gen_random_uuid(), now(), now(), id, ?, ?, 'CONFIRMED', now(), '{"kind":"ROTATION","rank":1,"of":1}'::jsonb, 'Sudah diatur.'
           from market_day where date = '2027-06-05'`,
        [one.vendorId, a02.id],
      );
      const page = (token: string) => t.client({ cookie: `kp_session=${token}` });
      const PAGES = [
        // The reads of the market page in issue #8, and the portal's own (/usaha/pasar and /usaha/riwayat) in one request.
        '{ myVendor { code businessName status } marketDays(from: "2027-06-01", to: "2027-10-31") { id date status } myBookings(first: 10) { nodes { id status } } }',
        `{ myVendor { code businessName status statusReason publicConsent }
           marketDays(from: "2027-06-01", to: "2027-10-31") { id date status bookingOpen bookingOpensAt cancelDeadline cancelReason myBooking { id status explanation waitlistPosition stall { code } } }
           myBookings(first: 100) { totalCount nodes { id status explanation stall { code } marketDay { date } } } }`,
      ];
      await page(one.token).ok(PAGES[0]);
      for (const query of PAGES) {
        const small = await page(one.token).ok<any>(query);
        const big = await page(many.token).ok<any>(query);
        expect(big.marketDays.length).toBeGreaterThanOrEqual(40);
        expect(big.myBookings.nodes.length).toBeGreaterThanOrEqual(10);
        expect(small.myBookings.nodes).toHaveLength(1);
        expect(big.sqlStatements).toBe(small.sqlStatements);
        // Session, vendor, due work, days, her booking of each day (with its stall), her bookings (with their days and stalls).
        expect(big.sqlStatements).toBeLessThanOrEqual(6);
      }
      const portal = await page(many.token).ok<any>(PAGES[1]);
      expect(portal.myBookings.totalCount).toBe(portal.marketDays.length);
      expect(portal.marketDays[0].myBooking).toMatchObject({ status: 'CONFIRMED', stall: { code: 'A-01' }, explanation: expect.stringContaining('A-01') });
      expect(portal.marketDays[1].myBooking).toMatchObject({ status: 'WAITLISTED', stall: null, waitlistPosition: 1 });
      expect(portal.myBookings.nodes[0].marketDay.date).toBe(portal.marketDays.at(-1).date);
    });

    it('a stall request in an open window costs three SQL statements and a replay two; keys and the one-per-day rule still hold', async () => {
      at('2027-11-08T00:00:00Z'); // the window of Saturday 13 November opened on 5 November
      // Lets what fell due earlier be settled first (twice: allocating the days of earlier tests makes their no-shows due).
      for (let i = 0; i < 2; i++) await t.client().ok('{ marketDays { id } }');
      const day = (await staff.ok<any>(ADD_DAY, { i: { date: '2027-11-13' } })).addMarketDay.marketDay;
      const [v, w, x] = await bulkVendors(t, 950, 3);
      const as = (token: string) => t.client({ cookie: `kp_session=${token}` });
      const FULL = `mutation($i: RequestStallInput!) { requestStall(input: $i) { booking { id status zonePreference requestedAt stall { code } explanation waitlistPosition
        marketDay { id date bookingOpen } vendor { id businessName } } userErrors { code message } } }`;
      const input = { marketDayId: day.id, zonePreference: 'b', idempotencyKey: 'cost-950-2027-11-13' };
      const first = await as(v.token).ok<any>(FULL, { i: input });
      expect(first.requestStall).toEqual({
        booking: { id: expect.any(String), status: 'REQUESTED', zonePreference: 'B', requestedAt: expect.stringMatching(/^2027-11-08T00:00/), stall: null, explanation: null, waitlistPosition: null,
          marketDay: { id: day.id, date: '2027-11-13', bookingOpen: true }, vendor: { id: v.vendorId, businessName: 'Usaha 950' } },
        userErrors: [],
      });
      // Session, one read (due work, her vendor, a stored key, the day) and one write (key, booking and
      // audit entry); the day and vendor come with the read. Through the ORM it was 11.
      expect(first.sqlStatements).toBe(3);
      const replay = await as(v.token).ok<any>(FULL, { i: input });
      expect(replay).toEqual({ ...first, sqlStatements: 2 });
      const id = first.requestStall.booking.id;
      expect(await t.sql(`select response from idempotency_key where operation = 'market.requestStall' and key = ?`, [input.idempotencyKey])).toEqual([{ response: { id } }]);
      expect(await t.sql(`select actor_id, actor_role, after from audit_entry where action = 'market.booking.request' and entity_id = ?`, [id])).toEqual([
        { actor_id: v.userId, actor_role: 'VENDOR', after: { date: '2027-11-13', status: 'REQUESTED' } },
      ]);
      // A key is bound to the account that used it first.
      const stolen = await as(w.token).request(FULL, { i: input });
      expect(stolen.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // One request per vendor and day, whatever the key; a refusal writes nothing.
      const before = await t.fingerprint();
      const again = await as(v.token).ok<any>(FULL, { i: { marketDayId: day.id, idempotencyKey: 'cost-950-2027-11-13-b' } });
      expect(again.requestStall.userErrors[0]).toMatchObject({ code: 'MARKET_ALREADY_REQUESTED', message: expect.stringMatching(/[a-z]/) });
      expect(await t.fingerprint()).toEqual(before);
      // The same key sent twice at once: one booking, both answers name it.
      const twice = await Promise.all([0, 1].map(() => as(x.token).ok<any>(FULL, { i: { marketDayId: day.id, idempotencyKey: 'cost-952-2027-11-13' } })));
      expect(twice.map((r) => r.requestStall.userErrors)).toEqual([[], []]);
      expect(twice[1].requestStall.booking.id).toBe(twice[0].requestStall.booking.id);
      expect(await t.sql(`select count(*)::int as n from market_booking where market_day_id = ?`, [day.id])).toEqual([{ n: 2 }]);
    });

    it('a vendor withdraws her consent and disappears from the public page; staff reads of the vendor list are audited', async () => {
      at('2027-03-05T23:30:00Z');
      const shown = async () =>
        (await t.client().ok<any>('{ publicMarket { days { vendors { businessName } } } }')).publicMarket.days.flatMap((d: any) => d.vendors.map((v: any) => v.businessName));
      expect(await shown()).toContain('Usaha Mama 100');
      const mama = await signedIn(t, phoneOf(100));
      const r = await mama.ok<any>('mutation($i: UpdateMyBusinessInput!) { updateMyBusiness(input: $i) { vendor { publicConsent } userErrors { code } } }', { i: { publicConsent: false } });
      expect(r.updateMyBusiness.vendor.publicConsent).toBe(false);
      expect(await shown()).not.toContain('Usaha Mama 100');
      await staff.ok('{ vendors(first: 5) { nodes { phone } } }');
      expect(await t.sql(`select count(*)::int as n from audit_entry where action = 'market.vendor.list'`)).not.toEqual([{ n: 0 }]);
    });

    it('the public page names only consenting businesses and never a phone number', async () => {
      at('2027-03-05T23:30:00Z');
      const r = await t.client().request<any>('{ publicMarket { venue days { date vendorCount vendors { businessName stallCode } } } }');
      expect(r.errors).toBeUndefined();
      expect(r.data.publicMarket.days.map((d: any) => d.date)).toEqual(['2027-03-06', '2027-03-07'].filter((d) => r.data.publicMarket.days.some((x: any) => x.date === d)));
      expect(JSON.stringify(r.data)).not.toMatch(/\+62|08\d{8}/);
      const phone = await t.client().request('{ publicMarket { days { vendors { phone } } } }');
      expect(phone.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
