import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function toRupiah(value: unknown): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new GraphQLError('Rupiah must be a whole number of rupiah (no decimals), within ±9,007,199,254,740,991.');
  }
  return n;
}

/**
 * Whole rupiah. Unlike GraphQL Int (32-bit, tops out at Rp 2.147.483.647) it carries any
 * safe integer, enough for national totals; stored as PostgreSQL bigint.
 */
export const RupiahScalar = new GraphQLScalarType({
  name: 'Rupiah',
  description: 'An amount in whole Indonesian rupiah (no minor unit); serialized as a JSON number, exact up to 9 quadrillion.',
  serialize: (value) => toRupiah(typeof value === 'bigint' ? value.toString() : value),
  parseValue: toRupiah,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toRupiah(ast.value);
    throw new GraphQLError('Rupiah must be a whole number.');
  },
});
