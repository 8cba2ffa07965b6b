import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-sql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import type { UserError } from '../../graphql/user-error.type';
import { createIdempotent, runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { User } from '../user/user.entity';
import { explain } from './allocation.util';
import { allocateDueDays, allocateDueDaysOnce, allocateLockedDay, lockMarketDay } from './allocation.service';
import { MarketBooking, type AllocationFacts } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { BookingStatus, MarketDayStatus, STALL_HOLDING } from './entities/market.enums';
import { MarketErrors } from './market.errors';
import { marketDayLoader, stallLoader } from './market.loaders';
import { BOOKING, MARKET_DAY, STALL, type BookingRow } from './market.rows';
import { isUuid, refuse, refusalsAsErrors } from './market.guard';
import { MarketDayService } from './market-day.service';
import { marketClock, witaDate } from './market-time.util';
import type { CheckInBookingInput, MyBookingsArgs, RequestStallInput } from './market.types';
import { VendorService } from './vendor.service';

/** The first free usable stall of a day (active, in layout order, within the capacity), in the wanted zone if one is free there. */
const FIRST_FREE_STALL_SQL = `with usable as (select * from market_stall where active order by zone, position limit ?)
  select u.* from usable u
   where not exists (select 1 from market_booking b where b.market_day_id = ? and b.stall_id = u.id and b.status = any(?::text[]))
   order by coalesce(u.zone = ?, false) desc, u.zone, u.position
   limit 1`;

/** One page of a vendor's bookings with their days and stalls, and her total (one row of nulls when the page is empty). */
const MY_BOOKINGS_SQL = `select t.total, p.*
  from (select count(*)::int as total from market_booking where vendor_id = ?) t
  left join lateral (
    select ${BOOKING.columns('b')}, ${MARKET_DAY.columns('d', 'd.')}, ${STALL.columns('s', 's.')}
      from market_booking b
      join market_day d on d.id = b.market_day_id
      left join market_stall s on s.id = b.stall_id
     where b.vendor_id = ?
     order by d.date desc, b.created_at desc
     limit ? offset ?) p on true
 order by p."d.date" desc, p."createdAt" desc`;

const WITA_TIME = (d: Date) =>
  `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ').replace(':', '.')} WITA`;

/** Stall requests, cancellation, check-in and no-shows. */
export class BookingService {
  private readonly audit = new AuditService();
  private readonly vendors = new VendorService();
  private readonly days = new MarketDayService();

  /**
   * A vendor asks for a stall. While the window is open the request waits for the fair-rotation
   * allocation; after it, a free stall is hers at once (first come, first served), else she joins
   * the waitlist. Retries with the same idempotency key return the first booking.
   */
  async request(ctx: RequestContext, input: RequestStallInput): Promise<{ booking?: MarketBooking; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const vendor = await this.vendors.mine(ctx);
      const zone = input.zonePreference?.trim().toUpperCase() || undefined;
      if (zone && !/^[A-Z]$/.test(zone)) throw refuse(ctx, MarketErrors.MARKET_INVALID_ZONE, ['input', 'zonePreference']);
      if (!isUuid(input.marketDayId)) throw refuse(ctx, MarketErrors.MARKET_DAY_NOT_FOUND, ['input', 'marketDayId']);
      await allocateDueDays(ctx.em as EntityManager);
      const booking = await createIdempotent(ctx.em as EntityManager, 'market.requestStall', input.idempotencyKey, ctx.user!.id, MarketBooking, async (em) => {
        // FOR SHARE: many requests at once, but never while the allocation holds the row FOR UPDATE.
        const day = await em.findOne(MarketDay, input.marketDayId, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
        if (!day) throw refuse(ctx, MarketErrors.MARKET_DAY_NOT_FOUND, ['input', 'marketDayId']);
        const now = marketClock.now();
        if (day.status === MarketDayStatus.CANCELLED) throw refuse(ctx, MarketErrors.MARKET_DAY_CANCELLED, ['input', 'marketDayId']);
        if (now < day.bookingOpensAt) throw refuse(ctx, MarketErrors.MARKET_WINDOW_NOT_OPEN, ['input', 'marketDayId']);
        if (now >= day.checkInCutoff || witaDate(now) > day.date) throw refuse(ctx, MarketErrors.MARKET_DAY_OVER, ['input', 'marketDayId']);
        const booking = new MarketBooking(em.getReference(MarketDay, day.id), vendor);
        booking.zonePreference = zone;
        booking.requestedAt = now;
        if (day.status === MarketDayStatus.ALLOCATED) await this.firstCome(em, day, booking);
        em.persist(booking);
        this.audit.record({ ...ctx, em }, 'market.booking.request', 'MarketBooking', booking.id, { after: { date: day.date, status: booking.status } });
        try {
          await em.flush();
        } catch (err) {
          // One active booking per vendor and day: the partial unique index says so, also across processes.
          if (err instanceof UniqueConstraintViolationException) throw refuse(ctx, MarketErrors.MARKET_ALREADY_REQUESTED, ['input', 'marketDayId']);
          throw err;
        }
        return booking;
      });
      return { booking, userErrors: [] };
    });
  }

  /** After the allocation: the first free stall (her zone if possible) or the end of the waitlist. */
  private async firstCome(em: EntityManager, day: MarketDay, booking: MarketBooking): Promise<void> {
    await lockMarketDay(em, day.id);
    // One statement under the day's lock, which every late request waits for in turn: loading the
    // whole layout and the day's bookings here made a burst of late requests wait on each other's hydration.
    const [row] = await em.execute(FIRST_FREE_STALL_SQL, [day.capacity ?? null, day.id, `{${STALL_HOLDING.join(',')}}`, booking.zonePreference ?? null]);
    const stall = row ? em.map(MarketStall, row) : undefined;
    let facts: AllocationFacts;
    if (stall) {
      booking.status = BookingStatus.CONFIRMED;
      booking.stall = stall;
      facts = { kind: 'FIRST_COME', zoneWanted: booking.zonePreference, zoneGranted: booking.zonePreference ? stall.zone === booking.zonePreference : undefined };
    } else {
      const [{ last }] = await em.execute(`select coalesce(max(waitlist_position), 0)::int as last from market_booking where market_day_id = ? and status = 'WAITLISTED'`, [day.id]);
      booking.status = BookingStatus.WAITLISTED;
      booking.waitlistPosition = last + 1;
      facts = { kind: 'WAITLIST_LATE', waitlistPosition: booking.waitlistPosition };
    }
    booking.allocationFacts = facts;
    booking.explanation = explain(facts, stall?.code, 'id');
  }

  /** Staff close the window now and run the allocation (it also runs by itself when the window closes). */
  async closeWindow(ctx: RequestContext, marketDayId: string): Promise<{ marketDay?: MarketDay; allocationMs?: number; userErrors: UserError[] }> {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        // FOR UPDATE: a second close (another process, a double tap) waits here and then finds the day allocated.
        const day = await this.days.mustFind(ctx, marketDayId, em, true);
        if (day.status === MarketDayStatus.CANCELLED) throw refuse(ctx, MarketErrors.MARKET_DAY_CANCELLED, ['input', 'marketDayId']);
        if (day.status === MarketDayStatus.ALLOCATED) throw refuse(ctx, MarketErrors.MARKET_DAY_ALREADY_ALLOCATED, ['input', 'marketDayId']);
        const now = marketClock.now();
        if (day.bookingClosesAt > now) {
          if (day.bookingOpensAt >= now) day.bookingOpensAt = new Date(now.getTime() - 1000);
          day.bookingClosesAt = now;
        }
        const allocationMs = await allocateLockedDay(em, day);
        this.audit.record({ ...ctx, em }, 'market.day.allocate', 'MarketDay', day.id, { after: { allocationMs: Math.round(allocationMs) } });
        await em.flush();
        return { marketDay: day, allocationMs, userErrors: [] };
      }),
    );
  }

  /** The vendor cancels her own request or booking before the deadline; the first on the waitlist takes the stall. */
  async cancel(ctx: RequestContext, bookingId: string): Promise<{ booking?: MarketBooking; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const vendor = await this.vendors.mine(ctx, false);
      await allocateDueDays(ctx.em as EntityManager);
      const id = await ctx.em.transactional(async (em) => {
        const found = isUuid(bookingId) ? await em.findOne(MarketBooking, { id: bookingId, vendor: vendor.id }) : null;
        if (!found) throw refuse(ctx, MarketErrors.MARKET_BOOKING_NOT_FOUND, ['input', 'bookingId']);
        const day = await em.findOneOrFail(MarketDay, found.marketDay.id, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
        await lockMarketDay(em, day.id);
        const booking = await em.findOneOrFail(MarketBooking, found.id, { refresh: true });
        if (![BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED].includes(booking.status)) {
          throw refuse(ctx, MarketErrors.MARKET_BOOKING_NOT_ACTIVE, ['input', 'bookingId']);
        }
        const now = marketClock.now();
        if (now > day.cancelDeadline) throw refuse(ctx, MarketErrors.MARKET_CANCEL_DEADLINE_PASSED, ['input', 'bookingId'], { deadline: WITA_TIME(day.cancelDeadline) });
        const before = { status: booking.status, stall: booking.stall?.id };
        const freedStall = booking.status === BookingStatus.CONFIRMED ? booking.stall : undefined;
        const leftPosition = booking.status === BookingStatus.WAITLISTED ? booking.waitlistPosition : undefined;
        booking.status = BookingStatus.CANCELLED;
        booking.cancelledAt = now;
        booking.waitlistPosition = undefined;
        this.audit.record({ ...ctx, em }, 'market.booking.cancel', 'MarketBooking', booking.id, { before, after: { status: booking.status } });
        await em.flush();
        if (leftPosition) {
          await em.execute(
            `update market_booking set waitlist_position = waitlist_position - 1, updated_at = now() where market_day_id = ? and status = 'WAITLISTED' and waitlist_position > ?`,
            [day.id, leftPosition],
          );
        }
        if (freedStall) await this.promote(em, day, await em.findOneOrFail(MarketStall, freedStall.id));
        return booking.id;
      });
      const booking = await ctx.em.findOneOrFail(MarketBooking, id, { refresh: true });
      return { booking, userErrors: [] };
    });
  }

  /** Gives a freed stall to the first on the waitlist and moves everyone behind her up one place. */
  private async promote(em: EntityManager, day: MarketDay, stall: MarketStall): Promise<void> {
    const next = await em.findOne(MarketBooking, { marketDay: day.id, status: BookingStatus.WAITLISTED }, { orderBy: { waitlistPosition: 'asc', requestedAt: 'asc' } });
    if (!next) return;
    const facts: AllocationFacts = { ...(next.allocationFacts ?? { kind: 'PROMOTED' }), kind: 'PROMOTED', waitlistPosition: next.waitlistPosition };
    await em.execute(
      `update market_booking set status = 'CONFIRMED', stall_id = ?, waitlist_position = null, allocation_facts = ?::jsonb, explanation = ?, updated_at = now() where id = ?`,
      [stall.id, JSON.stringify(facts), explain(facts, stall.code, 'id'), next.id],
    );
    await em.execute(
      `update market_booking set waitlist_position = waitlist_position - 1, updated_at = now() where market_day_id = ? and status = 'WAITLISTED' and id <> ?`,
      [day.id, next.id],
    );
  }

  /** Staff check a vendor in, on the market day itself (WITA date). */
  /**
   * Staff check a vendor in. Checking in a vendor who is already checked in succeeds with the
   * booking as it is (a phone replaying an entry whose answer was lost, two staff tapping at
   * once): nothing is written twice. With an idempotency key a replay returns the first result
   * even after the day is over.
   */
  async checkIn(ctx: RequestContext, input: CheckInBookingInput): Promise<{ booking?: MarketBooking; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      if (!isUuid(input.bookingId)) throw refuse(ctx, MarketErrors.MARKET_BOOKING_NOT_FOUND, ['input', 'bookingId']);
      const { value } = await runIdempotent(ctx.em as EntityManager, 'market.checkInBooking', input.idempotencyKey, ctx.user!.id, async (em) => {
        // FOR UPDATE: a second check-in of the same booking waits here and then finds it done.
        const booking = await em.findOne(MarketBooking, input.bookingId, { populate: ['marketDay'], lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
        if (!booking) throw refuse(ctx, MarketErrors.MARKET_BOOKING_NOT_FOUND, ['input', 'bookingId']);
        if (booking.status === BookingStatus.CHECKED_IN) return { id: booking.id };
        const date = booking.marketDay.date;
        if (witaDate(marketClock.now()) !== date) throw refuse(ctx, MarketErrors.MARKET_CHECK_IN_WRONG_DAY, ['input', 'bookingId'], { date });
        if (booking.status !== BookingStatus.CONFIRMED && booking.status !== BookingStatus.NO_SHOW) {
          throw refuse(ctx, MarketErrors.MARKET_CHECK_IN_NOT_CONFIRMED, ['input', 'bookingId']);
        }
        const before = { status: booking.status };
        booking.status = BookingStatus.CHECKED_IN;
        booking.checkedInAt = marketClock.now();
        booking.checkedInBy = em.getReference(User, ctx.user!.id);
        this.audit.record({ ...ctx, em }, 'market.booking.check_in', 'MarketBooking', booking.id, { before, after: { status: booking.status } });
        await em.flush();
        return { id: booking.id };
      });
      const booking = await ctx.em.findOneOrFail(MarketBooking, value.id, { populate: ['marketDay'], refresh: true });
      return { booking, userErrors: [] };
    });
  }

  /** After the check-in cut-off, every booked vendor not checked in becomes a no-show. */
  async markNoShows(ctx: RequestContext, marketDayId: string): Promise<{ marketDay?: MarketDay; marked?: number; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const day = await this.days.mustFind(ctx, marketDayId);
      if (day.status === MarketDayStatus.CANCELLED) throw refuse(ctx, MarketErrors.MARKET_DAY_CANCELLED, ['input', 'marketDayId']);
      if (marketClock.now() < day.checkInCutoff) throw refuse(ctx, MarketErrors.MARKET_CUTOFF_NOT_REACHED, ['input', 'marketDayId'], { cutoff: WITA_TIME(day.checkInCutoff) });
      const marked = await ctx.em.transactional(async (em) => {
        const n = await em.nativeUpdate(MarketBooking, { marketDay: day.id, status: BookingStatus.CONFIRMED }, { status: BookingStatus.NO_SHOW });
        this.audit.record({ ...ctx, em }, 'market.day.mark_no_shows', 'MarketDay', day.id, { after: { marked: n } });
        return n;
      });
      return { marketDay: day, marked, userErrors: [] };
    });
  }

  /**
   * The signed-in vendor's bookings, newest market day first, as plain rows: the page, its total
   * and each booking's day and stall in one statement (the day and stall loaders are primed).
   */
  async mine(ctx: RequestContext, args: MyBookingsArgs): Promise<ConnectionShape<BookingRow>> {
    const page = toPage(args);
    const vendor = await this.vendors.signedIn(ctx);
    if (!vendor) return toConnection([], 0, page);
    await allocateDueDaysOnce(ctx);
    const raw = await plainRows(ctx.em, MY_BOOKINGS_SQL, [vendor.id, vendor.id, page.limit, page.offset]);
    const days = ctx.loaders.get(marketDayLoader);
    const stalls = ctx.loaders.get(stallLoader);
    const rows: BookingRow[] = [];
    for (const r of raw) {
      const booking = BOOKING.read(r);
      if (!booking) continue;
      days.prime(booking.marketDayId, MARKET_DAY.read(r, 'd.')!);
      const stall = STALL.read(r, 's.');
      if (stall) stalls.prime(stall.id, stall);
      rows.push(booking);
    }
    return toConnection(rows, raw[0]?.total ?? 0, page);
  }
}
