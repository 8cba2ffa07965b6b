import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlClient } from '../../../test/graphql-client';
import { bulkVendors } from '../../../test/market.fixtures';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';
import { marketDayWith, RECORD, RECORD_DAY } from '../../../test/turnover.fixtures';

/**
 * Two app instances (two server processes: separate connection pools) on one PostgreSQL get
 * the same figures at once, as a phone retrying over weak signal would send them.
 */
describe.runIf(requireRealPostgres('turnover races'))('turnover recording from two server processes (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let staffA: GraphqlClient;
  let staffB: GraphqlClient;
  let vendors: { vendorId: string }[];
  let day: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    vendors = await bulkVendors(a, 9000, 60);
    day = await marketDayWith(a, '2024-05-02', vendors.map((v) => ({ id: v.vendorId })));
    staffA = await a.as('pasar@kupang.demo');
    staffB = await b.as('pasar@kupang.demo');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('the same key sent to both processes at once stores one report per vendor, and both answers name it', async () => {
    const results = await fireAtOnce(80, (i) => {
      const n = i % 40;
      return (i % 2 ? staffA : staffB).ok<any>(RECORD, { i: { idempotencyKey: `race-same-${n}`, vendorId: vendors[n].vendorId, marketDayId: day, amount: 100_000 + n } });
    });
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<any>).value.recordTurnover);
    expect(values.filter((v) => v.userErrors.length)).toEqual([]);
    for (let n = 0; n < 40; n++) expect(values[n].report.id).toBe(values[n + 40].report.id);
    const [{ reports, distinct }] = await a.sql(`select count(*)::int as reports, count(distinct vendor_id)::int as distinct from turnover_report where market_day_id = ?`, [day]);
    expect({ reports, distinct }).toEqual({ reports: 40, distinct: 40 });
  });

  it('two different keys for the same vendor and day: one stored, the other told it is already recorded', async () => {
    const results = await fireAtOnce(40, (i) => {
      const n = 40 + (i % 20);
      return (i % 2 ? staffA : staffB).ok<any>(RECORD, { i: { idempotencyKey: `race-diff-${i}`, vendorId: vendors[n].vendorId, marketDayId: day, amount: 200_000 } });
    });
    const values = results.map((r) => (r as PromiseFulfilledResult<any>).value.recordTurnover);
    expect(values.filter((v) => v.report).length).toBe(20);
    expect(values.filter((v) => !v.report).map((v) => v.userErrors[0].code)).toEqual(Array(20).fill('TURNOVER_ALREADY_RECORDED'));
    expect(await a.sql(`select count(*)::int as n from turnover_report where market_day_id = ? and current`, [day])).toEqual([{ n: 60 }]);
  });
  it('the same day grid sent to both processes at once, and two grids overlapping with other keys: one report per vendor, every row answered', async () => {
    const gridDay = await marketDayWith(a, '2024-05-03', vendors.map((v) => ({ id: v.vendorId })));
    const rows = (tag: string, from: number, to: number) => vendors.slice(from, to).map((v, n) => ({ idempotencyKey: `${tag}-${from + n}`, vendorId: v.vendorId, amount: 300_000 + from + n }));
    const same = rows('grid-same', 0, 30);
    const [x, y] = await Promise.all([staffA.ok<any>(RECORD_DAY, { i: { marketDayId: gridDay, rows: same } }), staffB.ok<any>(RECORD_DAY, { i: { marketDayId: gridDay, rows: same } })]);
    expect([x.recordTurnoverDay.saved, y.recordTurnoverDay.saved]).toEqual([30, 30]);
    expect(y.recordTurnoverDay.rows.map((r: any) => r.report.id)).toEqual(x.recordTurnoverDay.rows.map((r: any) => r.report.id));
    // Vendors 40–49 in both grids under different keys: each stored once, the other grid told so.
    const [p, q] = await Promise.all([
      staffA.ok<any>(RECORD_DAY, { i: { marketDayId: gridDay, rows: rows('grid-p', 30, 50) } }),
      staffB.ok<any>(RECORD_DAY, { i: { marketDayId: gridDay, rows: rows('grid-q', 40, 60) } }),
    ]);
    const codes = [...p.recordTurnoverDay.rows, ...q.recordTurnoverDay.rows].map((r: any) => r.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK').length).toBe(30);
    expect(codes.filter((c) => c !== 'OK')).toEqual(Array(10).fill('TURNOVER_ALREADY_RECORDED'));
    expect(await a.sql(`select count(*)::int as n, count(distinct vendor_id)::int as d from turnover_report where market_day_id = ? and current`, [gridDay])).toEqual([{ n: 60, d: 60 }]);
  });
});
