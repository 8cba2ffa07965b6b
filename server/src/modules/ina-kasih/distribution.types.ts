import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { MutationPayload } from '../../graphql/payload';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { FundingSource } from '../funding/funding-source.entity';
import { Distribution, DistributionPlace } from './distribution.entity';

@InputType({ description: 'A delivery to a family in a round. The idempotency key makes a resend (e.g. from a phone’s offline outbox) return the first result.' })
export class RecordDistributionInput {
  @Field(() => String, { description: 'Idempotency key made by the device for this delivery; required.' }) @MaxLength(100) idempotencyKey: string;
  @Field(() => ID) roundId: string;
  @Field(() => ID) familyId: string;
  @Field(() => ID, { nullable: true, description: 'The family member who received and signed.' }) receivedByMemberId?: string;
  @Field(() => String, { nullable: true, description: 'Or the name of the authorised proxy who signed (kuasa).' }) @MaxLength(120) proxyName?: string;
  @Field(() => Int, { nullable: true, description: 'Packs handed over (default: the family’s planned packs; at most that).' }) packs?: number;
  @Field(() => DistributionPlace) place: DistributionPlace;
  @Field(() => Date, {
    nullable: true,
    description:
      'When the packs were handed over (default: when the server receives it). From the round’s opening (and not before its month begins, WITA) until now, a phone’s clock may be 5 minutes ahead; a late hand-over after the month’s end is accepted while the round is open and counts in the round’s month. A phone’s offline outbox sends the time of the tap.',
  }) deliveredAt?: Date;
}

@InputType({ description: 'Corrects a delivery by a reversal entry; the delivery itself is never edited or deleted.' })
export class ReverseDistributionInput {
  @Field(() => ID) distributionId: string;
  @Field(() => String, { description: 'Why (kept on the reversal entry).' }) @MaxLength(500) reason: string;
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' }) @MaxLength(100) idempotencyKey?: string;
}

@ObjectType()
export class DistributionPayload extends MutationPayload {
  @Field(() => Distribution, { nullable: true }) distribution?: Distribution;
}

@ObjectType({ description: 'What part of a delivery one funding source paid for (its stock lots).' })
export class DistributionFunding {
  @Field(() => FundingSource) fundingSource: FundingSource;
  @Field(() => Int) packs: number;
  @Field(() => RupiahScalar) cost: number;
}
