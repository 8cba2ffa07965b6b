import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { OutcomeService } from './outcome.service';
import { TrainingOutcome, TrainingOutcomeArgs } from './outcome.types';
import './training.errors';

/** The outcome view: did trained vendors sell more afterwards than those who were not trained? */
@Resolver()
export class OutcomeResolver {
  private readonly service = new OutcomeService();

  @Allow(Permission.TrainingManage)
  @Query(() => TrainingOutcome, { description: 'Attendees’ average turnover per market day before and after a training or cohort, beside vendors who did not attend (one SQL statement).' })
  trainingOutcome(@Ctx() ctx: RequestContext, @Args(() => TrainingOutcomeArgs) args: TrainingOutcomeArgs): Promise<TrainingOutcome> {
    return this.service.outcome(ctx, args.trainingIds, args.days ?? 90);
  }
}
