import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { approvedVendors, phoneOf, signedIn } from '../../../test/market.fixtures';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { CONFIRM, DISPUTE, marketDayWith, RECORD } from '../../../test/turnover.fixtures';

const TOTALS = `query($p: TurnoverPeriod!, $g: TurnoverGroupBy, $f: LocalDate!, $t: LocalDate!) {
  turnoverTotals(period: $p, groupBy: $g, from: $f, to: $t) { total truncated rows { periodStart groupKey groupLabel amount previousAmount growthPercent vendors marketDays } } }`;
const GRID = `query($d: ID!) { turnoverDayGrid(marketDayId: $d) { checkedIn recorded total rows { stallCode vendor { businessName } booking { status } report { amount status } } } }`;
const MY = `query($f: LocalDate, $t: LocalDate) { myTurnover(from: $f, to: $t) { total awaitingAnswer months { month amount marketDays } days(first: 100) { totalCount nodes { id amount status vendor { businessName } marketDay { date } history { version amount } } } } }`;
const MY_PAGE = `query($f: LocalDate, $t: LocalDate, $n: Int, $a: String) { myTurnover(from: $f, to: $t) { total days(first: $n, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { marketDay { date } } } } }`;
const REPORTS = `query($s: TurnoverStatus) { turnoverReports(first: 50, status: $s) { totalCount nodes { amount status disputeComment vendor { businessName } marketDay { date } } } }`;

describe('turnover totals, day grid and lists (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let a: { id: string; phone: string };
  let b: { id: string; phone: string };
  let c: { id: string; phone: string };
  const days: Record<string, string> = {};
  let n = 0;
  const record = async (vendorId: string, date: string, amount: number) => {
    const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: `totals-${++n}-${date}`, vendorId, marketDayId: days[date], amount, confirmImplausible: true } });
    if (r.recordTurnover.userErrors.length) throw new Error(JSON.stringify(r.recordTurnover.userErrors));
    return r.recordTurnover.report;
  };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    [a] = await approvedVendors(t, staff, 800, 1, 'KULINER');
    [b] = await approvedVendors(t, staff, 801, 1, 'TENUN_FESYEN');
    [c] = await approvedVendors(t, staff, 802, 1, 'KULINER');
    await t.sql(`update market_vendor set kelurahan_code = '53.71.04.1001' where id = ?`, [c.id]);
    for (const d of ['2029-06-02', '2029-06-03', '2029-06-09', '2029-06-10', '2029-07-07']) days[d] = await marketDayWith(t, d, [{ id: a.id }, { id: b.id }, { id: c.id }]);
    // June 2029: a tenun weaver sells two large orders, so the month passes Rp 2.147.483.647 (the 32-bit limit).
    await record(a.id, '2029-06-02', 1_000_000);
    await record(b.id, '2029-06-02', 1_500_000_000);
    await record(c.id, '2029-06-03', 2_000_000);
    await record(a.id, '2029-06-09', 1_500_000);
    await record(b.id, '2029-06-09', 1_600_000_000);
    await record(c.id, '2029-06-09', 2_500_000);
    await record(a.id, '2029-07-07', 3_000_000);
  });
  afterAll(() => t?.close());

  it('monthly totals pass 2,147,483,647 exactly, with growth against the month before, in one SQL statement', async () => {
    const base = (await staff.request('{ __typename }')).sqlStatements;
    const r = await staff.ok<any>(TOTALS, { p: 'MONTH', g: 'NONE', f: '2029-06-01', t: '2029-07-31' });
    expect(r.turnoverTotals.total).toBe(3_110_000_000);
    expect(r.turnoverTotals.rows).toEqual([
      { periodStart: '2029-06-01', groupKey: null, groupLabel: null, amount: 3_107_000_000, previousAmount: null, growthPercent: null, vendors: 3, marketDays: 3 },
      { periodStart: '2029-07-01', groupKey: null, groupLabel: null, amount: 3_000_000, previousAmount: 3_107_000_000, growthPercent: -99.9, vendors: 1, marketDays: 1 },
    ]);
    expect(r.sqlStatements).toBe(base + 1);
  });

  it.each([
    ['WEEKEND', 'NONE', [['2029-06-02', null, 1_503_000_000, null, null], ['2029-06-09', null, 1_604_000_000, 1_503_000_000, 6.7], ['2029-07-07', null, 3_000_000, null, null]]],
    ['DAY', 'NONE', [['2029-06-02', null, 1_501_000_000, null, null], ['2029-06-03', null, 2_000_000, null, null], ['2029-06-09', null, 1_604_000_000, 1_501_000_000, 6.9], ['2029-07-07', null, 3_000_000, null, null]]],
    ['MONTH', 'CATEGORY', [['2029-06-01', 'TENUN_FESYEN', 3_100_000_000, null, null], ['2029-06-01', 'KULINER', 7_000_000, null, null], ['2029-07-01', 'KULINER', 3_000_000, 7_000_000, -57.1]]],
    ['YEAR', 'KELURAHAN', [['2029-01-01', '53.71.02.1004', 3_105_500_000, null, null], ['2029-01-01', '53.71.04.1001', 4_500_000, null, null]]],
  ])('%s by %s, each in one statement whatever the breakdown', async (p, g, expected) => {
    const base = (await staff.request('{ __typename }')).sqlStatements;
    const r = await staff.ok<any>(TOTALS, { p, g, f: '2029-06-01', t: '2029-07-31' });
    expect(r.turnoverTotals.rows.map((x: any) => [x.periodStart, x.groupKey, x.amount, x.previousAmount, x.growthPercent])).toEqual(expected);
    expect(r.turnoverTotals.total).toBe(3_110_000_000);
    expect(r.sqlStatements).toBe(base + 1);
  });

  it('by vendor, the previous period is the same vendor; labels name the business', async () => {
    const r = await staff.ok<any>(TOTALS, { p: 'WEEKEND', g: 'VENDOR', f: '2029-06-08', t: '2029-06-10' });
    const bRow = r.turnoverTotals.rows.find((x: any) => x.groupKey === b.id);
    expect(bRow).toMatchObject({ amount: 1_600_000_000, previousAmount: 1_500_000_000, growthPercent: 6.7, groupLabel: expect.stringMatching(/^Usaha Mama 801 \(UMKM-\d{5}\)$/) });
    expect(r.turnoverTotals.total).toBe(1_604_000_000);
  });

  it('stays exact up to 9,007,199,254,740,991 rupiah and refuses (clearly, never rounded) a total beyond what a JSON number holds', async () => {
    const [d1, d2] = [await marketDayWith(t, '2031-03-01', [{ id: a.id }]), await marketDayWith(t, '2031-03-02', [{ id: a.id }])];
    const put = async (day: string, amount: string) => {
      const [bk] = await t.sql(`select id from market_booking where market_day_id = ?`, [day]);
      await t.sql(`insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, amount, status, recorded_at)
                   values (gen_random_uuid(), now(), now(), ?, ?, ?, 1, ?::bigint, 'RECORDED', now())`, [bk.id, a.id, day, amount]);
    };
    await put(d1, '9007199254740991');
    const safe = await staff.ok<any>(TOTALS, { p: 'DAY', g: 'NONE', f: '2031-03-01', t: '2031-03-01' });
    expect(safe.turnoverTotals.total).toBe(Number.MAX_SAFE_INTEGER);
    await put(d2, '1000');
    const beyond = await staff.request<any>(TOTALS, { p: 'YEAR', g: 'NONE', f: '2031-01-01', t: '2031-12-31' });
    expect(beyond.errors?.[0]).toMatchObject({ extensions: { code: 'TURNOVER_TOTAL_TOO_LARGE' }, message: expect.stringContaining('Rp 9.007.199.254.740.991') });
    expect(await t.sql(`select sum(amount)::text as s from turnover_report where market_day_id in (?, ?)`, [d1, d2])).toEqual([{ s: '9007199254741991' }]);
    // An amount beyond the safe range is refused on input too, not rounded.
    const tooBig = await staff.request<any>(`mutation { recordTurnover(input: { idempotencyKey: "too-big-1", vendorId: "${a.id}", marketDayId: "${d2}", amount: 9007199254740993 }) { userErrors { code } } }`);
    expect(tooBig.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a range upside down or longer than ten years', async () => {
    const r = await staff.request<any>(TOTALS, { p: 'YEAR', g: 'NONE', f: '2029-06-01', t: '2029-05-31' });
    expect(r.errors?.[0].extensions?.code).toBe('TURNOVER_RANGE_INVALID');
  });

  it('the day grid lists every checked-in vendor with her figure in a constant number of statements', async () => {
    const small = await marketDayWith(t, '2029-08-04', [{ id: a.id }]);
    const smallGrid = await staff.ok<any>(GRID, { d: small });
    const grid = await staff.ok<any>(GRID, { d: days['2029-06-09'] });
    expect(grid.turnoverDayGrid).toMatchObject({ checkedIn: 3, recorded: 3, total: 1_604_000_000 });
    expect(grid.turnoverDayGrid.rows.map((r: any) => r.report.amount).sort()).toEqual([1_500_000, 1_600_000_000, 2_500_000].sort());
    const june10 = await staff.ok<any>(GRID, { d: days['2029-06-10'] });
    expect(june10.turnoverDayGrid).toMatchObject({ checkedIn: 3, recorded: 0, total: 0 });
    expect(grid.sqlStatements).toBe(smallGrid.sqlStatements);
    expect(june10.sqlStatements).toBe(smallGrid.sqlStatements);
  });

  it('her own turnover by day and month; the disputes queue for staff', async () => {
    const mama = await signedIn(t, phoneOf(800));
    const mine = await mama.ok<any>(MY, { f: '2029-01-01', t: '2029-12-31' });
    expect(mine.myTurnover.months).toEqual([
      { month: '2029-06', amount: 2_500_000, marketDays: 2 },
      { month: '2029-07', amount: 3_000_000, marketDays: 1 },
    ]);
    expect(mine.myTurnover.total).toBe(5_500_000);
    expect(mine.myTurnover.awaitingAnswer).toBe(3);
    expect(mine.myTurnover.days.nodes.map((d: any) => d.marketDay.date)).toEqual(['2029-07-07', '2029-06-09', '2029-06-02']);
    await mama.ok(CONFIRM, { i: { reportId: mine.myTurnover.days.nodes[0].id } });
    await mama.ok(DISPUTE, { i: { reportId: mine.myTurnover.days.nodes[1].id, comment: 'Seharusnya Rp 1.750.000' } });
    const queue = await staff.ok<any>(REPORTS, { s: 'DISPUTED' });
    // The demo data has two disputes of its own; hers is among them.
    expect(queue.turnoverReports.nodes.filter((n: any) => n.vendor.businessName === 'Usaha Mama 800')).toEqual([{ amount: 1_500_000, status: 'DISPUTED', disputeComment: 'Seharusnya Rp 1.750.000', vendor: { businessName: 'Usaha Mama 800' }, marketDay: { date: '2029-06-09' } }]);
  });

  it('her days come in pages (first up to 100) over up to ten years, each page in the same number of statements', async () => {
    const mama = await signedIn(t, phoneOf(800));
    const range = { f: '2020-01-01', t: '2029-12-31' };
    const one = await mama.ok<any>(MY_PAGE, { ...range, n: 2 });
    expect(one.myTurnover.days.totalCount).toBe(3);
    expect(one.myTurnover.days.nodes.map((d: any) => d.marketDay.date)).toEqual(['2029-07-07', '2029-06-09']);
    expect(one.myTurnover.days.pageInfo.hasNextPage).toBe(true);
    const two = await mama.ok<any>(MY_PAGE, { ...range, n: 2, a: one.myTurnover.days.pageInfo.endCursor });
    expect(two.myTurnover.days.nodes.map((d: any) => d.marketDay.date)).toEqual(['2029-06-02']);
    expect(two.myTurnover.days.pageInfo.hasNextPage).toBe(false);
    expect(two.sqlStatements).toBe(one.sqlStatements);
    const all = await mama.ok<any>(MY_PAGE, { ...range, n: 100 });
    expect(all.sqlStatements).toBe(one.sqlStatements);
    const tooMany = await mama.request<any>(MY_PAGE, { ...range, n: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('PAGE_SIZE_OUT_OF_RANGE');
  });

  it("a vendor never reads another vendor's turnover, by any operation", async () => {
    const mama = await signedIn(t, phoneOf(800));
    for (const [q, v] of [
      [TOTALS, { p: 'DAY', g: 'VENDOR', f: '2029-06-01', t: '2029-07-31' }],
      [GRID, { d: days['2029-06-09'] }],
      [REPORTS, {}],
    ] as const) {
      const r = await mama.request(q, v);
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.data ?? null).toBeNull();
    }
    // Her own view holds only her figures and their history, however wide the range.
    const mine = await mama.ok<any>(MY, { f: '2029-01-01', t: '2029-12-31' });
    const text = JSON.stringify(mine);
    expect(text).not.toContain('1600000000');
    expect(text).not.toContain('Usaha Mama 801');
    expect(mine.myTurnover.days.nodes.every((d: any) => d.vendor.businessName === 'Usaha Mama 800')).toBe(true);
    // The weaver sees hers only, and her market bookings carry no one else's figure either.
    const weaver = await signedIn(t, phoneOf(801));
    const hers = await weaver.ok<any>(MY, { f: '2029-01-01', t: '2029-12-31' });
    expect(hers.myTurnover.total).toBe(3_100_000_000);
    // A staff-only field on her own report is refused too.
    const who = await weaver.request<any>('{ myTurnover(from: "2029-01-01", to: "2029-12-31") { days { nodes { recordedByName } } } }');
    expect(who.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
