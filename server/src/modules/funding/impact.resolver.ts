import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { ImpactArgs, SaboakKoepanImpact } from './impact.types';
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
}
