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
    description: 'What the weekend market did in a year: market days, stall-days, vendors, by category and kelurahan, and spending. Partners see small counts suppressed.',
  })
  saboakKoepanImpact(@Ctx() ctx: RequestContext, @Args(() => ImpactArgs) args: ImpactArgs): Promise<SaboakKoepanImpact> {
    return saboakKoepanImpact(ctx, args);
  }

  @Allow(Permission.ImpactRead)
  @Query(() => InaKasihImpact, {
    description:
      'What Ina Kasih did in a period: families, girls (10–17) and women (18–45) reached, packs, months of coverage, cost per woman per month overall and per funder, coverage by kecamatan and kelurahan. Partners see small counts suppressed and only their own funding.',
  })
  inaKasihImpact(@Ctx() ctx: RequestContext, @Args(() => InaKasihImpactArgs) args: InaKasihImpactArgs): Promise<InaKasihImpact> {
    return inaKasihImpact(ctx, args);
  }
}
