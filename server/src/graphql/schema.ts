import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../modules/resolvers';
import { authChecker } from './auth-checker';
import { LocalDateScalar } from './scalars/local-date.scalar';
import { RupiahScalar } from './scalars/rupiah.scalar';
import { answerUniqueRacesAsUserErrors } from './unique-violation';

export { LocalDateScalar, RupiahScalar };

let built: Promise<GraphQLSchema> | undefined;

/** Builds the type-graphql schema once per process (mutations answer unique-constraint races as userErrors); the same for every request. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [],
    orphanedTypes: [],
  }).then(answerUniqueRacesAsUserErrors);
  return built;
}
