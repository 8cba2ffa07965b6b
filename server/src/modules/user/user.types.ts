import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { MutationPayload } from '../../graphql/payload';
import { Role } from './role.enum';
import { User } from './user.entity';

@InputType({ description: 'A new account, made by an administrator.' })
export class CreateUserInput {
  @Field(() => String)
  @MaxLength(200)
  fullName: string;

  @Field(() => String, { nullable: true })
  @MaxLength(254)
  email?: string;

  @Field(() => String, { nullable: true, description: 'Mobile number, 08… or +62 8….' })
  @MaxLength(30)
  phone?: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { description: 'First password; the person should change it.' })
  @MaxLength(200)
  password: string;

  @Field(() => ID, { nullable: true, description: 'Partner organisation, required for PARTNER accounts.' })
  partnerId?: string;

  @Field(() => [String], { nullable: true, description: 'Kelurahan codes a PROGRAM_STAFF account is limited to; none = whole city.' })
  kelurahanCodes?: string[];

  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the account made first.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  @MaxLength(200)
  newPassword: string;
}

@InputType()
export class SetUserActiveInput {
  @Field(() => ID)
  userId: string;

  @Field(() => Boolean)
  active: boolean;
}

@InputType({ description: 'The language the signed-in person wants the portal and the API messages in.' })
export class SetMyLocaleInput {
  @Field(() => String, { description: 'id (Bahasa Indonesia) or en (English).' })
  @MaxLength(10)
  locale: string;
}

@ObjectType({ description: 'Result of an account change.' })
export class UserPayload extends MutationPayload {
  @Field(() => User, { nullable: true })
  user?: User;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field(() => String, { nullable: true, description: 'Part of a name, e-mail or phone number.' })
  @MaxLength(100)
  search?: string;
}

@ObjectType()
export class UserConnection extends Connection(User, 'User') {}

@InputType({ description: "An account whose holder forgot her password: she gets a temporary one (reset by market staff for vendors, by an administrator for anyone)." })
export class ResetPasswordInput {
  @Field(() => ID)
  userId: string;
}

@ObjectType({ description: 'Result of a reset: the temporary password, shown once to the staff member, who gives it to the account holder.' })
export class ResetPasswordPayload extends MutationPayload {
  @Field(() => User, { nullable: true })
  user?: User;

  @Field(() => String, {
    nullable: true,
    description: 'The temporary password, returned only here and stored only as a hash: it opens the account once, to choose a new password.',
  })
  temporaryPassword?: string;
}

@InputType({ description: 'The signed-in person chooses a new password (required after a reset to a temporary one).' })
export class ChangeMyPasswordInput {
  @Field(() => String, { description: 'The current (or temporary) password.' })
  @MaxLength(200)
  currentPassword: string;

  @Field(() => String, { description: 'At least 8 characters.' })
  @MaxLength(200)
  newPassword: string;
}
