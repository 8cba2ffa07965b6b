import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlClient } from '../../../test/graphql-client';
import { ADD_DAY, bulkVendors, CANCEL, CLOSE, REQUEST } from '../../../test/market.fixtures';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';
import { cityClock } from '../../platform/wita-clock';

/**
 * Two app instances (as two server processes would be: separate connection pools) on one
 * PostgreSQL take the same burst. The partial unique indexes, the day row lock and the per-day
 * advisory lock must leave every stall with at most one vendor and every vendor with at most one stall.
 */
describe.runIf(requireRealPostgres('market booking races'))('market booking under a burst from two server processes (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let vendors: { vendorId: string; token: string }[];
  const clientFor = (i: number) => {
    const c = new GraphqlClient((i % 2 ? a : b).url);
    c.setCookie('kp_session', vendors[i].token);
    return c;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    // The demo layout has 100 stalls; make sure of it without depending on the demo data.
    await a.sql(
      `insert into market_stall (id, created_at, updated_at, code, zone, position, prime)
       select gen_random_uuid(), now(), now(), z || '-' || lpad(p::text, 2, '0'), z, p, p <= 3
         from unnest(array['A','B','C','D','E']) z, generate_series(1, 20) p
       on conflict do nothing`,
    );
    await a.sql(`update market_stall set active = (zone in ('A','B','C','D','E') and position <= 20)`);
    vendors = await bulkVendors(a, 5000, 660);
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('stores each of 600 requests (plus 60 retries) exactly once, then allocates exactly 100 stalls once although both processes close the window', async () => {
    cityClock.setNow(new Date('2027-05-01T00:00:00Z'));
    const staff = await a.as('pasar@kupang.demo');
    const staffB = await b.as('pasar@kupang.demo');
    const day = (await staff.ok<any>(ADD_DAY, { i: { date: '2027-05-08' } })).addMarketDay.marketDay;
    const results = await fireAtOnce(660, (i) => {
      const who = i < 600 ? i : i - 600; // the last 60 are retries of the first 60, sent to the other process
      const c = new GraphqlClient((i % 2 ? a : b).url);
      c.setCookie('kp_session', vendors[who].token);
      return c.ok<any>(REQUEST, { i: { marketDayId: day.id, idempotencyKey: `burst-${who}-20270508` } });
    });
    const failed = results.filter((r) => r.status === 'rejected' || r.value.requestStall.userErrors.length);
    expect(failed).toEqual([]);
    const [{ n, vendors: distinct }] = await a.sql(`select count(*)::int as n, count(distinct vendor_id)::int as vendors from market_booking where market_day_id = ?`, [day.id]);
    expect({ n, distinct }).toEqual({ n: 600, distinct: 600 });

    const [x, y] = await Promise.all([staff.ok<any>(CLOSE, { i: { marketDayId: day.id } }), staffB.ok<any>(CLOSE, { i: { marketDayId: day.id } })]);
    const outcomes = [x.closeBookingWindow, y.closeBookingWindow];
    expect(outcomes.filter((o) => o.userErrors.length === 0)).toHaveLength(1);
    const rows = await a.sql(`select status, count(*)::int as n, count(distinct stall_id)::int as stalls, count(distinct waitlist_position)::int as positions
                                from market_booking where market_day_id = ? group by status order by status`, [day.id]);
    expect(rows).toEqual([
      { status: 'CONFIRMED', n: 100, stalls: 100, positions: 0 },
      { status: 'WAITLISTED', n: 500, stalls: 0, positions: 500 },
    ]);
  });

  it('promotes a different waitlisted vendor for each of 20 cancellations sent at once to both processes', async () => {
    cityClock.setNow(new Date('2027-05-05T00:00:00Z'));
    const [day] = await a.sql(`select id from market_day where date = '2027-05-08'`);
    const confirmed = await a.sql(`select b.id, v.user_id from market_booking b join market_vendor v on v.id = b.vendor_id where b.market_day_id = ? and b.status = 'CONFIRMED' limit 20`, [day.id]);
    const byUser = new Map(vendors.map((v, i) => [v.vendorId, i]));
    const vendorOf = await a.sql(`select b.id, b.vendor_id from market_booking b where b.id = any(?::uuid[])`, [`{${confirmed.map((c) => c.id).join(',')}}`]);
    const results = await fireAtOnce(confirmed.length, (k) => clientFor(byUser.get(vendorOf.find((r) => r.id === confirmed[k].id)!.vendor_id)!).ok<any>(CANCEL, { i: { bookingId: confirmed[k].id } }));
    expect(results.filter((r) => r.status === 'rejected' || r.value.cancelBooking.userErrors.length)).toEqual([]);
    const rows = await a.sql(`select status, count(*)::int as n, count(distinct stall_id)::int as stalls, min(waitlist_position)::int as first, max(waitlist_position)::int as last
                                from market_booking where market_day_id = ? group by status order by status`, [day.id]);
    expect(rows).toEqual([
      { status: 'CANCELLED', n: 20, stalls: 20, first: null, last: null },
      { status: 'CONFIRMED', n: 100, stalls: 100, first: null, last: null },
      { status: 'WAITLISTED', n: 480, stalls: 0, first: 1, last: 480 },
    ]);
  });

  it('hands out left-over stalls first come, first served: 150 vendors at once for 100 free stalls never double-book', async () => {
    cityClock.setNow(new Date('2027-05-10T00:00:00Z'));
    const staff = await a.as('pasar@kupang.demo');
    const day = (await staff.ok<any>(ADD_DAY, { i: { date: '2027-05-15' } })).addMarketDay.marketDay;
    await staff.ok(CLOSE, { i: { marketDayId: day.id } }); // nobody asked in the window: every stall is left over
    const results = await fireAtOnce(150, (i) => clientFor(i).ok<any>(REQUEST, { i: { marketDayId: day.id } }));
    expect(results.filter((r) => r.status === 'rejected' || r.value.requestStall.userErrors.length)).toEqual([]);
    const rows = await a.sql(`select status, count(*)::int as n, count(distinct stall_id)::int as stalls, count(distinct waitlist_position)::int as positions
                                from market_booking where market_day_id = ? group by status order by status`, [day.id]);
    expect(rows).toEqual([
      { status: 'CONFIRMED', n: 100, stalls: 100, positions: 0 },
      { status: 'WAITLISTED', n: 50, stalls: 0, positions: 50 },
    ]);
  });
});
