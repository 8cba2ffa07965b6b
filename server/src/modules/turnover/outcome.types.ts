import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';

@ArgsType()
export class TrainingOutcomeArgs {
  @Field(() => [ID], { description: 'One training or a cohort (1 to 50 trainings).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  trainingIds: string[];

  @Field(() => Int, { nullable: true, description: 'Days of market data on each side of the training(s), 7 to 366 (default 90).' })
  days?: number;
}

@ObjectType({ description: 'Turnover of one group in one period: current reports only, one per vendor and market day.' })
export class OutcomePeriod {
  @Field(() => Int, { description: 'Vendors with at least one report in the period.' }) vendors: number;
  @Field(() => Int, { description: 'Reports (vendor-market-days) in the period.' }) vendorMarketDays: number;
  @Field(() => RupiahScalar, { description: 'Sum of the reports.' }) total: number | string;
  @Field(() => RupiahScalar, { nullable: true, description: 'Average turnover per vendor per market day (total ÷ reports, rounded); empty without reports.' })
  averagePerMarketDay?: number | string;
}

@ObjectType({ description: 'Before and after for one group (attended, or did not).' })
export class OutcomeGroup {
  @Field(() => OutcomePeriod) before: OutcomePeriod;
  @Field(() => OutcomePeriod) after: OutcomePeriod;
  @Field(() => Float, { nullable: true, description: 'Change of the average, in percent of before; empty when either side has no reports.' }) changePercent?: number;
}

@ObjectType({ description: 'Did the training help? Attendees’ average turnover per market day before and after, beside vendors who did not attend over the same market days.' })
export class TrainingOutcome {
  @Field(() => Int, { description: 'Trainings found among the ids asked for (cancelled ones are left out).' }) trainings: number;
  @Field(() => Int, { description: 'Vendors marked present at any of them.' }) attendees: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First training day (WITA): "before" ends the day before.' }) firstTrainingDate?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last training day (WITA): "after" starts the day after.' }) lastTrainingDate?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First market day counted in "before".' }) beforeFrom?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last market day counted in "after".' }) afterTo?: string;
  @Field(() => OutcomeGroup, { description: 'Vendors marked present at any of the trainings.' }) attended: OutcomeGroup;
  @Field(() => OutcomeGroup, { description: 'Vendors with turnover on the same market days who attended none of them.' }) didNotAttend: OutcomeGroup;
}
