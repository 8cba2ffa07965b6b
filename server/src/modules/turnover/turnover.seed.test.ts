import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { seedTurnoverDemo } from './turnover.seed';

describe('turnover demo data (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('adds up to about Rp 4 billion since June 2025, only for checked-in vendors, and is safe to run twice', async () => {
    // Tests seed without the long history (see seedTurnoverDemo); here it is added in full.
    await seedTurnoverDemo(t.em(), createLogger('silent'), { history: true });
    const summary = async () =>
      (
        await t.sql(`select count(*)::int as reports, sum(amount) filter (where current)::text as total, min(d.date)::text as first,
                            count(*) filter (where t.status = 'DISPUTED')::int as disputed, count(*) filter (where not current)::int as old
                       from turnover_report t join market_day d on d.id = t.market_day_id`)
      )[0];
    const before = await summary();
    expect(before.first).toBe('2025-06-07');
    expect(Number(before.total)).toBeGreaterThan(3_500_000_000);
    expect(Number(before.total)).toBeLessThan(4_800_000_000);
    expect(before).toMatchObject({ disputed: 2, old: 1 });
    const [{ orphans }] = await t.sql(`select count(*)::int as orphans from turnover_report t join market_booking b on b.id = t.booking_id where b.status <> 'CHECKED_IN'`);
    expect(orphans).toBe(0);
    await seedTurnoverDemo(t.em(), createLogger('silent'), { history: true });
    expect(await summary()).toEqual(before);
  });
});
