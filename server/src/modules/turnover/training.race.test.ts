import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlClient } from '../../../test/graphql-client';
import { bulkVendors } from '../../../test/market.fixtures';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';
import { createTraining, JOIN, LEAVE } from '../../../test/training.fixtures';
import { cityClock } from '../../platform/wita-clock';

/**
 * Two app instances (two server processes: separate connection pools) on one PostgreSQL take the
 * same burst of enrolments. The training row lock and the capacity trigger must give out exactly
 * the capacity, waitlist the rest in a gap-free order, and never enrol a vendor twice.
 */
describe.runIf(requireRealPostgres('training enrolment races'))('training enrolment under a burst from two server processes (real PostgreSQL)', () => {
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
    vendors = await bulkVendors(a, 7000, 40);
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('40 joins at once (plus 20 retries on the other process) for 25 seats: exactly 25 enrolled, 15 waitlisted 1..15, one enrolment per vendor', async () => {
    cityClock.setNow(new Date('2027-10-01T00:00:00Z'));
    const staff = await a.as('pasar@kupang.demo');
    const id = await createTraining(staff, '2027-10-20T01:00:00Z', 25);
    const results = await fireAtOnce(60, (i) => {
      const who = i < 40 ? i : i - 40;
      const c = new GraphqlClient((i % 2 ? a : b).url);
      c.setCookie('kp_session', vendors[who].token);
      return c.ok<any>(JOIN, { i: { trainingId: id, idempotencyKey: `join-${who}-race` } });
    });
    expect(results.filter((r) => r.status === 'rejected' || r.value.joinTraining.userErrors.length)).toEqual([]);
    const rows = await a.sql(
      `select status, count(*)::int as n, count(distinct vendor_id)::int as vendors, min(waitlist_position)::int as first, max(waitlist_position)::int as last,
              count(distinct waitlist_position)::int as positions
         from training_enrolment where training_id = ? group by status order by status`,
      [id],
    );
    expect(rows).toEqual([
      { status: 'ENROLLED', n: 25, vendors: 25, first: null, last: null, positions: 0 },
      { status: 'WAITLISTED', n: 15, vendors: 15, first: 1, last: 15, positions: 15 },
    ]);
  });

  it('10 seated vendors leaving at once from both processes promote the first 10 waitlisted, in order', async () => {
    const [{ id }] = await a.sql(`select id from training where starts_at = '2027-10-20T01:00:00Z'`);
    const firstTen = await a.sql(`select vendor_id from training_enrolment where training_id = ? and status = 'WAITLISTED' and waitlist_position <= 10`, [id]);
    const seated = await a.sql(`select id, vendor_id from training_enrolment where training_id = ? and status = 'ENROLLED' limit 10`, [id]);
    const index = new Map(vendors.map((v, i) => [v.vendorId, i]));
    const results = await fireAtOnce(10, (k) => clientFor(index.get(seated[k].vendor_id)!).ok<any>(LEAVE, { i: { enrolmentId: seated[k].id } }));
    expect(results.filter((r) => r.status === 'rejected' || r.value.leaveTraining.userErrors.length)).toEqual([]);
    const rows = await a.sql(
      `select status, count(*)::int as n, min(waitlist_position)::int as first, max(waitlist_position)::int as last from training_enrolment where training_id = ? group by status order by status`,
      [id],
    );
    expect(rows).toEqual([
      { status: 'CANCELLED', n: 10, first: null, last: null },
      { status: 'ENROLLED', n: 25, first: null, last: null },
      { status: 'WAITLISTED', n: 5, first: 1, last: 5 },
    ]);
    const promoted = await a.sql(`select vendor_id from training_enrolment where training_id = ? and promoted_at is not null`, [id]);
    expect(promoted.map((r) => r.vendor_id).sort()).toEqual(firstTen.map((r) => r.vendor_id).sort());
  });
});
