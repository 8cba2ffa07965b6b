import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-sql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { createIdempotent, runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { MarketBooking } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { BookingStatus, MarketDayStatus } from './entities/market.enums';
import { MarketErrors } from './market.errors';
import { MARKET_DAY, type MarketDayRow } from './market.rows';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { addDays, isWeekend, cityClock, weekendDates, witaDate } from '../../platform/wita-clock';
import { defaultWindow } from './market-window.util';
import type { AddMarketDayInput, GenerateMarketDaysInput, SaveStallInput, UpdateMarketDayInput } from './market.types';

type Window = Pick<MarketDay, 'bookingOpensAt' | 'bookingClosesAt' | 'cancelDeadline' | 'checkInCutoff'>;

const DAYS_BETWEEN_SQL = `select ${MARKET_DAY.columns('d')} from market_day d where d.date between ?::date and ?::date order by d.date`;

const windowOk = (w: Window) =>
  w.bookingOpensAt < w.bookingClosesAt && w.bookingClosesAt <= w.checkInCutoff && w.cancelDeadline <= w.checkInCutoff;

/** The stall layout and the calendar of market days (staff). */
export class MarketDayService {
  private readonly audit = new AuditService();

  /**
   * Adds a stall or changes one; codes follow from zone and number. With an idempotency
   * key a retry returns the stall of the first call instead of refusing its code as taken.
   */
  async saveStall(ctx: RequestContext, input: SaveStallInput): Promise<{ stall?: MarketStall; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const zone = input.zone.trim().toUpperCase();
      if (!/^[A-Z]$/.test(zone)) throw refuse(ctx, MarketErrors.MARKET_INVALID_ZONE, ['input', 'zone']);
      if (!Number.isInteger(input.position) || input.position < 1 || input.position > 999) {
        throw refuse(ctx, MarketErrors.MARKET_INVALID_POSITION, ['input', 'position']);
      }
      const stall = await createIdempotent(ctx.em as EntityManager, 'market.saveStall', input.idempotencyKey, ctx.user!.id, MarketStall, async (em) => {
        let stall: MarketStall;
        if (input.id !== undefined && input.id !== null) {
          const found = isUuid(input.id) ? await em.findOne(MarketStall, input.id) : null;
          if (!found) throw refuse(ctx, MarketErrors.MARKET_STALL_NOT_FOUND, ['input', 'id']);
          stall = found;
        } else stall = new MarketStall(zone, input.position);
        const code = `${zone}-${String(input.position).padStart(2, '0')}`;
        if (await em.count(MarketStall, { code, id: { $ne: stall.id } })) throw refuse(ctx, MarketErrors.MARKET_STALL_TAKEN, ['input', 'position']);
        const before = input.id ? { code: stall.code, prime: stall.prime, active: stall.active } : undefined;
        Object.assign(stall, { zone, position: input.position, code });
        if (input.prime != null) stall.prime = input.prime;
        if (input.hasPower != null) stall.hasPower = input.hasPower;
        if (input.size !== undefined) stall.size = input.size?.trim() || undefined;
        if (input.active != null) stall.active = input.active;
        em.persist(stall);
        this.audit.record({ ...ctx, em }, input.id ? 'market.stall.update' : 'market.stall.create', 'MarketStall', stall.id, {
          before,
          after: { code, prime: stall.prime, active: stall.active },
        });
        await em.flush();
        return stall;
      });
      return { stall, userErrors: [] };
    });
  }

  stalls(ctx: RequestContext): Promise<MarketStall[]> {
    return ctx.em.find(MarketStall, {}, { orderBy: { zone: 'asc', position: 'asc' } });
  }

  /**
   * Creates the Saturdays and Sundays (WITA dates) of a period with the default schedule; existing
   * dates are skipped. With an idempotency key a retry returns the days the first call created.
   */
  async generate(ctx: RequestContext, input: GenerateMarketDaysInput): Promise<{ created?: MarketDay[]; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      if (input.to < input.from || input.to > addDays(input.from, 366)) throw refuse(ctx, MarketErrors.MARKET_RANGE_INVALID, ['input', 'to']);
      let made: MarketDay[] | undefined;
      const { value, replayed } = await runIdempotent(ctx.em as EntityManager, 'market.generateMarketDays', input.idempotencyKey, ctx.user!.id, async (em) => {
        const today = witaDate(cityClock.now());
        const dates = weekendDates(input.from < today ? today : input.from, input.to);
        const existing = new Set((await em.find(MarketDay, { date: { $in: dates } })).map((d) => d.date));
        const created = dates.filter((d) => !existing.has(d)).map((d) => new MarketDay(d, defaultWindow(d)));
        if (created.length) {
          em.persist(created);
          this.audit.record({ ...ctx, em }, 'market.day.generate', 'MarketDay', undefined, { after: { from: input.from, to: input.to, dates: created.map((d) => d.date) } });
          await em.flush();
        }
        made = created;
        return created.map((d) => d.id);
      });
      const created = !replayed && made ? made : await ctx.em.find(MarketDay, { id: { $in: value } }, { orderBy: { date: 'asc' }, refresh: true });
      return { created, userErrors: [] };
    });
  }

  /** Adds one market day. With an idempotency key a retry returns the first call's day instead of "day exists". */
  async add(ctx: RequestContext, input: AddMarketDayInput): Promise<{ marketDay?: MarketDay; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      if (!isWeekend(input.date)) throw refuse(ctx, MarketErrors.MARKET_DAY_NOT_WEEKEND, ['input', 'date']);
      const marketDay = await createIdempotent(ctx.em as EntityManager, 'market.addMarketDay', input.idempotencyKey, ctx.user!.id, MarketDay, async (em) => {
        if (input.date < witaDate(cityClock.now())) throw refuse(ctx, MarketErrors.MARKET_DAY_IN_PAST, ['input', 'date']);
        if (await em.count(MarketDay, { date: input.date })) throw refuse(ctx, MarketErrors.MARKET_DAY_EXISTS, ['input', 'date']);
        const day = new MarketDay(input.date, defaultWindow(input.date));
        this.applySchedule(ctx, day, input);
        em.persist(day);
        this.audit.record({ ...ctx, em }, 'market.day.add', 'MarketDay', day.id, { after: { date: day.date, capacity: day.capacity } });
        await em.flush();
        return day;
      });
      return { marketDay, userErrors: [] };
    });
  }

  async update(ctx: RequestContext, input: UpdateMarketDayInput): Promise<{ marketDay?: MarketDay; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const day = await this.mustFind(ctx, input.marketDayId);
      if (day.status === MarketDayStatus.CANCELLED) throw refuse(ctx, MarketErrors.MARKET_DAY_CANCELLED, ['input', 'marketDayId']);
      const before = { capacity: day.capacity, bookingClosesAt: day.bookingClosesAt };
      this.applySchedule(ctx, day, input);
      this.audit.record(ctx, 'market.day.update', 'MarketDay', day.id, { before, after: { capacity: day.capacity, bookingClosesAt: day.bookingClosesAt } });
      await ctx.em.flush();
      return { marketDay: day, userErrors: [] };
    });
  }

  /** Staff cancel a day: every active booking is cancelled and the reason is shown to the vendors. */
  async cancel(ctx: RequestContext, marketDayId: string, reason: string): Promise<{ marketDay?: MarketDay; userErrors: UserError[] }> {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        const day = await this.mustFind(ctx, marketDayId, em, true);
        if (!reason.trim()) throw refuse(ctx, MarketErrors.MARKET_REASON_REQUIRED, ['input', 'reason']);
        if (day.status === MarketDayStatus.CANCELLED) throw refuse(ctx, MarketErrors.MARKET_DAY_CANCELLED, ['input', 'marketDayId']);
        if (day.date < witaDate(cityClock.now())) throw refuse(ctx, MarketErrors.MARKET_DAY_OVER, ['input', 'marketDayId']);
        day.status = MarketDayStatus.CANCELLED;
        day.cancelReason = reason.trim();
        const now = cityClock.now();
        await em.nativeUpdate(
          MarketBooking,
          { marketDay: day.id, status: { $in: [BookingStatus.REQUESTED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED] } },
          { status: BookingStatus.CANCELLED, cancelledAt: now, waitlistPosition: null },
        );
        this.audit.record({ ...ctx, em }, 'market.day.cancel', 'MarketDay', day.id, { after: { reason: day.cancelReason } });
        await em.flush();
        return { marketDay: day, userErrors: [] };
      }),
    );
  }

  /** Market days from `from` to `to` (WITA dates), oldest first, as plain rows (see market.rows.ts). */
  async list(ctx: RequestContext, from: string, to: string): Promise<MarketDayRow[]> {
    const rows = await plainRows(ctx.em, DAYS_BETWEEN_SQL, [from, to]);
    return rows.map((r) => MARKET_DAY.read(r)!);
  }

  async mustFind(ctx: RequestContext, id: string, em: EntityManager = ctx.em as EntityManager, forUpdate = false): Promise<MarketDay> {
    const day = isUuid(id) ? await em.findOne(MarketDay, id, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {}) : null;
    if (!day) throw refuse(ctx, MarketErrors.MARKET_DAY_NOT_FOUND, ['input', 'marketDayId']);
    return day;
  }

  private applySchedule(ctx: RequestContext, day: MarketDay, input: Partial<Window> & { capacity?: number | null }): void {
    if (input.capacity !== undefined && input.capacity !== null) {
      if (!Number.isInteger(input.capacity) || input.capacity < 0 || input.capacity > 1000) throw refuse(ctx, MarketErrors.MARKET_CAPACITY_INVALID, ['input', 'capacity']);
      day.capacity = input.capacity;
    }
    const next: Window = {
      bookingOpensAt: input.bookingOpensAt ?? day.bookingOpensAt,
      bookingClosesAt: input.bookingClosesAt ?? day.bookingClosesAt,
      cancelDeadline: input.cancelDeadline ?? day.cancelDeadline,
      checkInCutoff: input.checkInCutoff ?? day.checkInCutoff,
    };
    if (Object.values(next).some((d) => Number.isNaN(d.getTime())) || !windowOk(next)) throw refuse(ctx, MarketErrors.MARKET_WINDOW_INVALID, ['input', 'bookingClosesAt']);
    Object.assign(day, next);
  }
}
