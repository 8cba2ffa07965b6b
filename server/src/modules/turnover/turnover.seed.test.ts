import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { seedMarketDemo } from '../market/market.seed';
import { seedTurnoverDemo } from './turnover.seed';

describe('turnover demo data (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('shows what the city told BKKBN in August 2025, only for checked-in vendors, and is safe to run twice', async () => {
    // Tests seed without the long history (see seedTurnoverDemo); here it is added in full, with
    // the market's vendors of those months.
    await seedMarketDemo(t.em(), createLogger('silent'), { history: true });
    await seedTurnoverDemo(t.em(), createLogger('silent'), { history: true });
    const summary = async () =>
      (
        await t.sql(`select count(*)::int as reports, sum(amount) filter (where current)::text as total, min(d.date)::text as first,
                            count(*) filter (where t.status = 'DISPUTED')::int as disputed, count(*) filter (where not current)::int as old
                       from turnover_report t join market_day d on d.id = t.market_day_id`)
      )[0];
    const before = await summary();
    expect(before.first).toBe('2025-06-07');
    expect(before).toMatchObject({ disputed: 2, old: 1 });

    // "About 80 UMKM with about Rp 1,2 miliar of turnover in the market's first two months."
    const [firstTwo] = await t.sql(
      `select count(distinct t.vendor_id)::int as vendors, sum(t.amount)::text as total
         from turnover_report t join market_day d on d.id = t.market_day_id where t.current and d.date between '2025-06-01' and '2025-07-31'`,
    );
    expect(firstTwo.vendors).toBeGreaterThanOrEqual(75);
    expect(firstTwo.vendors).toBeLessThanOrEqual(85);
    expect(Number(firstTwo.total)).toBeGreaterThan(1_100_000_000);
    expect(Number(firstTwo.total)).toBeLessThan(1_300_000_000);

    const [{ orphans }] = await t.sql(`select count(*)::int as orphans from turnover_report t join market_booking b on b.id = t.booking_id where b.status <> 'CHECKED_IN'`);
    expect(orphans).toBe(0);
    const [{ future }] = await t.sql(`select count(*)::int as future from turnover_report t join market_day d on d.id = t.market_day_id where d.date >= (now() at time zone 'Asia/Makassar')::date`);
    expect(future).toBe(0);
    await seedMarketDemo(t.em(), createLogger('silent'), { history: true });
    await seedTurnoverDemo(t.em(), createLogger('silent'), { history: true });
    expect(await summary()).toEqual(before);
  });
});
