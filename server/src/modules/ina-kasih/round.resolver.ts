import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { Distribution } from './distribution.entity';
import { activeDeliveryLoader, familyLoader, roundLoader, roundTotalsLoader } from './distribution.loaders';
import { Family } from './family.entity';
import { Program } from './program.entity';
import { programLoader } from './program.loaders';
import { monthOf } from './program-time.util';
import { DistributionRound } from './round.entity';
import { RoundService } from './round.service';
import {
  DistributionRoundConnection,
  DistributionRoundsArgs,
  KelurahanCoverage,
  OpenRoundInput,
  RoundPayload,
  RoundPlanArgs,
  RoundPlanConnection,
  RoundPlanEntry,
  RoundRefInput,
  RoundTotals,
} from './round.types';

const payload = <T extends object>(type: new () => T, result: object): T => Object.assign(new type(), result);

/** Monthly rounds: opening and closing (program management), lists and coverage (program staff). */
@Resolver(() => DistributionRound)
export class DistributionRoundResolver {
  private readonly rounds = new RoundService();

  @Allow(Permission.ProgramManage)
  @Mutation(() => RoundPayload, { description: 'Opens the round of a month and computes its planned list per kelurahan (idempotent with a key).' })
  async openRound(@Ctx() ctx: RequestContext, @Arg('input', () => OpenRoundInput) input: OpenRoundInput): Promise<RoundPayload> {
    return payload(RoundPayload, await this.rounds.open(ctx, input));
  }

  @Allow(Permission.ProgramManage)
  @Mutation(() => RoundPayload, { description: 'Closes a round for the monthly evaluation; no new deliveries afterwards.' })
  async closeRound(@Ctx() ctx: RequestContext, @Arg('input', () => RoundRefInput) input: RoundRefInput): Promise<RoundPayload> {
    return payload(RoundPayload, await this.rounds.close(ctx, input.roundId));
  }

  @Allow(Permission.DistributionRecord)
  @Query(() => DistributionRoundConnection, { description: 'Rounds, newest month first.' })
  distributionRounds(@Ctx() ctx: RequestContext, @Args(() => DistributionRoundsArgs) args: DistributionRoundsArgs): Promise<DistributionRoundConnection> {
    return this.rounds.list(ctx, args);
  }

  @Allow(Permission.DistributionRecord)
  @Query(() => DistributionRound, { nullable: true })
  distributionRound(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<DistributionRound | null> {
    return this.rounds.get(ctx, id);
  }

  @Allow(Permission.DistributionRecord)
  @Query(() => RoundPlanConnection, { description: 'The planned list of one kelurahan in a round, by registry number (delivery sheet).' })
  roundPlan(@Ctx() ctx: RequestContext, @Args(() => RoundPlanArgs) args: RoundPlanArgs): Promise<RoundPlanConnection> {
    return this.rounds.plan(ctx, args);
  }

  @Allow(Permission.DistributionRecord)
  @Query(() => [KelurahanCoverage], { description: 'Planned against delivered per kelurahan for a round (the caller’s kelurahan only).' })
  roundCoverage(@Ctx() ctx: RequestContext, @Arg('roundId', () => ID) roundId: string): Promise<KelurahanCoverage[]> {
    return this.rounds.coverage(ctx, roundId);
  }

  @FieldResolver(() => String, { description: 'Month, YYYY-MM (WITA).' })
  month(@Root() round: DistributionRound): string {
    return monthOf(round.month);
  }

  @FieldResolver(() => Program)
  program(@Root() round: DistributionRound, @Ctx() ctx: RequestContext): Promise<Program | undefined> {
    return ctx.loaders.get(programLoader).load(round.program.id);
  }

  @FieldResolver(() => RoundTotals, { description: 'Planned and delivered totals (the caller’s kelurahan only).' })
  totals(@Root() round: DistributionRound, @Ctx() ctx: RequestContext): Promise<RoundTotals> {
    return ctx.loaders.get(roundTotalsLoader).load(round.id);
  }
}

@Resolver(() => RoundPlanEntry)
export class RoundPlanEntryResolver {
  @FieldResolver(() => DistributionRound, { description: 'The round this entry belongs to.' })
  round(@Root() entry: RoundPlanEntry, @Ctx() ctx: RequestContext): Promise<DistributionRound | undefined> {
    return ctx.loaders.get(roundLoader).load(entry.roundId);
  }

  @FieldResolver(() => Family)
  family(@Root() entry: RoundPlanEntry, @Ctx() ctx: RequestContext): Promise<Family | undefined> {
    return ctx.loaders.get(familyLoader).load(entry.familyId);
  }

  @FieldResolver(() => Distribution, { nullable: true, description: 'The delivery that stands for this family in the round, if served.' })
  delivery(@Root() entry: RoundPlanEntry, @Ctx() ctx: RequestContext): Promise<Distribution | undefined> {
    return ctx.loaders.get(activeDeliveryLoader).load(`${entry.roundId}:${entry.familyId}`);
  }
}
