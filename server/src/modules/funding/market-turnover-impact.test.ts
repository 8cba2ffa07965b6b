import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cityClock } from '../../platform/wita-clock';
import type { GraphqlClient } from '../../../test/graphql-client';
import { approvedVendors, signedIn } from '../../../test/market.fixtures';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { CONFIRM, CORRECT, DISPUTE, marketDayWith, RECORD } from '../../../test/turnover.fixtures';

const TURNOVER = `query($y: Int!, $f: Int, $t: Int) { saboakKoepanImpact(year: $y, fromMonth: $f, toMonth: $t) {
  suppressionApplied turnover previousPeriodTurnover turnoverGrowth months { month turnover } } }`;
const TOTALS = `query($f: LocalDate!, $t: LocalDate!) { turnoverTotals(period: MONTH, groupBy: NONE, from: $f, to: $t) { total rows { periodStart amount } } }`;

describe('SABOAK KOEPAN turnover and its growth in the impact report, from a rollup kept by a trigger (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let partner: GraphqlClient;
  let vendors: { id: string; phone: string }[];
  const reports: Record<string, string> = {};
  let n = 0;
  const record = async (date: string, dayId: string, vendorId: string, amount: number) => {
    const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: `dampak-omzet-${++n}`, vendorId, marketDayId: dayId, amount, confirmImplausible: true } });
    expect(r.recordTurnover.userErrors).toEqual([]);
    reports[`${date}|${vendorId}`] = r.recordTurnover.report.id;
  };
  const rollup = () => t.sql(`select to_char(month, 'YYYY-MM') as month, amount::bigint::text as amount, reports from impact.market_turnover_month order by 1`);

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    partner = await t.as('mitra@kupang.demo');
    vendors = await approvedVendors(t, staff, 900, 12);
    // December 2028: 12 × 500.000; January 2029: 12 × 1.000.000; February: 12 × 1.500.000; March: only 3 vendors.
    for (const [date, count, amount] of [['2028-12-02', 12, 500_000], ['2029-01-06', 12, 1_000_000], ['2029-02-03', 12, 1_500_000], ['2029-03-03', 3, 1_000_000]] as const) {
      const day = await marketDayWith(t, date, vendors.slice(0, count));
      for (const v of vendors.slice(0, count)) await record(date, day, v.id, amount);
    }
  }, 120_000);
  afterEach(() => cityClock.setNow(undefined));
  afterAll(() => t?.close());

  it('gives staff the turnover of the current versions, its growth on the previous equal period, reconciled with turnoverTotals', async () => {
    const r = (await staff.ok<any>(TURNOVER, { y: 2029, f: 1, t: 2 })).saboakKoepanImpact;
    expect(r.months).toEqual([{ month: '2029-01', turnover: 12_000_000 }, { month: '2029-02', turnover: 18_000_000 }]);
    expect(r).toMatchObject({ turnover: 30_000_000, previousPeriodTurnover: 6_000_000, turnoverGrowth: 4 }); // Nov–Dec 2028
    const totals = (await staff.ok<any>(TOTALS, { f: '2028-12-01', t: '2029-03-31' })).turnoverTotals;
    const year = (await staff.ok<any>(TURNOVER, { y: 2029 })).saboakKoepanImpact;
    expect(year.turnover + 6_000_000).toBe(totals.total);
    expect(year.previousPeriodTurnover).toBe(6_000_000);
  });

  it('counts a correction once (the new version replaces the old), and disputes and confirmations change nothing', async () => {
    const vendor = await signedIn(t, vendors[0].phone);
    const feb = reports[`2029-02-03|${vendors[0].id}`];
    const fix = await staff.ok<any>(CORRECT, { i: { reportId: feb, amount: 2_000_000, reason: 'salah ketik, seharusnya Rp 2.000.000' } });
    expect(fix.correctTurnover.userErrors).toEqual([]);
    const jan = reports[`2029-01-06|${vendors[1].id}`];
    expect((await vendor.ok<any>(CONFIRM, { i: { reportId: fix.correctTurnover.report.id } })).confirmTurnover.userErrors).toEqual([]);
    const other = await signedIn(t, vendors[1].phone);
    expect((await other.ok<any>(DISPUTE, { i: { reportId: jan, comment: 'Saya jual lebih banyak' } })).disputeTurnover.userErrors).toEqual([]);
    const r = (await staff.ok<any>(TURNOVER, { y: 2029, f: 1, t: 2 })).saboakKoepanImpact;
    expect(r.months).toEqual([{ month: '2029-01', turnover: 12_000_000 }, { month: '2029-02', turnover: 18_500_000 }]);
    const totals = (await staff.ok<any>(TOTALS, { f: '2029-01-01', t: '2029-02-28' })).turnoverTotals;
    expect(totals.total).toBe(30_500_000);
    const kept = await rollup();
    await t.sql(`select impact.market_turnover_rebuild()`);
    expect(await rollup()).toEqual(kept);
  });

  it('hides from a partner a month made of a few figures, and every sum or growth that includes it', async () => {
    cityClock.setNow(new Date('2030-01-15T02:00:00Z')); // partners see closed months only
    const r = (await partner.ok<any>(TURNOVER, { y: 2029, f: 1, t: 3 })).saboakKoepanImpact;
    expect(r.suppressionApplied).toBe(true);
    expect(r.months).toEqual([{ month: '2029-01', turnover: 12_000_000 }, { month: '2029-02', turnover: 18_500_000 }, { month: '2029-03', turnover: null }]);
    expect(r.turnover).toBeNull();
    expect(r.turnoverGrowth).toBeNull();
    const q = (await partner.ok<any>(TURNOVER, { y: 2029, f: 1, t: 2 })).saboakKoepanImpact;
    expect(q).toMatchObject({ turnover: 30_500_000, previousPeriodTurnover: 6_000_000 });
    expect(q.turnoverGrowth).toBeCloseTo(30_500_000 / 6_000_000 - 1, 4);
  });
});
