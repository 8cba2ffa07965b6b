import { Field, ObjectType } from 'type-graphql';
import { UserError } from './user-error.type';

/** Base of every mutation payload: the result fields plus `userErrors` (empty on success). */
@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Problems that stopped the change; empty when it succeeded.' })
  userErrors: UserError[] = [];
}
