import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { MarketDay } from '../market/entities/market-day.entity';
import { TurnoverReport } from './turnover-report.entity';
import { TurnoverReportListService } from './turnover-report-list.service';
import { turnoverTotals } from './turnover-totals.service';
import {
  MyTurnover,
  MyTurnoverArgs,
  TurnoverDayGrid,
  TurnoverReportConnection,
  TurnoverReportsArgs,
  TurnoverTotals,
  TurnoverTotalsArgs,
} from './turnover-totals.types';

/** Reading turnover: totals, the day grid and lists for staff, and the vendor's own figures. */
@Resolver()
export class TurnoverTotalsResolver {
  private readonly lists = new TurnoverReportListService();

  @Allow(Permission.TurnoverRecord)
  @Query(() => TurnoverTotals, { description: 'Turnover totals per market day, weekend, month or year, optionally by category, kelurahan or vendor, with growth (one SQL statement).' })
  turnoverTotals(@Ctx() ctx: RequestContext, @Args(() => TurnoverTotalsArgs) args: TurnoverTotalsArgs): Promise<TurnoverTotals> {
    return turnoverTotals(ctx, args);
  }

  @Allow(Permission.TurnoverRecord)
  @Query(() => TurnoverDayGrid, { description: 'Every vendor checked in on a market day with her current figure (the closing-time grid).' })
  turnoverDayGrid(@Ctx() ctx: RequestContext, @Arg('marketDayId', () => ID) marketDayId: string): Promise<TurnoverDayGrid> {
    return this.lists.dayGrid(ctx, marketDayId);
  }

  @Allow(Permission.TurnoverRecord)
  @Query(() => [MarketDay], { description: 'Market days that have begun (WITA), newest first (at most 60): the days whose turnover staff can log.' })
  turnoverMarketDays(@Ctx() ctx: RequestContext): Promise<MarketDay[]> {
    return this.lists.recentDays(ctx);
  }

  @Allow(Permission.TurnoverRecord)
  @Query(() => TurnoverReport, { description: 'One version of a turnover report, with its history (staff).' })
  turnoverReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<TurnoverReport> {
    return this.lists.one(ctx, id);
  }

  @Allow(Permission.TurnoverRecord)
  @Query(() => TurnoverReportConnection, { description: 'Current turnover figures (staff), newest market day first; status DISPUTED gives the disputes queue, oldest first.' })
  turnoverReports(@Ctx() ctx: RequestContext, @Args(() => TurnoverReportsArgs) args: TurnoverReportsArgs): Promise<TurnoverReportConnection> {
    return this.lists.list(ctx, args);
  }

  @Allow(Permission.TurnoverOwn)
  @Query(() => MyTurnover, { description: "The signed-in vendor's own turnover by market day and by month." })
  myTurnover(@Ctx() ctx: RequestContext, @Args(() => MyTurnoverArgs) args: MyTurnoverArgs): Promise<MyTurnover> {
    return this.lists.mine(ctx, args);
  }
}
