import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { AppError } from '../platform/app-error';
import { defineMessages } from '../platform/i18n';
import type { RequestContext } from './context';

export const InputErrors = defineMessages({
  INVALID_CHARACTERS: {
    id: 'Isian mengandung karakter yang tidak diizinkan (karakter kontrol).',
    en: 'The input contains characters that are not allowed (control characters).',
  },
});

// NUL cannot be stored by PostgreSQL at all; the other C0 controls (except tab and line breaks) are never legitimate text.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function hasForbidden(value: unknown): boolean {
  if (typeof value === 'string') return FORBIDDEN.test(value);
  if (Array.isArray(value)) return value.some(hasForbidden);
  if (value && typeof value === 'object') return Object.values(value).some(hasForbidden);
  return false;
}

/** String literals in the query text: the lexer refuses raw control characters, so they can only come as \u escapes. */
function literalHasForbidden(query: string | undefined, document: DocumentNode): boolean {
  if (!query?.includes('\\u')) return false;
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!FORBIDDEN.test(node.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Refuses control characters anywhere in a request's input (variables and string literals) once
 * per request, before any resolver runs. Once per request rather than as a type-graphql global
 * middleware, which wrapped every field of every answer in a promise chain (50 users × 6 fields).
 */
export const inputSanityPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (!hasForbidden(request.variables) && !literalHasForbidden(request.query, document)) return;
        throw new GraphQLError('invalid characters', {
          originalError: new AppError(InputErrors.INVALID_CHARACTERS),
          extensions: { code: InputErrors.INVALID_CHARACTERS, http: { status: 400 } },
        });
      },
    };
  },
};
