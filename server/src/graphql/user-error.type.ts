import { Field, ObjectType } from 'type-graphql';
import { translate, type Locale } from '../platform/i18n';

/** An expected failure returned as data: a stable code, the input field it is about and a message. */
@ObjectType({ description: 'A problem with the request that the user can fix; nothing was changed.' })
export class UserError {
  @Field(() => String, { description: 'Stable machine-readable code, e.g. INVALID_CREDENTIALS.' })
  code: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field concerned, e.g. ["input","phone"].' })
  field?: string[];

  @Field(() => String, { description: "Message in the user's language (Bahasa Indonesia by default)." })
  message: string;

  constructor(code: string, message: string, field?: string[]) {
    this.code = code;
    this.message = message;
    this.field = field;
  }
}

export function userError(locale: Locale, code: string, field?: string[], params?: Record<string, unknown>): UserError {
  return new UserError(code, translate(locale, code, params), field);
}
