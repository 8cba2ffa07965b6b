import type { RequestContext } from '../../graphql/context';
import { allocateDueDaysOnce } from './allocation.service';
import { MarketBooking } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { BookingStatus, MarketDayStatus, STALL_HOLDING } from './entities/market.enums';
import { MarketDayService } from './market-day.service';
import { addDays, cityClock, weekday, witaDate } from '../../platform/wita-clock';
import { AppError } from '../../platform/app-error';
import { MarketErrors } from './market.errors';
import type { MarketDayBoard, PublicMarket } from './market.types';

/** Read models: the staff day board and the public page. A fixed number of statements each. */
export class MarketBoardService {
  private readonly days = new MarketDayService();

  async board(ctx: RequestContext, marketDayId: string): Promise<MarketDayBoard> {
    await allocateDueDaysOnce(ctx);
    const day = await this.days.mustFind(ctx, marketDayId).catch(() => {
      throw new AppError(MarketErrors.MARKET_DAY_NOT_FOUND);
    });
    const stalls = await ctx.em.find(MarketStall, {}, { orderBy: { zone: 'asc', position: 'asc' } });
    const bookings = await ctx.em.find(MarketBooking, { marketDay: day.id }, { populate: ['vendor'], orderBy: { requestedAt: 'asc' } });
    const holding = new Map(bookings.filter((b) => STALL_HOLDING.includes(b.status) && b.stall).map((b) => [b.stall!.id, b]));
    const count = (...s: BookingStatus[]) => bookings.filter((b) => s.includes(b.status)).length;
    return {
      marketDay: day,
      stalls: stalls.filter((s) => s.active || holding.has(s.id)).map((stall) => ({ stall, booking: holding.get(stall.id) })),
      waitlist: bookings.filter((b) => b.status === BookingStatus.WAITLISTED).sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
      requests: bookings.filter((b) => b.status === BookingStatus.REQUESTED),
      counts: {
        stalls: stalls.filter((s) => s.active).length,
        requested: count(BookingStatus.REQUESTED),
        confirmed: count(BookingStatus.CONFIRMED),
        checkedIn: count(BookingStatus.CHECKED_IN),
        noShows: count(BookingStatus.NO_SHOW),
        waitlisted: count(BookingStatus.WAITLISTED),
        cancelled: count(BookingStatus.CANCELLED),
      },
    };
  }

  /** The coming weekend (WITA): from today to the next Sunday; only businesses that consented are named. */
  async publicMarket(ctx: RequestContext): Promise<PublicMarket> {
    await allocateDueDaysOnce(ctx);
    const today = witaDate(cityClock.now());
    const sunday = addDays(today, (7 - weekday(today)) % 7);
    const days = await ctx.em.find(MarketDay, { date: { $gte: today, $lte: sunday } }, { orderBy: { date: 'asc' } });
    const bookings = days.length
      ? await ctx.em.find(
          MarketBooking,
          { marketDay: { $in: days.map((d) => d.id) }, status: { $in: STALL_HOLDING } },
          { populate: ['vendor', 'stall'], orderBy: { stall: { code: 'asc' } } },
        )
      : [];
    return {
      venue: 'Taman Nostalgia (Tamnos), Kota Kupang',
      days: days.map((d) => {
        const held = bookings.filter((b) => b.marketDay.id === d.id);
        return {
          date: d.date,
          cancelled: d.status === MarketDayStatus.CANCELLED,
          cancelReason: d.cancelReason,
          vendorCount: held.length,
          vendors: held
            .filter((b) => b.vendor.publicConsent)
            .map((b) => ({ businessName: b.vendor.businessName, category: b.vendor.category, products: b.vendor.products, stallCode: b.stall?.code })),
        };
      }),
    };
  }
}
