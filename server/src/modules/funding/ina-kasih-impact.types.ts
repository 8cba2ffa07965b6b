import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { FundingSourceKind } from './funding.enums';
import { ImpactArgs, ImpactFigure } from './impact.types';

@ArgsType()
export class InaKasihImpactArgs extends ImpactArgs {
  @Field(() => ID, { nullable: true, description: 'Only this Ina Kasih program (default: every program). Not for partners: they see every program together (IMPACT_PROGRAM_BREAKDOWN_NOT_PUBLISHED).' })
  programId?: string;
}

@ObjectType({ description: 'One month (the round’s month, WITA) of Ina Kasih deliveries, net of reversals.' })
export class InaKasihImpactMonth {
  @Field(() => String, { description: 'YYYY-MM (WITA).' }) month: string;
  @Field(() => ImpactFigure, { description: 'Families that received their packs that month (one delivery per family and round).' }) familiesReached: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Girls aged 10–17 in those families (age in the delivery month).' }) girlsReached: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Women aged 18–45 in those families (age in the delivery month).' }) womenReached: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Packs delivered (hidden for partners when the month’s families are hidden).' }) packsDelivered: ImpactFigure;
  @Field(() => RupiahScalar, { nullable: true, description: 'Cost of the packs delivered (unit cost of the stock lots they came from); null when the packs are hidden.' }) cost: number | null;
}

@ObjectType({ description: 'What one funding source paid for in the period (packs drawn from its stock lots).' })
export class InaKasihFundingShare {
  @Field(() => ID, { nullable: true, description: 'The source; null for the sum of a partner’s own sources.' }) fundingSourceId: string | null;
  @Field(() => String, { description: 'The budget line’s label.' }) label: string;
  @Field(() => FundingSourceKind) kind: FundingSourceKind;
  @Field(() => Int, { nullable: true, description: 'Packs delivered from its lots; for a partner null exactly when the woman-months are (packs per woman per month is public).' })
  packs: number | null;
  @Field(() => RupiahScalar, { nullable: true, description: 'Their cost; for a partner null exactly when the woman-months are.' }) cost: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Woman-months it paid for: each delivery’s women and girls, split between funders by packs. For a partner whole woman-months (a split delivery’s fraction counts as one), each month protected like the other tables; null when a month of the period is hidden.',
  })
  womanMonths: number | null;
  @Field(() => Float, { nullable: true, description: 'Cost per woman (or girl) per month; null when nothing was delivered or the figure is too small to show a partner.' })
  costPerWomanPerMonth: number | null;
}

@ObjectType({ description: 'Coverage of a kecamatan or kelurahan in the period: planned against reached, summed over the months (keluarga-bulan).' })
export class InaKasihCoverageRow {
  @Field(() => String, { description: 'Region code.' }) key: string;
  @Field(() => String, { description: 'Region (kecamatan or kelurahan) label.' }) label: string;
  @Field(() => String, { nullable: true, description: 'For a kelurahan: its kecamatan’s code.' }) parentKey: string | null;
  @Field(() => ImpactFigure, { description: 'Family-months planned: families enrolled and eligible, summed over the months.' }) familyMonthsPlanned: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Family-months reached.' }) familyMonthsReached: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Woman-months planned: eligible women and girls (10–45), summed over the months.' }) womanMonthsPlanned: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Woman-months reached.' }) womanMonthsReached: ImpactFigure;
  @Field(() => Float, { nullable: true, description: 'Family-months reached ÷ planned (0–1); null when either is hidden or nothing was planned.' }) coverage: number | null;
}

@ObjectType({ description: 'Ina Kasih impact in a period (months of one year), aggregates only.' })
export class InaKasihImpact {
  @Field(() => Int) year: number;
  @Field(() => Int) fromMonth: number;
  @Field(() => Int, { description: 'Last month shown: for a partner the last published month of the range (closed months only); fromMonth − 1 when none is published yet.' }) toMonth: number;
  @Field(() => Boolean, { description: 'True when small figures are suppressed (partners).' }) suppressionApplied: boolean;
  @Field(() => Int, { description: 'Smallest count shown when suppression applies (IMPACT_MIN_CELL).' }) minCell: number;
  @Field(() => [InaKasihImpactMonth]) months: InaKasihImpactMonth[];
  @Field(() => ImpactFigure, {
    description:
      'Different families reached in the period (each counted once however many months). For a partner shown only for a whole published year: distinct counts of overlapping periods, or of a year still running, could be differenced to recompute small groups.',
  })
  familiesReached: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Family-months reached: the months’ families summed.' }) familyMonths: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Girl-months reached (10–17): the months’ girls summed.' }) girlMonths: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Woman-months reached (18–45): the months’ women summed.' }) womanMonths: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Packs delivered in the period.' }) packsDelivered: ImpactFigure;
  @Field(() => Int, { description: 'Months of the period with at least one delivery.' }) monthsWithDeliveries: number;
  @Field(() => Float, { nullable: true, description: 'Months of coverage: on average, how many months of the period a family reached received its packs (family-months ÷ families).' })
  monthsOfCoverage: number | null;
  @Field(() => RupiahScalar, { nullable: true, description: 'Cost of everything delivered in the period; null when the packs are hidden.' }) cost: number | null;
  @Field(() => Float, { nullable: true, description: 'Cost per woman (or girl) per month, overall: cost ÷ woman-months (10–45).' }) costPerWomanPerMonth: number | null;
  @Field(() => InaKasihFundingShare, { nullable: true, description: 'For a partner: what its own funding sources paid for. Null for staff.' })
  ownFunding: InaKasihFundingShare | null;
  @Field(() => [InaKasihFundingShare], { description: 'Per funding source. A partner sees only its own sources.' }) byFundingSource: InaKasihFundingShare[];
  @Field(() => [InaKasihCoverageRow], { description: 'Coverage by kecamatan.' }) coverageByKecamatan: InaKasihCoverageRow[];
  @Field(() => [InaKasihCoverageRow], { description: 'Coverage by kelurahan.' }) coverageByKelurahan: InaKasihCoverageRow[];
}
