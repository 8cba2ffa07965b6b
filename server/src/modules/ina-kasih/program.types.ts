import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { MutationPayload } from '../../graphql/payload';
import { EntitlementRule, Program } from './program.entity';

export const IDEMPOTENCY = { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' };

@InputType({ description: 'A new distribution program with its first entitlement rule.' })
export class CreateProgramInput {
  @Field(() => String) @MaxLength(120) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(500) description?: string;
  @Field(() => String, { description: 'First month the rule applies, YYYY-MM (WITA).' }) @MaxLength(7) effectiveMonth: string;
  @Field(() => Int, { nullable: true, description: 'Packs per eligible woman or girl per month (default 2).' }) packsPerWoman?: number;
  @Field(() => Int, { nullable: true, description: 'Pads per pack (default 10).' }) padsPerPack?: number;
  @Field(() => String, IDEMPOTENCY) @MaxLength(100) idempotencyKey?: string;
}

@InputType({ description: 'A new entitlement rule from a month on; earlier months keep their rule.' })
export class SetEntitlementRuleInput {
  @Field(() => ID) programId: string;
  @Field(() => String, { description: 'First month the rule applies, YYYY-MM (WITA).' }) @MaxLength(7) effectiveMonth: string;
  @Field(() => Int) packsPerWoman: number;
  @Field(() => Int) padsPerPack: number;
  @Field(() => String, { nullable: true, description: 'Why (e.g. SK number or budget change).' }) @MaxLength(500) note?: string;
  @Field(() => String, IDEMPOTENCY) @MaxLength(100) idempotencyKey?: string;
}

@ObjectType()
export class ProgramPayload extends MutationPayload {
  @Field(() => Program, { nullable: true }) program?: Program;
}

@ObjectType()
export class EntitlementRulePayload extends MutationPayload {
  @Field(() => EntitlementRule, { nullable: true }) rule?: EntitlementRule;
}
