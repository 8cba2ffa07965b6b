import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { regionLoader } from '../market/market.loaders';
import { Region } from '../region/region.entity';
import { Distribution } from './distribution.entity';
import { deliveriesOfFamilyLoader, distributionFundingLoader, distributionLoader, familyLoader, memberLoader, openPlansOfFamilyLoader, reversalOfLoader, roundLoader, staffNameLoader } from './distribution.loaders';
import { RoundPlanEntry } from './round.types';
import { DistributionService } from './distribution.service';
import { DistributionFunding, DistributionPayload, RecordDistributionInput, ReverseDistributionInput } from './distribution.types';
import { Family } from './family.entity';
import { FamilyMember } from './family-member.entity';
import { DistributionRound } from './round.entity';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';

/** Recording deliveries and correcting them by reversal (program staff, within their kelurahan). */
@Resolver(() => Distribution)
export class DistributionResolver {
  private readonly distributions = new DistributionService();

  @Allow(Permission.DistributionRecord)
  @Mutation(() => DistributionPayload, {
    description: 'Records that a family received its packs. At most one delivery per family and round (the database refuses a second); a retry with the same idempotency key returns the first result.',
  })
  async recordDistribution(@Ctx() ctx: RequestContext, @Arg('input', () => RecordDistributionInput) input: RecordDistributionInput): Promise<DistributionPayload> {
    return Object.assign(new DistributionPayload(), await this.distributions.record(ctx, input));
  }

  @Allow(Permission.DistributionRecord)
  @Mutation(() => DistributionPayload, { description: 'Corrects a delivery with a reversal entry and a reason; the packs return to stock. Returns the reversal.' })
  async reverseDistribution(@Ctx() ctx: RequestContext, @Arg('input', () => ReverseDistributionInput) input: ReverseDistributionInput): Promise<DistributionPayload> {
    return Object.assign(new DistributionPayload(), await this.distributions.reverse(ctx, input));
  }

  @FieldResolver(() => DistributionRound)
  round(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<DistributionRound | undefined> {
    return ctx.loaders.get(roundLoader).load(d.round.id);
  }

  @FieldResolver(() => Family)
  family(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<Family | undefined> {
    return ctx.loaders.get(familyLoader).load(d.family.id);
  }

  @FieldResolver(() => Region, { description: 'Kelurahan of the family when served.' })
  kelurahan(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<Region | undefined> {
    return ctx.loaders.get(regionLoader).load(d.kelurahan.code);
  }

  @FieldResolver(() => FamilyMember, { nullable: true, description: 'The family member who received and signed (else see proxyName).' })
  async receivedBy(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<FamilyMember | undefined> {
    return d.receivedByMember ? ctx.loaders.get(memberLoader).load(d.receivedByMember.id) : undefined;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The staff member who recorded it.' })
  async recordedByName(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<string | undefined> {
    return d.recordedBy ? ctx.loaders.get(staffNameLoader).load(d.recordedBy.id) : undefined;
  }

  @FieldResolver(() => Distribution, { nullable: true, description: 'On a reversal: the delivery it corrects.' })
  async reverses(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<Distribution | undefined> {
    return d.reverses ? ctx.loaders.get(distributionLoader).load(d.reverses.id) : undefined;
  }

  @FieldResolver(() => Distribution, { nullable: true, description: 'On a delivery: the reversal that corrected it, if any.' })
  reversedBy(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<Distribution | undefined> {
    return ctx.loaders.get(reversalOfLoader).load(d.id);
  }

  @FieldResolver(() => [DistributionFunding], { description: 'Which funding sources paid for the packs (the stock lots drawn); negative on a reversal’s return.' })
  funding(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<DistributionFunding[]> {
    return ctx.loaders.get(distributionFundingLoader).load(d.id);
  }

  @FieldResolver(() => RupiahScalar, { description: 'What the packs cost (unit cost of the lots drawn).' })
  async cost(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.get(distributionFundingLoader).load(d.id)).reduce((n, f) => n + f.cost, 0);
  }
}

/** A family's delivery history on its record (program staff). */
@Resolver(() => Family)
export class FamilyDeliveriesResolver {
  @Allow(Permission.DistributionRecord)
  @FieldResolver(() => [Distribution], { description: 'Deliveries and reversals of the family, newest first.' })
  deliveries(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<Distribution[]> {
    return ctx.loaders.get(deliveriesOfFamilyLoader).load(family.id);
  }

  @Allow(Permission.DistributionRecord)
  @FieldResolver(() => [RoundPlanEntry], {
    description: 'The family on the planned list of each round still open (newest month first), with its delivery if served: what a delivery can be recorded against from the family’s page.',
  })
  openRoundPlans(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<RoundPlanEntry[]> {
    return ctx.loaders.get(openPlansOfFamilyLoader).load(family.id);
  }
}
