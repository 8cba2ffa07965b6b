import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { BadInputError } from '../platform/app-error';
import { defineMessages } from '../platform/i18n';
import type { RequestContext } from './context';
import { literalProblems, variableProblems, type InputProblem } from './input-problems';

export const InputErrors = defineMessages({
  INVALID_CHARACTERS: {
    id: 'Isian mengandung karakter yang tidak diizinkan (karakter kontrol).',
    en: 'The input contains characters that are not allowed (control characters).',
  },
  INVALID_UNICODE: {
    id: 'Isian mengandung teks yang rusak (bukan Unicode yang sah, mis. separuh emoji). Ketik ulang isian itu.',
    en: 'The input contains broken text (not valid Unicode, e.g. half an emoji). Type that field again.',
  },
  INVALID_ID: {
    id: 'ID tidak valid: ID data selalu berbentuk UUID (mis. 3f0c…-…). Pilih datanya lagi dari daftar.',
    en: 'Invalid ID: record IDs are always UUIDs (e.g. 3f0c…-…). Pick the record again from its list.',
  },
});

/** The refusal for a request's input problems: each problem's place and reason, never the value. */
function refusal(problems: InputProblem[]): GraphQLError {
  const reason = problems[0].reason;
  const fields = problems.map((p) => ({ field: p.path, constraints: [p.reason] }));
  return new GraphQLError('invalid input', {
    originalError: new BadInputError(reason, fields),
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/**
 * Checks a request's whole input once, before any resolver runs: text with control characters
 * or that is not well-formed Unicode (a lone UTF-16 surrogate, which PostgreSQL refuses in JSON
 * and silently turns into U+FFFD in text), values that do not fit their declared type, and IDs
 * that are not UUIDs, in variables and in literals, for every operation. Once per request rather
 * than as a type-graphql global middleware, which wrapped every field of every answer in a promise
 * chain (50 users × 6 fields).
 */
export const inputSanityPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, operation, schema }) {
        const problems = [...literalProblems(schema, document), ...(operation ? variableProblems(schema, operation, request.variables) : [])];
        if (problems.length) throw refusal(problems);
      },
    };
  },
};
