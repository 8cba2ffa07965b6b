import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkVendors } from '../../../test/market.fixtures';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { marketDayWith } from '../../../test/turnover.fixtures';
import { cityClock } from '../../platform/wita-clock';

const FIG = 'value suppressed';
const GROUP = `vendors { ${FIG} } vendorMarketDays { ${FIG} } averagePerMarketDay`;
const IMPACT = `query($y: Int!, $f: Int, $t: Int) { saboakKoepanImpact(year: $y, fromMonth: $f, toMonth: $t) {
  suppressionApplied trainings { trainingsHeld attendances { ${FIG} } attendees { ${FIG} } trained { ${GROUP} } notTrained { ${GROUP} } } } }`;

/**
 * 2031: a training on 12 March with 11 of 14 vendors present (one more enrolled but absent), a
 * second on 9 April with 3 present. Market days 1 March (all 14 sell Rp 100.000) and 22 March
 * (the 11 trained sell Rp 200.000, the other 3 Rp 120.000).
 */
describe('trainings in the SABOAK KOEPAN impact report (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    cityClock.setNow(new Date('2031-12-31T00:00:00Z'));
    const vendors = (await bulkVendors(t, 9100, 14)).map((v) => v.vendorId);
    const training = async (date: string, present: string[], absent: string[]) => {
      const [{ id }] = await t.sql(
        `insert into training (id, created_at, updated_at, title, topic, starts_at, ends_at, place, trainer, capacity)
         values (gen_random_uuid(), now(), now(), 'Pembukuan ' || ?::text, 'BOOKKEEPING', ?::timestamptz, ?::timestamptz + interval '3 hours', 'Aula', 'Ibu Merry', 30) returning id`,
        [date, `${date}T01:00:00Z`, `${date}T01:00:00Z`],
      );
      await t.sql(
        `insert into training_enrolment (id, created_at, updated_at, training_id, vendor_id, status, requested_at, self_enrolled, attended, attendance_recorded_at)
         select gen_random_uuid(), now(), now(), ?, v, 'ENROLLED', now(), true, v = any(?::uuid[]), now() from unnest(?::uuid[]) v`,
        [id, `{${present.join(',')}}`, `{${[...present, ...absent].join(',')}}`],
      );
    };
    await training('2031-03-12', vendors.slice(0, 11), vendors.slice(11, 12));
    await training('2031-04-09', vendors.slice(11, 14), []);
    for (const [date, amount] of [['2031-03-01', (_: number) => 100_000], ['2031-03-22', (i: number) => (i < 11 ? 200_000 : 120_000)]] as const) {
      const day = await marketDayWith(t, date, vendors.map((id) => ({ id })));
      await t.sql(
        `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, current, amount, recorded_at)
         select gen_random_uuid(), now(), now(), b.id, b.vendor_id, b.market_day_id, 1, true, x.amount, now()
           from market_booking b join jsonb_to_recordset(?::jsonb) as x(vendor uuid, amount bigint) on x.vendor = b.vendor_id where b.market_day_id = ?`,
        [JSON.stringify(vendors.map((v, i) => ({ vendor: v, amount: amount(i) }))), day],
      );
    }
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  it('gives staff the exact figures, in one more SQL statement', async () => {
    const staff = await t.as('pasar@kupang.demo');
    const r = await staff.ok<any>(IMPACT, { y: 2031, f: 3, t: 3 });
    const shown = (value: number) => ({ value, suppressed: false });
    expect(r.saboakKoepanImpact.trainings).toEqual({
      trainingsHeld: 1,
      attendances: shown(11),
      attendees: shown(11),
      trained: { vendors: shown(11), vendorMarketDays: shown(11), averagePerMarketDay: 200_000 },
      // 14 × 100.000 on 1 March and 3 × 120.000 on 22 March: 1.760.000 / 17 = 103.529,4
      notTrained: { vendors: shown(14), vendorMarketDays: shown(17), averagePerMarketDay: 103_529 },
    });
    const without = await staff.ok<any>(`query($y: Int!, $f: Int, $t: Int) { saboakKoepanImpact(year: $y, fromMonth: $f, toMonth: $t) { suppressionApplied } }`, { y: 2031, f: 3, t: 3 });
    expect(r.sqlStatements).toBe(without.sqlStatements + 1);
  });

  it('gives a partner the trainings’ counts and the comparison for a whole published year only', async () => {
    const partner = await t.as('mitra@kupang.demo');
    const hidden = { value: null, suppressed: true };
    // While 2031 runs, nothing of it about vendors; a closed month's trainings held are shown.
    const running = (await partner.ok<any>(IMPACT, { y: 2031, f: 3, t: 3 })).saboakKoepanImpact;
    expect(running.suppressionApplied).toBe(true);
    expect(running.trainings).toEqual({ trainingsHeld: 1, attendances: hidden, attendees: hidden, trained: { vendors: hidden, vendorMarketDays: hidden, averagePerMarketDay: null }, notTrained: { vendors: hidden, vendorMarketDays: hidden, averagePerMarketDay: null } });
    cityClock.setNow(new Date('2032-01-15T02:00:00Z'));
    // Part of a year could be differenced against another part: hidden even once published.
    const march = (await partner.ok<any>(IMPACT, { y: 2031, f: 3, t: 3 })).saboakKoepanImpact.trainings;
    expect(march).toMatchObject({ trainingsHeld: 1, attendances: hidden, trained: { vendors: hidden, averagePerMarketDay: null } });
    const whole = (await partner.ok<any>(IMPACT, { y: 2031 })).saboakKoepanImpact.trainings;
    // Over the year the not-trained group has 14 vendors and 17 reports, the trained group 11 and 11: both shown.
    const shown = (value: number) => ({ value, suppressed: false });
    expect(whole).toEqual({
      trainingsHeld: 2,
      attendances: shown(14),
      attendees: shown(14),
      trained: { vendors: shown(11), vendorMarketDays: shown(11), averagePerMarketDay: 200_000 },
      notTrained: { vendors: shown(14), vendorMarketDays: shown(17), averagePerMarketDay: 103_529 },
    });
  });
});
