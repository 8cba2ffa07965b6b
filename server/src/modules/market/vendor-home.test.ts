import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { approvedVendors, signedIn } from '../../../test/market.fixtures';
import { cityClock } from '../../platform/wita-clock';

/** The document of the vendor's home in the portal (web/src/routes/(vendor)/usaha/+page.server.ts). */
const HOME = `query VendorHome {
  marketToday
  myVendor { status }
  marketDays { id date status bookingOpen bookingOpensAt bookingClosesAt checkInCutoff cancelReason myBooking { id status waitlistPosition stall { code } } }
  myTurnover { awaitingAnswer months { month amount marketDays } }
  myMentoringVisits(first: 2) { totalCount nodes { id visitDate mentorName followUps { id done } } }
}`;
const RECORD = `mutation($i: RecordMentoringVisitInput!) { recordMentoringVisit(input: $i) { userErrors { code } } }`;

describe("the vendor's home in one request", () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let vendor: GraphqlClient;
  let vendorId: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    const [v] = await approvedVendors(t, staff, 870, 1);
    vendorId = v.id;
    vendor = await signedIn(t, v.phone);
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  it('says what today is in Kupang by the market clock, for anyone (23.30 UTC Friday is Saturday)', async () => {
    cityClock.setNow(new Date('2027-03-12T23:30:00Z'));
    expect((await t.client().ok<any>('{ marketToday }')).marketToday).toBe('2027-03-13');
    cityClock.setNow(undefined);
  });

  it('reads her days, bookings, turnover and mentoring with as many SQL statements for 1 visit as for 4', async () => {
    const visit = (n: number) =>
      staff.ok<any>(RECORD, { i: { vendorId, visitDate: '2026-11-0' + n, topic: 'BOOKKEEPING', notes: 'Catatan', followUps: ['Langkah satu', 'Langkah dua'] } });
    await visit(1);
    const one = await vendor.ok<any>(HOME);
    expect(one.myMentoringVisits.totalCount).toBe(1);
    for (const n of [2, 3, 4]) await visit(n);
    const four = await vendor.ok<any>(HOME);
    expect(four.myMentoringVisits.totalCount).toBe(4);
    expect(four.myMentoringVisits.nodes.map((v: any) => v.visitDate)).toEqual(['2026-11-04', '2026-11-03']);
    expect(four.myMentoringVisits.nodes[0]).toMatchObject({ mentorName: 'Agustina Lay', followUps: [{ done: false }, { done: false }] });
    expect(four.marketDays.length).toBeGreaterThan(2);
    expect(four.sqlStatements).toBe(one.sqlStatements);
  });

  it('gives her only her own visits', async () => {
    const [other] = await approvedVendors(t, staff, 871, 1);
    await staff.ok<any>(RECORD, { i: { vendorId: other.id, visitDate: '2026-11-05', topic: 'PACKAGING' } });
    const mine = await vendor.ok<any>('{ myMentoringVisits(first: 20) { nodes { vendor { id } } } }');
    expect(new Set(mine.myMentoringVisits.nodes.map((v: any) => v.vendor.id))).toEqual(new Set([vendorId]));
    expect((await vendor.request('{ myMentoringVisits(first: 1) { nodes { staffNotes } } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
