import { Field, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { MutationPayload } from '../../graphql/payload';
import { User } from '../user/user.entity';

@InputType({ description: 'Sign in with a mobile number (08…, +62 8…) or an e-mail address, and a password.' })
export class SignInInput {
  @Field(() => String, { description: 'Mobile number or e-mail.' })
  @MaxLength(254)
  login: string;

  @Field(() => String)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: 'Result of signing in; on success the session cookie is set.' })
export class SignInPayload extends MutationPayload {
  @Field(() => User, { nullable: true })
  user?: User;
}

@ObjectType({ description: 'Result of signing out.' })
export class SignOutPayload extends MutationPayload {
  @Field(() => Boolean)
  signedOut: boolean;
}
