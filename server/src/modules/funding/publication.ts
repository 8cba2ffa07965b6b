import type { RequestContext } from '../../graphql/context';
import { cityClock, witaDate } from '../../platform/wita-clock';

/**
 * The publication rule for every figure a partner sees (and every other published, suppressed
 * figure): live figures would let a partner who asks again and again see single deliveries or
 * market days come in (205 families, then 206 after one delivery). So partners see closed months
 * only. A month is published from the 1st of the next month at 00.00 WITA, or later, once every
 * Ina Kasih distribution round of that month is closed; a range of months ends at the last
 * published month. Staff and administrators see live figures.
 *
 * Returns the last published month of `year` (0 = none yet, 12 = the whole year): one statement,
 * and none for a year that has not begun.
 */
export async function lastPublishedMonth(ctx: RequestContext, year: number): Promise<number> {
  const [thisYear, thisMonth] = witaDate(cityClock.now()).split('-').map(Number);
  const byCalendar = year < thisYear ? 12 : year === thisYear ? thisMonth - 1 : 0;
  if (byCalendar === 0) return 0;
  const [{ open }] = await ctx.em.getConnection().execute<{ open: number | null }[]>(
    `select min(extract(month from month))::int as open from ina_distribution_round where status = 'OPEN' and month >= ?::date and month < ?::date`,
    [`${year}-01-01`, `${year + 1}-01-01`],
  );
  return open === null ? byCalendar : Math.min(byCalendar, open - 1);
}
