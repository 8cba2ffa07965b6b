import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { defineMessages } from '../platform/i18n';
import type { RequestContext } from './context';
import { userError, type UserError } from './user-error.type';

export const UniqueErrors = defineMessages({
  ALREADY_EXISTS: {
    id: 'Data ini sudah ada: baru saja disimpan oleh orang lain atau oleh permintaan lain. Muat ulang lalu periksa.',
    en: 'This already exists: it was just saved by someone else or by another request. Reload and check.',
  },
});

/** What a unique constraint means to the person whose change ran into it. */
export interface UniqueMeaning {
  /** The userError code, the same one the feature's own check answers when there is no race. */
  code: string;
  /** The input field the value came from (under `input`). */
  field: string;
}

const meanings = new Map<string, UniqueMeaning>();

/**
 * A feature says what its unique constraints mean (beside its error messages), so that losing a
 * race gets the answer its own check gives when there is no race. Undeclared constraints answer
 * ALREADY_EXISTS, pointing at the first of the constraint's columns that is an input field.
 */
export function declareUniqueConstraints(declared: Record<string, UniqueMeaning>): void {
  for (const [constraint, meaning] of Object.entries(declared)) meanings.set(constraint, meaning);
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The userError for a unique violation met by a mutation whose input has `inputFields`. */
export function uniqueViolationError(err: UniqueConstraintViolationException, ctx: Pick<RequestContext, 'locale'>, inputFields: string[]): UserError {
  const { constraint, detail } = err as unknown as { constraint?: string; detail?: string };
  const meaning = constraint ? meanings.get(constraint) : undefined;
  // PostgreSQL's detail names the columns, "Key (program_id, month)=(…) already exists.": only the names are read.
  const columns = /^Key \(([^)]*)\)=/.exec(detail ?? '')?.[1].split(',').map((c) => camel(c.trim().replace(/"/g, ''))) ?? [];
  const field = meaning?.field ?? columns.find((c) => inputFields.includes(c));
  return userError(ctx.locale, meaning?.code ?? UniqueErrors.ALREADY_EXISTS, field && inputFields.includes(field) ? ['input', field] : ['input']);
}

/** A payload holding only `userErrors`: its class when type-graphql knows it, empty lists and zeros for required fields. */
function refusedPayload(type: GraphQLObjectType, userErrors: UserError[]): Record<string, unknown> {
  const target = getMetadataStorage().objectTypes.find((t) => t.name === type.name)?.target as (new () => Record<string, unknown>) | undefined;
  const payload: Record<string, unknown> = target ? new target() : {};
  for (const field of Object.values(type.getFields())) {
    if (!isNonNullType(field.type) || payload[field.name] !== undefined) continue;
    const inner = field.type.ofType;
    if (isListType(inner)) payload[field.name] = [];
    else if (isScalarType(inner) && (inner.name === 'Int' || inner.name === 'Float')) payload[field.name] = 0;
    else if (isScalarType(inner) && inner.name === 'Boolean') payload[field.name] = false;
  }
  payload.userErrors = userErrors;
  return payload;
}

function inputFieldsOf(field: GraphQLField<unknown, unknown>): string[] {
  const input = field.args.find((a) => a.name === 'input');
  const type = input && getNamedType(input.type);
  return type && isInputObjectType(type) ? Object.keys(type.getFields()) : [];
}

/**
 * The one place where a unique-constraint race becomes data: every mutation that loses one (two
 * registrations of one phone, two rounds for one month, each past its own check at the same
 * moment) answers its payload with a userError in the caller's language and the field it is
 * about, instead of a top-level CONFLICT with `data: null`. The constraint already kept the data
 * right; the transaction was rolled back. Wraps the Mutation fields' resolvers only, so no other
 * field pays for it.
 */
export function answerUniqueRacesAsUserErrors(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const payloadType = getNamedType(field.type);
    const resolve = field.resolve;
    if (!resolve || !isObjectType(payloadType) || !payloadType.getFields().userErrors) continue;
    const inputFields = inputFieldsOf(field);
    const guarded: GraphQLFieldResolver<unknown, RequestContext> = async (source, args, ctx, info) => {
      try {
        return await resolve(source, args, ctx, info);
      } catch (err) {
        if (!(err instanceof UniqueConstraintViolationException)) throw err;
        return refusedPayload(payloadType, [uniqueViolationError(err, ctx, inputFields)]);
      }
    };
    field.resolve = guarded as GraphQLFieldResolver<unknown, unknown>;
  }
  return schema;
}
