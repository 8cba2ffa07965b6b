import DataLoader from 'dataloader';
import { plainRows } from '../../db/plain-sql';
import { idArray } from '../../db/row-shape';
import { rowsById } from '../../db/rows-by-id';
import type { LoaderFactory } from '../../graphql/loaders';
import { Region } from '../region/region.entity';
import { BOOKING, MARKET_DAY, STALL, VENDOR, type BookingRow, type MarketDayRow, type StallRow, type VendorRow } from './market.rows';

/** One statement per request for every vendor, stall or day a list of bookings refers to. */
export const vendorLoader = rowsById<VendorRow>('market_vendor', VENDOR);
export const stallLoader = rowsById<StallRow>('market_stall', STALL);
export const marketDayLoader = rowsById<MarketDayRow>('market_day', MARKET_DAY);

export const regionLoader: LoaderFactory<string, Region | undefined> = (ctx) =>
  new DataLoader(async (codes) => {
    const rows = await ctx.em.find(Region, { code: { $in: [...codes] } });
    return codes.map((c) => rows.find((r) => r.code === c));
  });

const MY_BOOKINGS_OF_DAYS_SQL = `select ${BOOKING.columns('b')}, ${STALL.columns('s', 's.')}
  from market_booking b
  join market_vendor v on v.id = b.vendor_id
  left join market_stall s on s.id = b.stall_id
 where b.market_day_id = any(?::uuid[]) and v.user_id = ?
 order by b.created_at desc`;

/**
 * The signed-in vendor's booking for each of many days (the vendor's view of the calendar), with
 * its stall in the same statement: the stall loader is primed, so `myBooking { stall { code } }`
 * costs nothing more. An active booking wins over a cancelled one of the same day.
 */
export const myBookingByDayLoader: LoaderFactory<string, BookingRow | undefined> = (ctx) =>
  new DataLoader(async (dayIds) => {
    if (!ctx.user) return dayIds.map(() => undefined);
    const raw = await plainRows(ctx.em, MY_BOOKINGS_OF_DAYS_SQL, [idArray(dayIds), ctx.user.id]);
    const stalls = ctx.loaders.get(stallLoader);
    const rows = raw.map((r) => {
      const stall = STALL.read(r, 's.');
      if (stall) stalls.prime(stall.id, stall);
      return BOOKING.read(r)!;
    });
    return dayIds.map((id) => rows.find((b) => b.marketDayId === id && b.status !== 'CANCELLED') ?? rows.find((b) => b.marketDayId === id));
  });
