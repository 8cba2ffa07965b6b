import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import { EntitlementRule, Program } from './program.entity';
import { rulesByProgramLoader } from './program.loaders';
import { ProgramService } from './program.service';
import { currentMonthWita, monthOf } from './program-time.util';
import { CreateProgramInput, EntitlementRulePayload, ProgramPayload, SetEntitlementRuleInput } from './program.types';

const payload = <T extends object>(type: new () => T, result: object): T => Object.assign(new type(), result);

/** Programs and their entitlement rules (program staff read; creating and changing rules is program management). */
@Resolver(() => Program)
export class ProgramResolver {
  private readonly service = new ProgramService();

  @Allow(Permission.DistributionRecord)
  @Query(() => [Program], { description: 'Distribution programs, by name (at most 100).' })
  programs(@Ctx() ctx: RequestContext): Promise<Program[]> {
    return this.service.list(ctx);
  }

  @Allow(Permission.ProgramManage)
  @Mutation(() => ProgramPayload, { description: 'Creates a program with its first entitlement rule (default 2 packs per eligible woman per month).' })
  async createProgram(@Ctx() ctx: RequestContext, @Arg('input', () => CreateProgramInput) input: CreateProgramInput): Promise<ProgramPayload> {
    return payload(ProgramPayload, await this.service.create(ctx, input));
  }

  @Allow(Permission.ProgramManage)
  @Mutation(() => EntitlementRulePayload, { description: 'Sets a new entitlement rule from a month on; earlier months keep theirs (rules are never edited).' })
  async setEntitlementRule(@Ctx() ctx: RequestContext, @Arg('input', () => SetEntitlementRuleInput) input: SetEntitlementRuleInput): Promise<EntitlementRulePayload> {
    return payload(EntitlementRulePayload, await this.service.setRule(ctx, input));
  }

  @FieldResolver(() => [EntitlementRule], { description: 'Every rule, oldest month first (the history).' })
  rules(@Root() program: Program, @Ctx() ctx: RequestContext): Promise<EntitlementRule[]> {
    return ctx.loaders.get(rulesByProgramLoader).load(program.id);
  }

  @FieldResolver(() => EntitlementRule, { nullable: true, description: 'The rule in effect this month (WITA).' })
  async currentRule(@Root() program: Program, @Ctx() ctx: RequestContext): Promise<EntitlementRule | undefined> {
    const month = `${currentMonthWita()}-01`;
    const rules = await ctx.loaders.get(rulesByProgramLoader).load(program.id);
    return rules.filter((r) => r.effectiveMonth <= month).at(-1);
  }
}

@Resolver(() => EntitlementRule)
export class EntitlementRuleResolver {
  @FieldResolver(() => String, { description: 'First month the rule applies, YYYY-MM (WITA).' })
  effectiveMonth(@Root() rule: EntitlementRule): string {
    return monthOf(rule.effectiveMonth);
  }
}
