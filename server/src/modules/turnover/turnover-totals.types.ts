import { MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs } from '../../graphql/connection';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { MarketBooking } from '../market/entities/market-booking.entity';
import { MarketDay } from '../market/entities/market-day.entity';
import { Vendor } from '../market/entities/vendor.entity';
import { TurnoverReport, TurnoverStatus } from './turnover-report.entity';

export enum TurnoverPeriod {
  DAY = 'DAY',
  WEEKEND = 'WEEKEND',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(TurnoverPeriod, {
  name: 'TurnoverPeriod',
  description: 'How turnover totals are bucketed (dates in WITA).',
  valuesConfig: {
    DAY: { description: 'Per market day; growth against the same weekday a week earlier.' },
    WEEKEND: { description: 'Per weekend (Saturday and Sunday); growth against the weekend before.' },
    MONTH: { description: 'Per calendar month; growth against the month before.' },
    YEAR: { description: 'Per calendar year; growth against the year before.' },
  },
});

export enum TurnoverGroupBy {
  NONE = 'NONE',
  CATEGORY = 'CATEGORY',
  KELURAHAN = 'KELURAHAN',
  VENDOR = 'VENDOR',
}
registerEnumType(TurnoverGroupBy, { name: 'TurnoverGroupBy', description: 'How totals are broken down within each period.' });

/** Most rows a totals query returns; a larger breakdown is cut and marked `truncated`. */
export const TOTALS_MAX_ROWS = 2000;

@ArgsType()
export class TurnoverTotalsArgs {
  @Field(() => TurnoverPeriod) period: TurnoverPeriod;
  @Field(() => TurnoverGroupBy, { nullable: true, defaultValue: TurnoverGroupBy.NONE }) groupBy: TurnoverGroupBy = TurnoverGroupBy.NONE;
  @Field(() => LocalDateScalar, { description: 'First date (WITA), inclusive.' }) from: string;
  @Field(() => LocalDateScalar, { description: 'Last date (WITA), inclusive; at most 10 years after `from`.' }) to: string;
}

@ObjectType({ description: 'One period (and group) of the turnover totals, with growth against the previous period.' })
export class TurnoverTotalRow {
  @Field(() => LocalDateScalar, { description: 'First day of the period: the market day, the Saturday of the weekend, the 1st of the month or of the year.' })
  periodStart: string;

  @Field(() => String, { nullable: true, description: 'Category, kelurahan code or vendor id; empty without a breakdown.' }) groupKey?: string;
  @Field(() => String, { nullable: true, description: 'Category, kelurahan or business name, for people.' }) groupLabel?: string;
  @Field(() => RupiahScalar, { description: 'Sum of the current figures, exact (computed in PostgreSQL as numeric).' }) amount: number;
  @Field(() => RupiahScalar, { nullable: true, description: 'The same group in the previous period; empty when there was none.' }) previousAmount?: number;
  @Field(() => Float, { nullable: true, description: 'Growth against the previous period in percent (one decimal); empty without a previous figure.' })
  growthPercent?: number;

  @Field(() => Int, { description: 'Vendors with a figure.' }) vendors: number;
  @Field(() => Int, { description: 'Market days with a figure.' }) marketDays: number;
}

@ObjectType({ description: 'Turnover totals for a period, computed by one aggregate SQL statement.' })
export class TurnoverTotals {
  @Field(() => TurnoverPeriod) period: TurnoverPeriod;
  @Field(() => TurnoverGroupBy) groupBy: TurnoverGroupBy;
  @Field(() => LocalDateScalar) from: string;
  @Field(() => LocalDateScalar) to: string;
  @Field(() => RupiahScalar, { description: 'Everything from `from` to `to`.' }) total: number;
  @Field(() => [TurnoverTotalRow], { description: 'Oldest period first; within a period the largest group first.' }) rows: TurnoverTotalRow[];
  @Field(() => Boolean, { description: `True when there were more than ${TOTALS_MAX_ROWS} rows and the rest was left out.` }) truncated: boolean;
}

@ObjectType({ description: 'One checked-in vendor of the day grid and her current figure.' })
export class TurnoverGridRow {
  @Field(() => MarketBooking) booking: MarketBooking;
  @Field(() => Vendor) vendor: Vendor;
  @Field(() => String, { nullable: true, description: 'Stall code, e.g. A-07.' }) stallCode?: string;
  @Field(() => TurnoverReport, { nullable: true, description: 'The current figure; empty while not yet logged.' }) report?: TurnoverReport;
}

@ObjectType({ description: 'The day grid: every vendor checked in on a market day and her figure (staff, at closing time).' })
export class TurnoverDayGrid {
  @Field(() => MarketDay) marketDay: MarketDay;
  @Field(() => [TurnoverGridRow], { description: 'In stall order.' }) rows: TurnoverGridRow[];
  @Field(() => Int) checkedIn: number;
  @Field(() => Int, { description: 'Vendors whose figure is logged.' }) recorded: number;
  @Field(() => RupiahScalar, { description: 'Sum of the logged figures.' }) total: number;
}

@ArgsType()
export class TurnoverReportsArgs extends PageArgs {
  @Field(() => TurnoverStatus, { nullable: true, description: 'Only this status (DISPUTED is the disputes queue).' }) status?: TurnoverStatus;
  @Field(() => ID, { nullable: true }) marketDayId?: string;
  @Field(() => ID, { nullable: true }) vendorId?: string;
  @Field(() => LocalDateScalar, { nullable: true }) from?: string;
  @Field(() => LocalDateScalar, { nullable: true }) to?: string;
  @Field(() => String, { nullable: true, description: 'Part of the business name or the vendor number.' }) @MaxLength(100) search?: string;
}

@ObjectType()
export class TurnoverReportConnection extends Connection(TurnoverReport, 'TurnoverReport') {}

@ArgsType()
export class MyTurnoverArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'First date (default: a year before `to`).' }) from?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last date (default: today in WITA); at most ten years after `from`.' }) to?: string;
}

@ObjectType({ description: 'Her turnover in one month.' })
export class TurnoverMonth {
  @Field(() => String, { description: 'YYYY-MM.' }) month: string;
  @Field(() => RupiahScalar) amount: number;
  @Field(() => Int) marketDays: number;
}

@ObjectType({ description: "The signed-in vendor's own turnover: per market day and per month." })
export class MyTurnover {
  @Field(() => LocalDateScalar) from: string;
  @Field(() => LocalDateScalar) to: string;
  /** Whose figures `days` pages through; set by the service from the signed-in account, never from input. */
  vendorId?: string;
  @Field(() => [TurnoverMonth], { description: 'Oldest month first.' }) months: TurnoverMonth[];
  @Field(() => RupiahScalar) total: number;
  @Field(() => Int, { description: 'Figures waiting for her to confirm or dispute.' }) awaitingAnswer: number;
}
