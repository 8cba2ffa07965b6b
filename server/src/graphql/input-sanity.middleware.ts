import type { MiddlewareFn } from 'type-graphql';
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

/** Refuses control characters in the arguments of every query and mutation before any service sees them. */
export const inputSanityMiddleware: MiddlewareFn<RequestContext> = async ({ args, info }, next) => {
  const root = info.parentType.name === 'Query' || info.parentType.name === 'Mutation';
  if (root && hasForbidden(args)) throw new AppError(InputErrors.INVALID_CHARACTERS);
  return next();
};
