import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SaboakKoepanImpact } from '../funding/impact.types';
import { trainingImpact } from './training-impact.service';
import { TrainingImpact } from './training-impact.types';

/** Adds the trainings to the SABOAK KOEPAN impact report, under the same period and suppression. */
@Resolver(() => SaboakKoepanImpact)
export class TrainingImpactResolver {
  @FieldResolver(() => TrainingImpact, { description: 'Trainings held, attendance, and turnover of trained vendors beside those not (yet) trained (one SQL statement).' })
  trainings(@Root() impact: SaboakKoepanImpact, @Ctx() ctx: RequestContext): Promise<TrainingImpact> {
    const { from, to, wholeYearPublished } = impact.period;
    return trainingImpact(ctx, {
      year: impact.year,
      from,
      to,
      protect: impact.suppressionApplied,
      minCell: impact.minCell,
      wholeYearPublished,
      turnoverPublished: impact.turnover !== null,
    });
  }
}
