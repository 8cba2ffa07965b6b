import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-sql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import type { UserError } from '../../graphql/user-error.type';
import { checkIdempotencyKey, checkKeyOwner, createIdempotent, runIdempotent } from '../../platform/idempotency.service';
import { AuditService, auditInsertFor } from '../audit/audit.service';
import { User } from '../user/user.entity';
import { explain } from './allocation.util';
import { allocateDueDays, allocateDueDaysOnce, allocateLockedDay, DUE_WORK_SQL, lockMarketDay, settleDueWork } from './allocation.service';
import { MarketBooking, type AllocationFacts } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { BookingStatus, MarketDayStatus, STALL_HOLDING, VendorStatus } from './entities/market.enums';
import { Vendor } from './entities/vendor.entity';
import { MarketErrors } from './market.errors';
import { marketDayLoader, stallLoader, vendorLoader } from './market.loaders';
import { BOOKING, MARKET_DAY, STALL, VENDOR, type BookingRow, type MarketDayRow, type VendorRow } from './market.rows';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { MarketDayService } from './market-day.service';
import { cityClock, witaDate } from '../../platform/wita-clock';
import type { CheckInBookingInput, MyBookingsArgs, RequestStallInput } from './market.types';
import { VendorService } from './vendor.service';

/** The first free usable stall of a day (active, in layout order, within the capacity), in the wanted zone if one is free there. */
const FIRST_FREE_STALL_SQL = `with usable as (select * from market_stall where active order by zone, position limit ?)
  select u.* from usable u
   where not exists (select 1 from market_booking b where b.market_day_id = ? and b.stall_id = u.id and b.status = any(?::text[]))
   order by coalesce(u.zone = ?, false) desc, u.zone, u.position
   limit 1`;

const REQUEST_OPERATION = 'market.requestStall';

/** What a stall request needs, in one row: what is due, her vendor, a stored answer for her key with its booking, the day. */
const REQUEST_READ_SQL = `select due.days, due.no_shows, ${VENDOR.columns('v', 'v.')},
       k.key as "k.key", k.user_id as "k.userId", ${BOOKING.columns('rb', 'rb.')}, ${MARKET_DAY.columns('d', 'd.')}
  from (${DUE_WORK_SQL}) due
  left join market_vendor v on v.user_id = ?
  left join idempotency_key k on k.operation = ? and k.key = ? and k.response is not null
  left join market_booking rb on rb.id = (k.response->>'id')::uuid
  left join market_day d on d.id = ?::uuid`;

/** The day FOR SHARE while its window is open; the booking and (appended) its audit entry only then. */
const requestInWindowSql = (keyed: boolean) => `with day as (
    select id from market_day
     where id = ? and status = 'OPEN' and booking_opens_at <= ? and check_in_cutoff > ? and date >= ?::date
       for share)${
  keyed
    ? `, key as (
    insert into idempotency_key (operation, key, user_id, created_at, response)
    select ?::varchar, ?::varchar, ?::uuid, now(), ?::jsonb from day
    on conflict do nothing returning key)`
    : ''
}, booking as (
    insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, status, zone_preference, requested_at)
    select ?::uuid, ?::timestamptz, ?::timestamptz, day.id, ?::uuid, 'REQUESTED', ?::varchar, ?::timestamptz from day${keyed ? ' where exists (select 1 from key)' : ''}
    returning id)`;
const REQUEST_IN_WINDOW_SQL = requestInWindowSql(false);
const REQUEST_IN_WINDOW_KEYED_SQL = requestInWindowSql(true);

interface RequestSeen {
  vendor?: VendorRow;
  stored?: { userId: string | null };
  replay?: BookingRow;
  day?: MarketDayRow;
}

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
   *
   * The usual request (a window that is open) bypasses the ORM: one plain statement reads what is
   * due, her vendor, a stored answer for her key and the day; one more writes the key, the booking
   * and its audit entry: 3 SQL statements instead of 11, and ~7 ms of API CPU per request instead
   * of ~20-26 ms through the ORM (query building, parameter formatting, hydration, change sets),
   * measured side by side with 600 vendors asking at window opening. Every other case (late
   * requests, refusals, a key another request holds) takes the transaction below, which checks
   * again under the day's lock.
   */
  async request(ctx: RequestContext, input: RequestStallInput): Promise<{ booking?: MarketBooking | BookingRow; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const em = ctx.em as EntityManager;
      const key = input.idempotencyKey || undefined;
      const seen = await this.readForRequest(ctx, input, key);
      if (!seen.vendor || seen.vendor.status !== VendorStatus.APPROVED) throw refuse(ctx, seen.vendor ? MarketErrors.MARKET_VENDOR_NOT_APPROVED : MarketErrors.MARKET_NO_VENDOR_PROFILE);
      const zone = input.zonePreference?.trim().toUpperCase() || undefined;
      if (zone && !/^[A-Z]$/.test(zone)) throw refuse(ctx, MarketErrors.MARKET_INVALID_ZONE, ['input', 'zonePreference']);
      if (!isUuid(input.marketDayId)) throw refuse(ctx, MarketErrors.MARKET_DAY_NOT_FOUND, ['input', 'marketDayId']);
      if (key) checkIdempotencyKey(key);
      if (seen.stored) {
        checkKeyOwner(seen.stored.userId, ctx.user!.id);
        if (seen.replay) return { booking: this.primed(ctx, seen.replay, seen), userErrors: [] };
      }
      const now = cityClock.now();
      const day = seen.day;
      if (day && day.status === MarketDayStatus.OPEN && now >= day.bookingOpensAt && now < day.checkInCutoff && witaDate(now) <= day.date) {
        const booking = await this.requestInWindow(ctx, seen.vendor, day, key, zone, now);
        if (booking) return { booking: this.primed(ctx, booking, seen), userErrors: [] };
      }
      return { booking: await this.requestLocked(ctx, em, input, seen.vendor.id, zone), userErrors: [] };
    });
  }

  /** The read of a stall request (see `request`), after doing whatever fell due. */
  private async readForRequest(ctx: RequestContext, input: RequestStallInput, key: string | undefined): Promise<RequestSeen> {
    const em = ctx.em as EntityManager;
    const dayId = isUuid(input.marketDayId) ? input.marketDayId : null;
    for (;;) {
      const now = cityClock.now();
      const [r] = await plainRows(em, REQUEST_READ_SQL, [now, now, ctx.user!.id, REQUEST_OPERATION, key ?? null, dayId]);
      const due = { days: r.days as string[], no_shows: r.no_shows as boolean };
      if (due.days.length || due.no_shows) {
        // Rare (the first request after a window closed or a cut-off passed): settle, then read again.
        await settleDueWork(em, due, now);
        continue;
      }
      return {
        vendor: VENDOR.read(r, 'v.'),
        stored: r['k.key'] == null ? undefined : { userId: r['k.userId'] as string | null },
        replay: BOOKING.read(r, 'rb.'),
        day: MARKET_DAY.read(r, 'd.'),
      };
    }
  }

  /**
   * A request in an open window, in one statement: the day row FOR SHARE (as in the transaction:
   * never while the allocation holds it FOR UPDATE) and still open, the key (with its answer, so a
   * retry finds both at once), the booking and its audit entry. Undefined when nothing was written
   * (the day changed since it was read, or another request took the key): the caller then takes
   * the locking path. The partial unique index refuses a second booking of the vendor and day.
   */
  private async requestInWindow(ctx: RequestContext, vendor: VendorRow, day: MarketDayRow, key: string | undefined, zone: string | undefined, now: Date): Promise<BookingRow | undefined> {
    const id = randomUUID();
    const createdAt = new Date();
    const audit = auditInsertFor('booking', { id: ctx.user!.id, role: ctx.user!.role, ip: ctx.ip }, 'market.booking.request', 'MarketBooking', id, {
      after: { date: day.date, status: BookingStatus.REQUESTED },
    });
    const params = [
      day.id, now, now, witaDate(now),
      ...(key ? [REQUEST_OPERATION, key, ctx.user!.id, JSON.stringify({ id })] : []),
      id, createdAt, createdAt, vendor.id, zone ?? null, now,
      ...audit.params,
    ];
    // A second request of hers stored meanwhile: the unique constraint answers MARKET_ALREADY_REQUESTED (market.errors.ts).
    const written = await plainRows(ctx.em as EntityManager, `${key ? REQUEST_IN_WINDOW_KEYED_SQL : REQUEST_IN_WINDOW_SQL} ${audit.sql} returning 1`, params);
    if (!written.length) return undefined;
    return {
      id, createdAt, marketDayId: day.id, vendorId: vendor.id, stallId: null, status: BookingStatus.REQUESTED, zonePreference: zone ?? null,
      requestedAt: now, explanation: null, allocationFacts: null, waitlistPosition: null, checkedInAt: null, cancelledAt: null,
    };
  }

  /** The booking's day and vendor as read with the request, for the payload's field resolvers. */
  private primed(ctx: RequestContext, booking: BookingRow, seen: RequestSeen): BookingRow {
    if (seen.day && seen.day.id === booking.marketDayId) ctx.loaders.get(marketDayLoader).prime(seen.day.id, seen.day);
    if (seen.vendor && seen.vendor.id === booking.vendorId) ctx.loaders.get(vendorLoader).prime(seen.vendor.id, seen.vendor);
    return booking;
  }

  /** Every other stall request: in a transaction holding the day FOR SHARE, with the key first. */
  private requestLocked(ctx: RequestContext, rootEm: EntityManager, input: RequestStallInput, vendorId: string, zone: string | undefined): Promise<MarketBooking> {
    return createIdempotent(rootEm, REQUEST_OPERATION, input.idempotencyKey, ctx.user!.id, MarketBooking, async (em) => {
      // FOR SHARE: many requests at once, but never while the allocation holds the row FOR UPDATE.
      const day = await em.findOne(MarketDay, input.marketDayId, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
      if (!day) throw refuse(ctx, MarketErrors.MARKET_DAY_NOT_FOUND, ['input', 'marketDayId']);
      const now = cityClock.now();
      if (day.status === MarketDayStatus.CANCELLED) throw refuse(ctx, MarketErrors.MARKET_DAY_CANCELLED, ['input', 'marketDayId']);
      if (now < day.bookingOpensAt) throw refuse(ctx, MarketErrors.MARKET_WINDOW_NOT_OPEN, ['input', 'marketDayId']);
      if (now >= day.checkInCutoff || witaDate(now) > day.date) throw refuse(ctx, MarketErrors.MARKET_DAY_OVER, ['input', 'marketDayId']);
      const booking = new MarketBooking(em.getReference(MarketDay, day.id), em.getReference(Vendor, vendorId));
      booking.zonePreference = zone;
      booking.requestedAt = now;
      if (day.status === MarketDayStatus.ALLOCATED) await this.firstCome(em, day, booking);
      em.persist(booking);
      this.audit.record({ ...ctx, em }, 'market.booking.request', 'MarketBooking', booking.id, { after: { date: day.date, status: booking.status } });
      // One active booking per vendor and day: the partial unique index says so, also across processes.
      await em.flush();
      return booking;
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
        const now = cityClock.now();
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
        const now = cityClock.now();
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
        if (witaDate(cityClock.now()) !== date) throw refuse(ctx, MarketErrors.MARKET_CHECK_IN_WRONG_DAY, ['input', 'bookingId'], { date });
        if (booking.status !== BookingStatus.CONFIRMED && booking.status !== BookingStatus.NO_SHOW) {
          throw refuse(ctx, MarketErrors.MARKET_CHECK_IN_NOT_CONFIRMED, ['input', 'bookingId']);
        }
        const before = { status: booking.status };
        booking.status = BookingStatus.CHECKED_IN;
        booking.checkedInAt = cityClock.now();
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
      if (cityClock.now() < day.checkInCutoff) throw refuse(ctx, MarketErrors.MARKET_CUTOFF_NOT_REACHED, ['input', 'marketDayId'], { cutoff: WITA_TIME(day.checkInCutoff) });
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
