import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException, ConnectionException, CheckConstraintViolationException, NotNullConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from 'pino';
import { AppError, BadInputError, CommonErrors, type FieldProblem } from '../platform/app-error';
import { translate, type Locale } from '../platform/i18n';
import type { RequestContext } from './context';

/** Codes GraphQL itself produces for malformed documents; their messages are shown once cleared of values. */
const GRAPHQL_CLIENT_CODES = new Set(['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * How long a client should wait before trying again while PostgreSQL is away. A restart or crash
 * recovery measured 0.5–1.8 s of failed writes; a few seconds lets proxies and the portal's
 * offline outbox back off without keeping people waiting.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** HTTP status (and headers) for the codes that have one of their own; the others answer 200 or Apollo's. */
const HTTP_BY_CODE: Record<string, { status: number; retryAfterSeconds?: number }> = {
  [CommonErrors.DATABASE_UNAVAILABLE]: { status: 503, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
};

interface Mapped {
  code: string;
  /** Which message to show when it is more specific than the code's own. */
  reason?: string;
  params?: Record<string, unknown>;
  fields?: FieldProblem[];
}

/** Driver errors meaning PostgreSQL cannot be reached right now (refused, reset, cut mid-statement, shutting down). */
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|Connection ended|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Timeout acquiring a connection/;

/** True when `error` says the database is away (not that a statement was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof ConnectionException || (error instanceof Error && UNREACHABLE.test(error.message));
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
  if (isDatabaseUnavailable(error)) return { code: CommonErrors.DATABASE_UNAVAILABLE };
  return undefined;
}

/**
 * graphql-js quotes the offending value in some of its messages (a literal, a variable, a token).
 * None of it goes back: a password typed into the wrong field must not come back in an answer
 * (nor into a proxy's log). What is left names only types, fields and variables.
 */
const VALUE_ECHOES: [RegExp, string][] = [
  [/^(Variable "\$\w+") got invalid value[\s\S]*$/, '$1 got an invalid value.'],
  [/^(Argument "\w+") has invalid value[\s\S]*$/, '$1 has an invalid value.'],
  [/^Value "[\s\S]*" does not exist in ("\w+" enum)[\s\S]*$/, 'Value does not exist in $1.'],
  [/( cannot represent [^:]*?value)[:\s][\s\S]*$/, '$1.'],
  [/^(Syntax Error: Unexpected \w+) "[\s\S]*$/, '$1.'],
  [/, found [\s\S]*$/, '.'],
];

export function withoutValues(message: string): string {
  for (const [pattern, replacement] of VALUE_ECHOES) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(error);
    // Errors thrown while building the request context arrive wrapped once more.
    if (original instanceof GraphQLError && original.originalError) original = original.originalError;
    const mapped = classify(original);
    if (mapped) {
      if (mapped.code === CommonErrors.DATABASE_UNAVAILABLE) logger.warn({ err: original, path: formatted.path }, 'database unavailable: request answered 503');
      return {
        message: translate('id', mapped.reason ?? mapped.code, mapped.params),
        path: formatted.path,
        extensions: { code: mapped.code, ...(mapped.reason ? { reason: mapped.reason } : {}), ...(mapped.fields ? { fields: mapped.fields } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_CLIENT_CODES.has(code)) {
      return { message: withoutValues(formatted.message), locations: formatted.locations, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL request');
    return { message: translate('id', 'INTERNAL_SERVER_ERROR'), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** The HTTP status and headers an answer carrying `code` gets, when the code has its own. */
export function httpHeadFor(code: string): { status: number; headers: HeaderMap } | undefined {
  const http = HTTP_BY_CODE[code];
  if (!http) return undefined;
  const headers = new HeaderMap();
  if (http.retryAfterSeconds) headers.set('retry-after', String(http.retryAfterSeconds));
  return { status: http.status, headers };
}

/**
 * Finishes mapped errors once the request is known (formatError has no access to it): re-words
 * them in the caller's language and gives the answer the HTTP status its errors call for (503
 * with Retry-After while the database is away, so proxies and the portal's outbox try later).
 */
export const errorResponsePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const errors = response.body.singleResult.errors;
        const head = errors.map((e) => httpHeadFor(String(e.extensions?.code))).find(Boolean);
        if (head) {
          response.http.status = head.status;
          for (const [name, value] of head.headers) response.http.headers.set(name, value);
        }
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
