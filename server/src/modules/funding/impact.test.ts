import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkVendors } from '../../../test/market.fixtures';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { ConfigError, loadConfig } from '../../config';
import { cityClock } from '../../platform/wita-clock';
import { CREATE_SOURCE, RECORD } from './funding.fixtures';

const YEAR = 2030;
const FIG = 'value suppressed';
/** A PostgreSQL array literal (the query builder would spread a JS array into a list). */
const pgArray = (ids: string[]) => `{${ids.join(',')}}`;
const TABLE = `months rows { key label cells { ${FIG} } total { ${FIG} } } monthTotals { ${FIG} } total { ${FIG} }`;
const IMPACT = `query($y: Int!, $f: Int, $t: Int) { saboakKoepanImpact(year: $y, fromMonth: $f, toMonth: $t) {
  year suppressionApplied minCell partnerShareOfFunding vendorsServedInYear { ${FIG} } expenditure costPerStallDay
  months { month marketDaysHeld stallDays { ${FIG} } vendorsServed { ${FIG} } expenditure }
  stallDaysByCategory { ${TABLE} } stallDaysByKelurahan { year rows { key label value { ${FIG} } } total { ${FIG} } } } }`;

/** Market days of 2030 with the first `vendors` vendors checked in on each. */
async function marketMonth(t: TestApp, dates: string[], vendorIds: string[], stallIds: string[]) {
  for (const date of dates) {
    const [{ id }] = await t.sql<{ id: string }>(
      `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
       values (gen_random_uuid(), now(), now(), ?::date, 'ALLOCATED', ?::date - 7, ?::date - 2, ?::date - 1, ?::date + interval '10 hours', ?::date - 2) returning id`,
      [date, date, date, date, date, date],
    );
    await t.sql(
      `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
       select gen_random_uuid(), now(), now(), ?, v, s, 'CHECKED_IN', now(), now() from unnest(?::uuid[], ?::uuid[]) as x(v, s)`,
      [id, pgArray(vendorIds), pgArray(stallIds.slice(0, vendorIds.length))],
    );
  }
}

describe('SABOAK KOEPAN impact from the market tables, suppressed for partners (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let partner: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@kupang.demo');
    partner = await t.as('mitra@kupang.demo');
    const vendors = (await bulkVendors(t, 9000, 24)).map((v) => v.vendorId);
    // Four vendors live in another kelurahan: a small group a partner must not see.
    await t.sql(`update market_vendor set kelurahan_code = '53.71.04.1001' where id = any(?::uuid[])`, [pgArray(vendors.slice(20, 24))]);
    const stalls = await t.sql<{ id: string }>(
      `insert into market_stall (id, created_at, updated_at, code, zone, position) select gen_random_uuid(), now(), now(), 'Z-' || p, 'Z', p from generate_series(1, 30) p returning id`,
    );
    const stallIds = stalls.map((s) => s.id);
    await marketMonth(t, ['2030-01-05', '2030-01-06', '2030-01-12', '2030-01-13'], vendors.slice(0, 24), stallIds);
    await marketMonth(t, ['2030-02-02', '2030-02-03', '2030-02-09', '2030-02-10'], vendors.slice(0, 15), stallIds);
    await marketMonth(t, ['2030-03-07'], vendors.slice(0, 3), stallIds);
    const src = await admin.ok<any>(CREATE_SOURCE, { i: { kind: 'APBD', name: 'APBD pasar 2030', fiscalYear: YEAR } });
    const sourceId = src.createFundingSource.fundingSource.id;
    for (const [date, amount] of [['2030-01-20', 9_600_000], ['2030-02-20', 6_000_000]] as const) {
      await admin.ok(RECORD, { i: { sourceId, type: 'EXPENDITURE', program: 'SABOAK_KOEPAN', purpose: 'MARKET_DAY', amount, valueDate: date } });
    }
    // Money paid in: APBD 30 juta, the demo partner's CSR 10 juta.
    await admin.ok(RECORD, { i: { sourceId, type: 'DISBURSEMENT', program: 'SABOAK_KOEPAN', purpose: 'MARKET_DAY', amount: 30_000_000, valueDate: '2030-01-02' } });
    const bank = (await admin.ok<any>('{ partners { id name } }')).partners.find((p: any) => p.name.startsWith('Bank Flobamora')).id;
    const csr = await admin.ok<any>(CREATE_SOURCE, { i: { kind: 'CSR', name: 'CSR pasar 2030', fiscalYear: YEAR, partnerId: bank } });
    await admin.ok(RECORD, { i: { sourceId: csr.createFundingSource.fundingSource.id, type: 'DISBURSEMENT', program: 'SABOAK_KOEPAN', purpose: 'TRAINING', amount: 10_000_000, valueDate: '2030-01-03' } });
    // Partners see closed months only: look in January 2031, when all of 2030 is published.
    cityClock.setNow(new Date('2031-01-15T02:00:00Z'));
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  it('gives staff exact figures that reconcile with the bookings table and the ledger', async () => {
    const r = await admin.ok<any>(IMPACT, { y: YEAR });
    const imp = r.saboakKoepanImpact;
    expect(imp.suppressionApplied).toBe(false);
    const [jan, feb, mar] = imp.months;
    expect(jan).toMatchObject({ month: '2030-01', marketDaysHeld: 4, stallDays: { value: 96 }, vendorsServed: { value: 24 }, expenditure: 9_600_000 });
    expect(feb).toMatchObject({ marketDaysHeld: 4, stallDays: { value: 60 }, vendorsServed: { value: 15 } });
    expect(mar).toMatchObject({ marketDaysHeld: 1, stallDays: { value: 3 }, vendorsServed: { value: 3 } });
    const [{ n }] = await t.sql(`select count(*)::int n from market_booking b join market_day d on d.id = b.market_day_id where b.status = 'CHECKED_IN' and extract(year from d.date) = 2030`);
    expect(imp.stallDaysByCategory.total.value).toBe(n);
    expect(imp.stallDaysByKelurahan.total.value).toBe(n);
    const rowSum = imp.stallDaysByCategory.rows.reduce((s: number, row: any) => s + row.total.value, 0);
    expect(rowSum).toBe(n);
    expect(imp.stallDaysByKelurahan.rows.map((x: any) => x.label)).toContain('Naimata');
    expect(imp.expenditure).toBe(15_600_000);
    expect(imp.costPerStallDay).toBe(Math.round(15_600_000 / n));
    expect(r.sqlStatements).toBeLessThanOrEqual(3);
  });

  it('suppresses small counts for a partner so that no row or column leaves a single hidden figure', async () => {
    const exact = (await admin.ok<any>(IMPACT, { y: YEAR })).saboakKoepanImpact;
    const imp = (await partner.ok<any>(IMPACT, { y: YEAR })).saboakKoepanImpact;
    expect(imp.suppressionApplied).toBe(true);
    expect(imp.minCell).toBe(10);
    expect(exact.partnerShareOfFunding).toBeNull();
    expect(imp.partnerShareOfFunding).toBe(0.25); // 10 of the 40 juta paid in to the market in 2030
    expect(imp.months[2].stallDays).toEqual({ value: null, suppressed: true });
    expect(imp.months[2].vendorsServed).toEqual({ value: null, suppressed: true });
    {
      const p = imp.stallDaysByCategory;
      const e = exact.stallDaysByCategory;
      const lines: { suppressed: boolean }[][] = [
        ...p.rows.map((row: any) => [...row.cells, row.total]),
        [...p.monthTotals, p.total],
        ...p.months.map((_: string, j: number) => [...p.rows.map((row: any) => row.cells[j]), p.monthTotals[j]]),
        [...p.rows.map((row: any) => row.total), p.total],
      ];
      for (const line of lines) expect(line.filter((f) => f.suppressed).length).not.toBe(1);
      p.rows.forEach((row: any, i: number) =>
        row.cells.forEach((f: any, j: number) => {
          if (f.suppressed) return;
          expect(f.value).toBe(e.rows[i].cells[j].value);
          expect(f.value === 0 || f.value >= 10).toBe(true);
        }),
      );
    }
    // Coverage by kelurahan (whole year): the same rules on its one column.
    const cov = imp.stallDaysByKelurahan;
    expect([...cov.rows.map((r: any) => r.value), cov.total].filter((f: any) => f.suppressed).length).not.toBe(1);
    cov.rows.forEach((r: any, i: number) => {
      if (!r.value.suppressed) expect(r.value.value).toBe(exact.stallDaysByKelurahan.rows[i].value.value);
      if (!r.value.suppressed) expect(r.value.value === 0 || r.value.value >= 10).toBe(true);
    });
    // March's total is hidden, so the year's is, and the coverage total with it: shown in full, the
    // kelurahan would add up to the year and give March back. So one kelurahan hides too, the smaller
    // (Oebobo: 4 vendors × 4 days), and the other stays exact.
    expect(cov.total.suppressed).toBe(true);
    expect(cov.rows.find((r: any) => r.key === '53.71.04.1001').value).toEqual({ value: null, suppressed: true });
    expect(cov.rows.filter((r: any) => !r.value.suppressed)).toHaveLength(cov.rows.length - 1);
  });

  it('shows the same figures to overlapping period queries, and hides a period total that would include a hidden month', async () => {
    const q = async (f: number, to: number) => (await partner.ok<any>(IMPACT, { y: YEAR, f, t: to })).saboakKoepanImpact;
    const janFeb = await q(1, 2);
    const janMar = await q(1, 3);
    expect(janFeb.months.map((m: any) => m.stallDays)).toEqual(janMar.months.slice(0, 2).map((m: any) => m.stallDays));
    expect(janFeb.stallDaysByCategory.rows.map((r: any) => r.cells)).toEqual(janMar.stallDaysByCategory.rows.map((r: any) => r.cells.slice(0, 2)));
    expect(janMar.stallDaysByCategory.total.suppressed).toBe(true);
    expect(janMar.costPerStallDay).toBeNull();
  });

  it('keeps the rollups equal to the bookings when check-ins are undone and days cancelled', async () => {
    await t.sql(`update market_booking set status = 'NO_SHOW', checked_in_at = null
                  where id in (select b.id from market_booking b join market_day d on d.id = b.market_day_id where d.date = '2030-02-02' limit 5)`);
    await t.sql(`update market_booking set status = 'CANCELLED', cancelled_at = now(), checked_in_at = null
                  where market_day_id = (select id from market_day where date = '2030-03-07')`);
    const raw = await t.sql<{ m: number; stall_days: number; vendors: number; days: number }>(
      `select extract(month from d.date)::int m, count(*)::int stall_days, count(distinct b.vendor_id)::int vendors, count(distinct d.id)::int days
         from market_booking b join market_day d on d.id = b.market_day_id
        where b.status = 'CHECKED_IN' and extract(year from d.date) = 2030 group by 1 order by 1`,
    );
    const imp = (await admin.ok<any>(IMPACT, { y: YEAR })).saboakKoepanImpact;
    const fromRollup = imp.months
      .filter((m: any) => m.stallDays.value > 0)
      .map((m: any) => ({ m: Number(m.month.slice(5)), stall_days: m.stallDays.value, vendors: m.vendorsServed.value, days: m.marketDaysHeld }));
    expect(fromRollup).toEqual(raw);
    expect(raw.find((r) => r.m === 2)!.stall_days).toBe(55);
    expect(imp.months[2]).toMatchObject({ marketDaysHeld: 0, stallDays: { value: 0 }, vendorsServed: { value: 0 } });
  });

  it('rebuilds the rollups when a restore truncates and re-inserts the bookings (as backup restore does)', async () => {
    const before = (await admin.ok<any>(IMPACT, { y: YEAR })).saboakKoepanImpact;
    await t.sql(`begin; create temporary table saved as select * from market_booking; truncate market_booking cascade;
                 insert into market_booking select * from saved; drop table saved; commit;`);
    const after = (await admin.ok<any>(IMPACT, { y: YEAR })).saboakKoepanImpact;
    expect(after.months).toEqual(before.months);
    expect(after.stallDaysByKelurahan).toEqual(before.stallDaysByKelurahan);
  });

  it('refuses a bad period with a clear error', async () => {
    const r = await partner.request(IMPACT, { y: YEAR, f: 5, t: 2 });
    expect(r.errors?.[0].extensions?.code).toBe('FUNDING_INVALID_PERIOD');
  });

  it('validates IMPACT_MIN_CELL (2–1000) with a clear message', () => {
    expect(loadConfig({ NODE_ENV: 'test', IMPACT_MIN_CELL: '25' }).impactMinCell).toBe(25);
    for (const bad of ['1', '1001', 'ten', '2.5']) {
      expect(() => loadConfig({ NODE_ENV: 'test', IMPACT_MIN_CELL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', IMPACT_MIN_CELL: bad })).toThrow(/IMPACT_MIN_CELL must be a whole number from 2 to 1000/);
    }
  });
});
