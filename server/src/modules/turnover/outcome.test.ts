import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { approvedVendors } from '../../../test/market.fixtures';
import { ATTEND, createTraining, ENROL } from '../../../test/training.fixtures';
import { marketDayWith } from '../../../test/turnover.fixtures';
import { cityClock } from '../../platform/wita-clock';

const OUTCOME = `query($ids: [ID!]!, $days: Int) { trainingOutcome(trainingIds: $ids, days: $days) {
  trainings attendees firstTrainingDate lastTrainingDate beforeFrom afterTo
  attended { changePercent before { vendors vendorMarketDays total averagePerMarketDay } after { vendors vendorMarketDays total averagePerMarketDay } }
  didNotAttend { changePercent before { vendors vendorMarketDays total averagePerMarketDay } after { vendors vendorMarketDays total averagePerMarketDay } } } }`;

/**
 * Hand-made data (all amounts in rupiah), training 1 on Wednesday 14 March 2029 (WITA):
 *              3 Mar      10 Mar     | 17 Mar     24 Mar
 *   A present  400.000    500.000    | 700.000    800.000
 *   B present  300.000    –          | 600.000    –
 *   C absent   –          200.000    | –          250.000
 *   D not in   1.000.000  1.100.000  | 1.050.000  950.000 (corrected from 900.000)
 * and A on 7 October 2028, more than 90 days before: 9.999.999 (outside the window).
 */
describe('training outcome: before and after, attendees beside the rest (real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let t1: string;
  let t2: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    const [a, b, c, d] = await approvedVendors(t, staff, 900, 4);
    cityClock.setNow(new Date('2029-03-01T00:00:00Z'));
    t1 = await createTraining(staff, '2029-03-14T01:00:00Z', 10);
    t2 = await createTraining(staff, '2029-03-21T01:00:00Z', 10);
    const e1 = await Promise.all([a, b, c].map(async (v) => (await staff.ok<any>(ENROL, { i: { trainingId: t1, vendorId: v.id } })).enrolVendor.enrolment.id));
    const e2 = (await staff.ok<any>(ENROL, { i: { trainingId: t2, vendorId: d.id } })).enrolVendor.enrolment.id;
    cityClock.setNow(new Date('2029-03-14T02:00:00Z'));
    await staff.ok(ATTEND, { i: { enrolmentId: e1[0], present: true } });
    await staff.ok(ATTEND, { i: { enrolmentId: e1[1], present: true } });
    await staff.ok(ATTEND, { i: { enrolmentId: e1[2], present: false } });
    cityClock.setNow(new Date('2029-03-21T02:00:00Z'));
    await staff.ok(ATTEND, { i: { enrolmentId: e2, present: true } });
    cityClock.setNow(undefined);

    const reports: [string, string, number][] = [
      ['2028-10-07', a.id, 9_999_999],
      ['2029-03-03', a.id, 400_000], ['2029-03-03', b.id, 300_000], ['2029-03-03', d.id, 1_000_000],
      ['2029-03-10', a.id, 500_000], ['2029-03-10', c.id, 200_000], ['2029-03-10', d.id, 1_100_000],
      ['2029-03-17', a.id, 700_000], ['2029-03-17', b.id, 600_000], ['2029-03-17', d.id, 1_050_000],
      ['2029-03-24', a.id, 800_000], ['2029-03-24', c.id, 250_000], ['2029-03-24', d.id, 950_000],
    ];
    for (const date of [...new Set(reports.map((r) => r[0]))]) {
      const onDay = reports.filter((r) => r[0] === date);
      const day = await marketDayWith(t, date, onDay.map((r) => ({ id: r[1] })));
      await t.sql(
        `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, current, amount, recorded_at, correction_reason)
         select gen_random_uuid(), now(), now(), b.id, b.vendor_id, b.market_day_id, 1, true, x.amount, now(), null
           from market_booking b join jsonb_to_recordset(?::jsonb) as x(vendor uuid, amount bigint) on x.vendor = b.vendor_id where b.market_day_id = ?`,
        [JSON.stringify(onDay.map((r) => ({ vendor: r[1], amount: r[2] === 950_000 ? 900_000 : r[2] }))), day],
      );
      if (date === '2029-03-24') {
        // D's figure was corrected: only the current version counts.
        await t.sql(`update turnover_report set current = false where vendor_id = ? and market_day_id = ?`, [d.id, day]);
        await t.sql(
          `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, current, amount, recorded_at, correction_reason)
           select gen_random_uuid(), now(), now(), booking_id, vendor_id, market_day_id, 2, true, 950000, now(), 'Salah ketik' from turnover_report where vendor_id = ? and market_day_id = ? and version = 1`,
          [d.id, day],
        );
      }
    }
  });
  afterAll(() => t?.close());

  it('gives exactly the hand-computed averages for one training, in one SQL statement', async () => {
    const base = await staff.ok<any>('{ __typename }');
    const r = await staff.ok<any>(OUTCOME, { ids: [t1] });
    expect(r.sqlStatements).toBe(base.sqlStatements + 1);
    expect(r.trainingOutcome).toEqual({
      trainings: 1,
      attendees: 2,
      firstTrainingDate: '2029-03-14',
      lastTrainingDate: '2029-03-14',
      beforeFrom: '2028-12-14',
      afterTo: '2029-06-12',
      // A and B: (400.000 + 500.000 + 300.000) / 3 before, (700.000 + 800.000 + 600.000) / 3 after.
      attended: {
        before: { vendors: 2, vendorMarketDays: 3, total: 1_200_000, averagePerMarketDay: 400_000 },
        after: { vendors: 2, vendorMarketDays: 3, total: 2_100_000, averagePerMarketDay: 700_000 },
        changePercent: 75,
      },
      // C (absent) and D: (200.000 + 1.000.000 + 1.100.000) / 3 = 766.666,67 → 766.667; (250.000 + 1.050.000 + 950.000) / 3.
      didNotAttend: {
        before: { vendors: 2, vendorMarketDays: 3, total: 2_300_000, averagePerMarketDay: 766_667 },
        after: { vendors: 2, vendorMarketDays: 3, total: 2_250_000, averagePerMarketDay: 750_000 },
        changePercent: -2.2,
      },
    });
  });

  it('treats a cohort as one group: before the first training, after the last', async () => {
    const r = await staff.ok<any>(OUTCOME, { ids: [t1, t2, t1] });
    expect(r.trainingOutcome).toMatchObject({
      trainings: 2,
      attendees: 3,
      lastTrainingDate: '2029-03-21',
      // A, B, D before (3 and 10 March); after 21 March only the 24th: A 800.000 and D 950.000.
      attended: {
        before: { vendors: 3, vendorMarketDays: 5, total: 3_300_000, averagePerMarketDay: 660_000 },
        after: { vendors: 2, vendorMarketDays: 2, total: 1_750_000, averagePerMarketDay: 875_000 },
      },
      didNotAttend: {
        before: { vendors: 1, vendorMarketDays: 1, total: 200_000, averagePerMarketDay: 200_000 },
        after: { vendors: 1, vendorMarketDays: 1, total: 250_000, averagePerMarketDay: 250_000 },
      },
    });
  });

  it('a wider window takes in the older day; unknown ids give empty figures; bad windows and partners are refused', async () => {
    const wide = await staff.ok<any>(OUTCOME, { ids: [t1], days: 366 });
    // (9.999.999 + 1.200.000) / 4 = 2.799.999,75 → 2.800.000
    expect(wide.trainingOutcome.attended.before).toEqual({ vendors: 2, vendorMarketDays: 4, total: 11_199_999, averagePerMarketDay: 2_800_000 });
    const none = await staff.ok<any>(OUTCOME, { ids: ['00000000-0000-4000-8000-000000000000'] });
    expect(none.trainingOutcome).toMatchObject({ trainings: 0, attendees: 0, firstTrainingDate: null, attended: { before: { vendorMarketDays: 0, total: 0, averagePerMarketDay: null }, changePercent: null } });
    const notAnId = await staff.request(OUTCOME, { ids: [t1, 'x'] });
    expect(notAnId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID', fields: [{ field: ['ids', '1'] }] });
    const bad = await staff.request(OUTCOME, { ids: [t1], days: 2 });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'TRAINING_OUTCOME_DAYS_INVALID' }, message: expect.stringContaining('7 sampai 366') });
    const partner = await t.as('mitra@kupang.demo');
    expect((await partner.request(OUTCOME, { ids: [t1] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
