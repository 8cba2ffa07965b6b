import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { MarketBooking } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { Vendor } from './entities/vendor.entity';
import { Region } from '../region/region.entity';

function byId<T extends { id: string }>(entity: new (...args: never[]) => T): LoaderFactory<string, T | undefined> {
  return (ctx) =>
    new DataLoader(async (ids) => {
      const rows = (await ctx.em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id));
    });
}

/** One statement per request for every vendor, stall or day a list of bookings refers to. */
export const vendorLoader = byId(Vendor);
export const stallLoader = byId(MarketStall);
export const marketDayLoader = byId(MarketDay);

export const regionLoader: LoaderFactory<string, Region | undefined> = (ctx) =>
  new DataLoader(async (codes) => {
    const rows = await ctx.em.find(Region, { code: { $in: [...codes] } });
    return codes.map((c) => rows.find((r) => r.code === c));
  });

/** The signed-in vendor's booking for each of many days (the vendor's view of the calendar). */
export const myBookingByDayLoader: LoaderFactory<string, MarketBooking | undefined> = (ctx) =>
  new DataLoader(async (dayIds) => {
    const rows = ctx.user
      ? await ctx.em.find(MarketBooking, { marketDay: { $in: [...dayIds] }, vendor: { user: ctx.user.id } }, { orderBy: { createdAt: 'desc' } })
      : [];
    return dayIds.map((id) => rows.find((b) => b.marketDay.id === id && b.status !== 'CANCELLED') ?? rows.find((b) => b.marketDay.id === id));
  });
