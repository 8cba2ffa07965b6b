import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { ImpactArgs, SaboakKoepanImpact } from './impact.types';
import { inaKasihImpact } from './ina-kasih-impact.service';
import { InaKasihImpact, InaKasihImpactArgs } from './ina-kasih-impact.types';
import { saboakKoepanImpact } from './market-impact.service';

@Resolver()
export class ImpactResolver {
  @Allow(Permission.ImpactRead)
  @Query(() => SaboakKoepanImpact, {
    description:
      'What the weekend market did in a year: market days, stall-days, vendors, by category and kelurahan, and spending. Staff see live, exact figures. Publication rule for partners: closed months only. A month is published from the 1st of the next month at 00.00 WITA, or later, once every Ina Kasih distribution round of that month is closed; a range ends at the last published month (months after it are left out) and figures never change between two asks because of a new delivery or market day. Small counts (below IMPACT_MIN_CELL) are suppressed with as many others as needed that none can be worked out from totals, sums of groups, means × counts or overlapping ranges; each month is protected on its own; different vendors in the year, coverage by kelurahan and the trainings’ counts and comparison are given for a whole published year only.',
  })
  saboakKoepanImpact(@Ctx() ctx: RequestContext, @Args(() => ImpactArgs) args: ImpactArgs): Promise<SaboakKoepanImpact> {
    return saboakKoepanImpact(ctx, args);
  }

  @Allow(Permission.ImpactRead)
  @Query(() => InaKasihImpact, {
    description:
      'What Ina Kasih did in a period: families, girls (10–17) and women (18–45) reached, packs, months of coverage, cost per woman per month overall and per funder, coverage by kecamatan and kelurahan. Staff see live, exact figures. Publication rule for partners: closed months only. A month is published from the 1st of the next month at 00.00 WITA, or later, once every Ina Kasih distribution round of that month is closed; a range ends at the last published month (months after it are left out) and figures never change between two asks because of a new delivery or market day. Small counts (below IMPACT_MIN_CELL) are suppressed with as many others as needed that none can be worked out; each month is protected on its own; different families are given for a whole published year only; a partner sees only its own funding, its packs and cost hidden whenever its woman-months are.',
  })
  inaKasihImpact(@Ctx() ctx: RequestContext, @Args(() => InaKasihImpactArgs) args: InaKasihImpactArgs): Promise<InaKasihImpact> {
    return inaKasihImpact(ctx, args);
  }
}
