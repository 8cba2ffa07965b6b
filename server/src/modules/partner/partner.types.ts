import { Field, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { MutationPayload } from '../../graphql/payload';
import { Partner } from './partner.entity';

@InputType({ description: 'A new funding partner organisation.' })
export class CreatePartnerInput {
  @Field(() => String)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  sector?: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the partner made first.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@ObjectType()
export class PartnerPayload extends MutationPayload {
  @Field(() => Partner, { nullable: true })
  partner?: Partner;
}
