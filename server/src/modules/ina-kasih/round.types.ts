import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { MutationPayload } from '../../graphql/payload';
import { IDEMPOTENCY } from './program.types';
import { DistributionRound } from './round.entity';

@InputType({ description: 'Opens the round of a month: the planned list is computed from the active enrolled families and the rule of that month.' })
export class OpenRoundInput {
  @Field(() => ID) programId: string;
  @Field(() => String, { description: 'Month, YYYY-MM (WITA); at most next month.' }) @MaxLength(7) month: string;
  @Field(() => String, IDEMPOTENCY) @MaxLength(100) idempotencyKey?: string;
}

@InputType()
export class RoundRefInput {
  @Field(() => ID) roundId: string;
}

@ObjectType()
export class RoundPayload extends MutationPayload {
  @Field(() => DistributionRound, { nullable: true }) round?: DistributionRound;
}

@ArgsType()
export class DistributionRoundsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this program’s rounds.' }) programId?: string;
}

@ObjectType()
export class DistributionRoundConnection extends Connection(DistributionRound, 'DistributionRound') {}

export enum PlanStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
}
registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'Whether a planned family has received its packs in the round.' });

@ArgsType()
export class RoundPlanArgs extends PageArgs {
  @Field(() => ID) roundId: string;
  @Field(() => String, { description: 'Kelurahan code, e.g. 53.71.04.1001.' }) @MaxLength(20) kelurahanCode: string;
  @Field(() => PlanStatus, { nullable: true, description: 'Only families still waiting, or only those served.' }) status?: PlanStatus;
}

/** One family on a round's planned list; `family` and `delivery` are loaded in batches. */
@ObjectType({ description: 'A family on the planned list of a round (daftar rencana penyaluran).' })
export class RoundPlanEntry {
  roundId: string;
  familyId: string;
  @Field(() => String, { description: 'Kelurahan code of the family when the round opened.' }) kelurahanCode: string;
  @Field(() => Int, { description: 'Eligible women and girls (10–45) in the family that month.' }) eligibleWomen: number;
  @Field(() => Int, { description: 'Of whom girls aged 10–17.' }) eligibleGirls: number;
  @Field(() => Int, { description: 'Packs planned for the family (eligible × packs per woman).' }) plannedPacks: number;
}

@ObjectType()
export class RoundPlanConnection extends Connection(RoundPlanEntry, 'RoundPlanEntry') {}

@ObjectType({ description: 'Planned against delivered in one kelurahan for a round.' })
export class KelurahanCoverage {
  @Field(() => String) kelurahanCode: string;
  @Field(() => String) kelurahanName: string;
  @Field(() => String, { nullable: true }) kecamatanCode?: string;
  @Field(() => String, { nullable: true }) kecamatanName?: string;
  @Field(() => Int, { description: 'Families planned.' }) families: number;
  @Field(() => Int, { description: 'Eligible women and girls planned.' }) eligibleWomen: number;
  @Field(() => Int, { description: 'Of whom girls 10–17.' }) eligibleGirls: number;
  @Field(() => Int) plannedPacks: number;
  @Field(() => Int, { description: 'Families served (net of reversals).' }) deliveredFamilies: number;
  @Field(() => Int, { description: 'Women and girls in the families served.' }) womenReached: number;
  @Field(() => Int) deliveredPacks: number;
}

@ObjectType({ description: 'Totals of a round (all kelurahan the caller may see).' })
export class RoundTotals {
  @Field(() => Int) families: number;
  @Field(() => Int) eligibleWomen: number;
  @Field(() => Int) plannedPacks: number;
  @Field(() => Int) deliveredFamilies: number;
  @Field(() => Int) deliveredPacks: number;
}
