import { Field, ID, InputType, ObjectType } from 'type-graphql';
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

@InputType({ description: "A partner organisation's sector and business contact (the person at the partner the city talks to)." })
export class UpdatePartnerContactInput {
  @Field(() => ID)
  partnerId: string;

  @Field(() => String, { nullable: true, description: 'e.g. banking; empty clears it.' })
  @MaxLength(100)
  sector?: string;

  @Field(() => String, { nullable: true, description: 'Contact person; empty clears it.' })
  @MaxLength(200)
  contactName?: string;

  @Field(() => String, { nullable: true, description: 'Contact e-mail; empty clears it.' })
  @MaxLength(254)
  contactEmail?: string;

  @Field(() => String, { nullable: true, description: 'Contact mobile number, 08… or +62 8…; empty clears it.' })
  @MaxLength(30)
  contactPhone?: string;
}
