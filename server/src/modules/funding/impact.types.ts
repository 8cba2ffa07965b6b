import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';

@ObjectType({ description: 'A count in an impact report; null and suppressed when it is too small to show a partner.' })
export class ImpactFigure {
  @Field(() => Int, { nullable: true, description: 'The count, or null when suppressed.' }) value: number | null;
  @Field(() => Boolean, { description: 'True when hidden to protect small groups (below IMPACT_MIN_CELL, or needed to keep such a figure hidden).' })
  suppressed: boolean;
}

@ObjectType({ description: 'One row of an impact table: a category or a kelurahan, by month.' })
export class ImpactTableRow {
  @Field(() => String, { description: 'Category code or kelurahan code.' }) key: string;
  @Field(() => String, { description: 'Readable name (kelurahan name; category code for categories).' }) label: string;
  @Field(() => [ImpactFigure], { description: 'One figure per month of `months`.' }) cells: ImpactFigure[];
  @Field(() => ImpactFigure, { description: 'Sum over the months shown.' }) total: ImpactFigure;
}

@ObjectType({ description: 'An impact table: rows by months, with totals; suppressed figures cannot be recomputed from the others.' })
export class ImpactTable {
  @Field(() => [String], { description: 'Months shown, YYYY-MM (WITA).' }) months: string[];
  @Field(() => [ImpactTableRow]) rows: ImpactTableRow[];
  @Field(() => [ImpactFigure], { description: 'Per month, over all rows.' }) monthTotals: ImpactFigure[];
  @Field(() => ImpactFigure) total: ImpactFigure;
}

@ObjectType({ description: 'One kelurahan in a year’s coverage.' })
export class CoverageRow {
  @Field(() => String, { description: 'Kelurahan code.' }) key: string;
  @Field(() => String, { description: 'Kelurahan name.' }) label: string;
  @Field(() => ImpactFigure) value: ImpactFigure;
}

@ObjectType({
  description:
    'Coverage by kelurahan over a whole year. Always the full year, whatever months are asked: a kelurahan × month breakdown beside the category × month table would let the two be combined to recompute hidden figures. For a partner hidden until the whole year is published (a year-to-date figure, asked each month, would be that breakdown).',
})
export class YearCoverage {
  @Field(() => Int) year: number;
  @Field(() => [CoverageRow]) rows: CoverageRow[];
  @Field(() => ImpactFigure) total: ImpactFigure;
}

@ObjectType({ description: 'One month of the weekend market.' })
export class MarketImpactMonth {
  @Field(() => String, { description: 'YYYY-MM (WITA).' }) month: string;
  @Field(() => Int, { description: 'Market days held (at least one vendor checked in).' }) marketDaysHeld: number;
  @Field(() => ImpactFigure, { description: 'Stalls occupied by a checked-in vendor, summed over the days (lapak-hari).' }) stallDays: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Different vendors who took part that month.' }) vendorsServed: ImpactFigure;
  @Field(() => RupiahScalar, { description: 'Program spending recorded in the ledger that month (EXPENDITURE lines, net of reversals).' }) expenditure: number;
  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Turnover (omzet) of the month: the current version of every vendor’s figure for its market days. Null for a partner when fewer than IMPACT_MIN_CELL figures or vendors make it up.',
  })
  turnover: number | null;
}

@ObjectType({ description: 'SABOAK KOEPAN impact for one year (months from–to), aggregates only.' })
export class SaboakKoepanImpact {
  @Field(() => Int) year: number;
  @Field(() => Boolean, { description: 'True when small figures are suppressed (partners); staff and administrators see exact figures.' }) suppressionApplied: boolean;
  @Field(() => Int, { description: 'Smallest count shown when suppression applies (IMPACT_MIN_CELL).' }) minCell: number;
  @Field(() => [MarketImpactMonth], { description: 'The months of the range; for a partner published months only.' }) months: MarketImpactMonth[];
  @Field(() => ImpactFigure, { description: 'Different vendors who took part in the whole year; for a partner hidden until the whole year is published.' }) vendorsServedInYear: ImpactFigure;
  @Field(() => ImpactTable, { description: 'Stall-days by business category and month.' }) stallDaysByCategory: ImpactTable;
  @Field(() => YearCoverage, { description: 'Stall-days of the whole year by the vendors’ kelurahan.' }) stallDaysByKelurahan: YearCoverage;
  @Field(() => RupiahScalar, { description: 'SABOAK KOEPAN spending in the months shown (ledger EXPENDITURE lines).' }) expenditure: number;
  @Field(() => Float, {
    nullable: true,
    description: 'For a partner: its share (0–1) of the money disbursed to SABOAK KOEPAN in the year, so its part of the figures above can be read off. Null for staff or when nothing was disbursed.',
  })
  partnerShareOfFunding: number | null;
  @Field(() => Float, { nullable: true, description: 'Spending per stall-day in the months shown; null when stall-days are suppressed or zero.' })
  costPerStallDay: number | null;
  @Field(() => RupiahScalar, { nullable: true, description: 'Turnover of the months shown; null when a month of it is hidden.' }) turnover: number | null;
  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Turnover of the previous period of equal length (e.g. Oct–Dec of the year before for Jan–Mar); null when a month of it is hidden.',
  })
  previousPeriodTurnover: number | null;
  @Field(() => Float, { nullable: true, description: 'Growth against the previous equal period (0.25 = +25 %); null when either is hidden or the previous is zero.' })
  turnoverGrowth: number | null;

  /** The months actually shown (after the publication rule) and whether they are a whole published year; not in the API. */
  period: { from: number; to: number; wholeYearPublished: boolean };
}

@ArgsType()
export class ImpactArgs {
  @Field(() => Int, { description: 'Calendar year (WITA).' }) year: number;
  @Field(() => Int, { nullable: true, description: 'First month, 1–12 (default 1).' }) fromMonth?: number;
  @Field(() => Int, { nullable: true, description: 'Last month, 1–12 (default 12). For a partner the range ends at the last published month (closed months only).' }) toMonth?: number;
}
