import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../graphql/connection';
import type { RequestContext } from '../../graphql/context';
import { TurnoverReportListService } from './turnover-report-list.service';
import { MyTurnover, TurnoverReportConnection } from './turnover-totals.types';

/** The vendor's own figures by day, in pages (only hers: the vendor comes from her session via `myTurnover`). */
@Resolver(() => MyTurnover)
export class MyTurnoverResolver {
  private readonly lists = new TurnoverReportListService();

  @FieldResolver(() => TurnoverReportConnection, { description: 'Her current figures in the range, newest market day first, in pages (`first` up to 100).' })
  days(@Root() mine: MyTurnover, @Ctx() ctx: RequestContext, @Args(() => PageArgs) args: PageArgs): Promise<TurnoverReportConnection> {
    return this.lists.myDays(ctx, mine, args);
  }
}
