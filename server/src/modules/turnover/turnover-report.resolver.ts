import { wrap } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { MarketDay } from '../market/entities/market-day.entity';
import { Vendor } from '../market/entities/vendor.entity';
import { marketDayLoader, vendorLoader } from '../market/market.loaders';
import type { MarketDayRow, VendorRow } from '../market/market.rows';
import { DisputeService } from './dispute.service';
import { TurnoverReport } from './turnover-report.entity';
import { reportRefs, type TurnoverReportRow } from './turnover-report.rows';
import { staffNameLoader, turnoverHistoryLoader } from './turnover-report.loaders';
import { TurnoverReportService } from './turnover-report.service';
import {
  CorrectTurnoverInput,
  DisputeTurnoverInput,
  RecordTurnoverDayInput,
  RecordTurnoverDayPayload,
  RecordTurnoverInput,
  ResolveTurnoverDisputeInput,
  TurnoverReportPayload,
  TurnoverReportRefInput,
} from './turnover-report.types';

const payload = <T extends object>(type: new () => T, result: object): T => Object.assign(new type(), result);

/** Logging, correcting, confirming and disputing turnover (omzet). */
@Resolver(() => TurnoverReport)
export class TurnoverReportResolver {
  private readonly reports = new TurnoverReportService();
  private readonly disputes = new DisputeService();

  @Allow(Permission.TurnoverRecord)
  @Mutation(() => TurnoverReportPayload, { description: "Staff log one vendor's sales for a market day she was checked in to (idempotent with the key)." })
  async recordTurnover(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTurnoverInput) input: RecordTurnoverInput): Promise<TurnoverReportPayload> {
    return payload(TurnoverReportPayload, await this.reports.record(ctx, input));
  }

  @Allow(Permission.TurnoverRecord)
  @Mutation(() => RecordTurnoverDayPayload, { description: 'Staff log the day grid: many vendors of one market day, each row stored or refused on its own.' })
  async recordTurnoverDay(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTurnoverDayInput) input: RecordTurnoverDayInput): Promise<RecordTurnoverDayPayload> {
    return payload(RecordTurnoverDayPayload, await this.reports.recordDay(ctx, input));
  }

  @Allow(Permission.TurnoverRecord)
  @Mutation(() => TurnoverReportPayload, { description: 'Staff correct a figure with a reason: a new version; the old one stays in the history.' })
  async correctTurnover(@Ctx() ctx: RequestContext, @Arg('input', () => CorrectTurnoverInput) input: CorrectTurnoverInput): Promise<TurnoverReportPayload> {
    return payload(TurnoverReportPayload, await this.reports.correct(ctx, input));
  }

  @Allow(Permission.TurnoverOwn)
  @Mutation(() => TurnoverReportPayload, { description: 'The vendor confirms her own figure.' })
  async confirmTurnover(@Ctx() ctx: RequestContext, @Arg('input', () => TurnoverReportRefInput) input: TurnoverReportRefInput): Promise<TurnoverReportPayload> {
    return payload(TurnoverReportPayload, await this.disputes.confirm(ctx, input.reportId));
  }

  @Allow(Permission.TurnoverOwn)
  @Mutation(() => TurnoverReportPayload, { description: 'The vendor disputes her own figure with a comment.' })
  async disputeTurnover(@Ctx() ctx: RequestContext, @Arg('input', () => DisputeTurnoverInput) input: DisputeTurnoverInput): Promise<TurnoverReportPayload> {
    return payload(TurnoverReportPayload, await this.disputes.dispute(ctx, input));
  }

  @Allow(Permission.TurnoverRecord)
  @Mutation(() => TurnoverReportPayload, { description: 'Staff settle a dispute, keeping the figure or correcting it (a new version).' })
  async resolveTurnoverDispute(@Ctx() ctx: RequestContext, @Arg('input', () => ResolveTurnoverDisputeInput) input: ResolveTurnoverDisputeInput): Promise<TurnoverReportPayload> {
    return payload(TurnoverReportPayload, await this.disputes.resolve(ctx, input));
  }

  @FieldResolver(() => Vendor)
  async vendor(@Root() r: TurnoverReport | TurnoverReportRow, @Ctx() ctx: RequestContext): Promise<Vendor | VendorRow | undefined> {
    if (r instanceof TurnoverReport && wrap(r.vendor).isInitialized()) return r.vendor;
    return ctx.loaders.get(vendorLoader).load(reportRefs(r).vendorId);
  }

  @FieldResolver(() => MarketDay)
  async marketDay(@Root() r: TurnoverReport | TurnoverReportRow, @Ctx() ctx: RequestContext): Promise<MarketDay | MarketDayRow | undefined> {
    if (r instanceof TurnoverReport && wrap(r.marketDay).isInitialized()) return r.marketDay;
    return ctx.loaders.get(marketDayLoader).load(reportRefs(r).marketDayId);
  }

  @FieldResolver(() => [TurnoverReport], { description: 'Every version of this vendor’s figure for the day, newest first (the audit trail of corrections).' })
  history(@Root() r: TurnoverReport | TurnoverReportRow, @Ctx() ctx: RequestContext): Promise<TurnoverReport[]> {
    const { vendorId, marketDayId } = reportRefs(r);
    return ctx.loaders.get(turnoverHistoryLoader).load(`${vendorId}|${marketDayId}`);
  }

  @Allow(Permission.TurnoverRecord)
  @FieldResolver(() => String, { nullable: true, description: 'Staff member who logged this version (staff only).' })
  async recordedByName(@Root() r: TurnoverReport | TurnoverReportRow, @Ctx() ctx: RequestContext): Promise<string | undefined> {
    const { recordedById } = reportRefs(r);
    return recordedById ? ctx.loaders.get(staffNameLoader).load(recordedById) : undefined;
  }
}
