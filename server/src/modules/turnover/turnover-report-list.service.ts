import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { AppError } from '../../platform/app-error';
import { MarketBooking } from '../market/entities/market-booking.entity';
import { MarketDay } from '../market/entities/market-day.entity';
import { BookingStatus } from '../market/entities/market.enums';
import { Vendor } from '../market/entities/vendor.entity';
import { isUuid } from '../../platform/refusal';
import { addDays, cityClock, witaDate } from '../../platform/wita-clock';
import { TurnoverReport, TurnoverStatus } from './turnover-report.entity';
import { TurnoverErrors } from './turnover-report.errors';
import { checkRange, exactRupiah, MAX_RANGE_DAYS } from './turnover-totals.service';
import type { MyTurnover, MyTurnoverArgs, TurnoverDayGrid, TurnoverReportsArgs } from './turnover-totals.types';

/** Read models of turnover: the staff day grid and report list, and the vendor's own figures. */
export class TurnoverReportListService {
  /** Every vendor checked in on the day with her current figure: two statements however many vendors. */
  async dayGrid(ctx: RequestContext, marketDayId: string): Promise<TurnoverDayGrid> {
    const day = isUuid(marketDayId) ? await ctx.em.findOne(MarketDay, marketDayId) : null;
    if (!day) throw new AppError(TurnoverErrors.TURNOVER_DAY_NOT_FOUND);
    const [bookings, reports] = await Promise.all([
      ctx.em.find(MarketBooking, { marketDay: day.id, status: BookingStatus.CHECKED_IN }, { populate: ['vendor', 'stall'], orderBy: { stall: { zone: 'asc', position: 'asc' } } }),
      ctx.em.find(TurnoverReport, { marketDay: day.id, current: true }),
    ]);
    const byVendor = new Map(reports.map((r) => [r.vendor.id, r]));
    const rows = bookings.map((b) => ({ booking: b, vendor: b.vendor, stallCode: b.stall?.code, report: byVendor.get(b.vendor.id) }));
    const logged = rows.filter((r) => r.report);
    return { marketDay: day, rows, checkedIn: rows.length, recorded: logged.length, total: exactRupiah(String(logged.reduce((s, r) => s + BigInt(r.report!.amount), 0n))) };
  }

  /** Market days that have begun (WITA) and were not cancelled, newest first: the days staff can log. */
  recentDays(ctx: RequestContext): Promise<MarketDay[]> {
    const today = witaDate(cityClock.now());
    return ctx.em.find(MarketDay, { date: { $lte: today }, status: { $ne: 'CANCELLED' } } as FilterQuery<MarketDay>, { orderBy: { date: 'desc' }, limit: 60 });
  }

  /** One version of a report for staff (any version: old ones are shown with their history). */
  async one(ctx: RequestContext, id: string): Promise<TurnoverReport> {
    const report = isUuid(id) ? await ctx.em.findOne(TurnoverReport, id, { populate: ['marketDay', 'vendor'] }) : null;
    if (!report) throw new AppError(TurnoverErrors.TURNOVER_REPORT_NOT_FOUND);
    return report;
  }

  /** Current figures for staff, newest market day first; `status: DISPUTED` is the disputes queue. */
  async list(ctx: RequestContext, args: TurnoverReportsArgs): Promise<ConnectionShape<TurnoverReport>> {
    const page = toPage(args);
    const where: FilterQuery<TurnoverReport> = { current: true };
    const none = '00000000-0000-0000-0000-000000000000';
    if (args.status) where.status = args.status;
    const day: Record<string, unknown> = {};
    if (args.marketDayId) day.id = isUuid(args.marketDayId) ? args.marketDayId : none;
    if (args.from || args.to) day.date = { ...(args.from ? { $gte: args.from } : {}), ...(args.to ? { $lte: args.to } : {}) };
    if (Object.keys(day).length) where.marketDay = day;
    const vendor: Record<string, unknown> = {};
    if (args.vendorId) vendor.id = isUuid(args.vendorId) ? args.vendorId : none;
    const search = args.search?.trim();
    if (search) vendor.$or = [{ businessName: { $ilike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } }, { code: search.toUpperCase() }];
    if (Object.keys(vendor).length) where.vendor = vendor;
    const [rows, total] = await ctx.em.findAndCount(TurnoverReport, where, {
      populate: ['marketDay', 'vendor'],
      orderBy: args.status === TurnoverStatus.DISPUTED ? { disputedAt: 'asc', id: 'asc' } : { marketDay: { date: 'desc' }, vendor: { businessName: 'asc' }, id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(rows, total, page);
  }

  /**
   * The signed-in vendor's own figures by month over the range (one statement, up to ten years);
   * her figures by day are the `days` connection. Nobody else's are ever read.
   */
  async mine(ctx: RequestContext, args: MyTurnoverArgs): Promise<MyTurnover> {
    const to = args.to ?? witaDate(cityClock.now());
    const from = args.from ?? addDays(to, -365);
    checkRange(from, to, MAX_RANGE_DAYS);
    const vendor = ctx.user ? await ctx.em.findOne(Vendor, { user: ctx.user.id }) : null;
    if (!vendor) return { from, to, months: [], total: 0, awaitingAnswer: 0 };
    const months = await ctx.em.execute(
      `select to_char(d.date, 'YYYY-MM') as month, sum(t.amount)::text as amount, count(*)::int as market_days,
              (sum(sum(t.amount)) over ())::text as total,
              (sum(count(*) filter (where t.status = 'RECORDED')) over ())::int as awaiting
         from turnover_report t join market_day d on d.id = t.market_day_id
        where t.vendor_id = ? and t.current and d.date between ?::date and ?::date
        group by 1 order by 1`,
      [vendor.id, from, to],
    );
    return {
      from,
      to,
      vendorId: vendor.id,
      months: months.map((m: any) => ({ month: m.month, amount: exactRupiah(m.amount), marketDays: m.market_days })),
      total: exactRupiah(months[0]?.total ?? null),
      awaitingAnswer: months[0]?.awaiting ?? 0,
    };
  }

  /** A page of her current figures in the range, newest market day first (two statements a page). */
  async myDays(ctx: RequestContext, mine: MyTurnover, args: PageArgs): Promise<ConnectionShape<TurnoverReport>> {
    const page = toPage(args);
    if (!mine.vendorId) return toConnection([], 0, page);
    const [rows, total] = await ctx.em.findAndCount(
      TurnoverReport,
      { vendor: mine.vendorId, current: true, marketDay: { date: { $gte: mine.from, $lte: mine.to } } },
      { populate: ['marketDay'], orderBy: { marketDay: { date: 'desc' }, id: 'asc' }, limit: page.limit, offset: page.offset },
    );
    return toConnection(rows, total, page);
  }
}
