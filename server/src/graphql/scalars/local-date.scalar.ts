import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidLocalDate(value: string): boolean {
  const m = pattern.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isValidLocalDate(value)) {
    throw new GraphQLError('LocalDate must be a calendar date written YYYY-MM-DD.');
  }
  return value;
}

/** A calendar date with no time zone, e.g. a market day in Kupang (WITA): 2025-06-21. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A calendar date without time or zone (YYYY-MM-DD); market days are dates in Asia/Makassar (WITA).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parse(value)),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parse(ast.value);
    throw new GraphQLError('LocalDate must be a string YYYY-MM-DD.');
  },
});
