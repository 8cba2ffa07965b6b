import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

const SCALAR_SAMPLES: Record<string, () => unknown> = {
  String: () => 'x',
  ID: () => randomUUID(),
  Int: () => 1,
  Float: () => 1,
  Boolean: () => true,
  LocalDate: () => '2026-01-03',
  Rupiah: () => 1,
  DateTimeISO: () => '2026-01-03T02:00:00Z',
  JSONObject: () => ({}),
};

/**
 * A value of `type` that passes GraphQL's type checks, for tests that walk the schema: only the
 * required fields (lists empty), or with `everyField` every field (lists with one item).
 */
export function sampleInput(type: GraphQLInputType, everyField = false): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, everyField);
  if (isListType(type)) return everyField ? [sampleInput(type.ofType, everyField)] : [];
  if (isEnumType(type)) return type.getValues()[0].name; // variables carry the enum's name, not its internal value
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => everyField || isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, sampleInput(f.type, everyField)]));
  }
  if (isScalarType(type)) return (SCALAR_SAMPLES[type.name] ?? SCALAR_SAMPLES.String)();
  return null;
}

/** A request for one root field with `args` as variables; `{ __typename }` reads any composite result. */
export function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: readonly GraphQLArgument[] = field.args): string {
  const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind}${decl ? `(${decl})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}
