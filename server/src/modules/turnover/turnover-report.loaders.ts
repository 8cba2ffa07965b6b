import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { User } from '../user/user.entity';
import { TurnoverReport } from './turnover-report.entity';

/** Every version of the reports of many (vendor, day) pairs in one statement; key `vendorId|dayId`. */
export const turnoverHistoryLoader: LoaderFactory<string, TurnoverReport[]> = (ctx) =>
  new DataLoader(async (keys) => {
    const pairs = keys.map((k) => k.split('|'));
    const rows = await ctx.em.find(
      TurnoverReport,
      { $or: pairs.map(([vendor, marketDay]) => ({ vendor, marketDay })) },
      { orderBy: { version: 'desc' } },
    );
    return pairs.map(([v, d]) => rows.filter((r) => r.vendor.id === v && r.marketDay.id === d));
  });

/** Names of the staff who logged or settled reports, one statement per request. */
export const staffNameLoader: LoaderFactory<string, string | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(User, { id: { $in: [...ids] } }, { fields: ['id', 'fullName'] });
    return ids.map((id) => rows.find((u) => u.id === id)?.fullName);
  });
