import { Field, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { ImpactFigure } from '../funding/impact.types';

@ObjectType({ description: 'Turnover of one group of vendors over the market days of the period.' })
export class TrainedTurnoverGroup {
  @Field(() => ImpactFigure, { description: 'Vendors with turnover reports in the group.' }) vendors: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Reports (vendor-market-days).' }) vendorMarketDays: ImpactFigure;
  @Field(() => RupiahScalar, { nullable: true, description: 'Average turnover per vendor per market day; null without reports or when the group is too small to show.' })
  averagePerMarketDay?: number | string;
}

@ObjectType({
  description:
    'Trainings of the weekend market in the period, and turnover of trained vendors beside those not (yet) trained. For a partner the counts and the comparison are given for a whole published year only; the two groups are shown together, when each has at least IMPACT_MIN_CELL vendors and reports, and their averages only when the year’s turnover is shown.',
})
export class TrainingImpact {
  @Field(() => Int, { description: 'Trainings held (ended, not cancelled) in the months shown.' }) trainingsHeld: number;
  @Field(() => ImpactFigure, { description: 'Attendances recorded at those trainings (one per participant and training).' }) attendances: ImpactFigure;
  @Field(() => ImpactFigure, { description: 'Different vendors who attended at least one of them.' }) attendees: ImpactFigure;
  @Field(() => TrainedTurnoverGroup, { description: 'Reports of market days after the vendor had attended a training.' }) trained: TrainedTurnoverGroup;
  @Field(() => TrainedTurnoverGroup, { description: 'Reports of market days when the vendor had not (yet) attended any training.' }) notTrained: TrainedTurnoverGroup;
}
