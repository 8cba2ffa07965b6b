import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException, ConnectionException, CheckConstraintViolationException, NotNullConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from 'pino';
import { AppError, BadInputError, CommonErrors, type FieldProblem } from '../platform/app-error';
import { translate, type Locale } from '../platform/i18n';
import type { RequestContext } from './context';

/** Codes GraphQL itself produces for malformed documents; their messages are safe to show. */
const GRAPHQL_CLIENT_CODES = new Set(['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

interface Mapped {
  code: string;
  /** Which message to show when it is more specific than the code's own. */
  reason?: string;
  params?: Record<string, unknown>;
  fields?: FieldProblem[];
}

/** The one place where thrown errors become what a client sees. Anything unexpected is hidden. */
function classify(error: unknown): Mapped | undefined {
  if (error instanceof BadInputError) return { code: error.code, reason: error.reason, fields: error.fields };
  if (error instanceof AppError) return { code: error.code, params: error.params };
  if (error instanceof ArgumentValidationError) {
    return {
      code: 'BAD_USER_INPUT',
      reason: CommonErrors.INVALID_VALUE,
      fields: error.extensions.validationErrors.map((v) => ({ field: [v.property], constraints: Object.keys(v.constraints ?? {}) })),
    };
  }
  if (error instanceof UniqueConstraintViolationException) return { code: 'CONFLICT' };
  if (error instanceof ForeignKeyConstraintViolationException) return { code: 'NOT_FOUND' };
  if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException) return { code: 'BAD_USER_INPUT', reason: CommonErrors.INVALID_VALUE };
  if (error instanceof ConnectionException || (error instanceof Error && /ECONNREFUSED|Connection terminated|Connection ended/.test(error.message))) return { code: 'DATABASE_UNAVAILABLE' };
  return undefined;
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(error);
    // Errors thrown while building the request context arrive wrapped once more.
    if (original instanceof GraphQLError && original.originalError) original = original.originalError;
    const mapped = classify(original);
    if (mapped) {
      return {
        message: translate('id', mapped.reason ?? mapped.code, mapped.params),
        path: formatted.path,
        extensions: { code: mapped.code, ...(mapped.reason ? { reason: mapped.reason } : {}), ...(mapped.fields ? { fields: mapped.fields } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_CLIENT_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL request');
    return { message: translate('id', 'INTERNAL_SERVER_ERROR'), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Re-words mapped errors in the caller's language (formatError has no access to the request). */
export const localizeErrorsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const errors = response.body.singleResult.errors;
        const locale: Locale = contextValue.locale;
        if (locale === 'id') return;
        response.body.singleResult.errors = errors.map((e) => {
          const code = e.extensions?.code;
          const reason = e.extensions?.reason;
          if (typeof code !== 'string' || (GRAPHQL_CLIENT_CODES.has(code) && typeof reason !== 'string')) return e;
          return { ...e, message: translate(locale, typeof reason === 'string' ? reason : code) };
        });
      },
    };
  },
};
