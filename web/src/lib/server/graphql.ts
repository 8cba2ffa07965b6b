import { error, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { DEVICE_COOKIE, LANG_COOKIE, SESSION_COOKIE } from './cookies';
import type { TypedDocumentString } from './gql/graphql';

/** The first error the API reported: a stable code and a message already in the caller's language. */
export interface ApiError {
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; data: T; response: Response } | { ok: false; error: ApiError };

/** A document's variables: optional when it declares none, required (and typed from the schema) otherwise. */
export type VariablesArg<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

/** A mutation's refusals as the form helpers read them (every payload selects at least these). */
export interface Refusals {
  userErrors: { field?: string[] | null; message: string; code?: string }[];
}

/** HTTP status for an error page, by API error code; anything else is a server fault. */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  DATABASE_UNAVAILABLE: 503,
  API_UNREACHABLE: 503,
  // A search by a full KK/NIK past the officer's hourly allowance of identity checks.
  FAMILY_ID_CHECK_LIMIT: 429,
};

/** Set by server/src/app.ts before the portal is imported, so it is read per request. */
function apiUrl(): string {
  const url = process.env.INTERNAL_API_URL;
  if (!url) throw new Error('INTERNAL_API_URL is not set: start the portal through the API server (node server/dist/main.js)');
  return url;
}

/**
 * Sends a GraphQL document to the API as the browser's user: their session, language and device
 * cookies and their address (the API trusts X-Forwarded-For from loopback only). Documents are
 * written with `graphql()` from `./gql`, so the result and the variables are typed from the schema.
 */
export async function execute<T, V>(event: RequestEvent, document: TypedDocumentString<T, V>, ...[variables]: VariablesArg<V>): Promise<ApiResult<T>> {
  const cookies = [`${LANG_COOKIE}=${event.locals.locale}`];
  const session = event.cookies.get(SESSION_COOKIE);
  // Re-encoded: a decoded value could otherwise smuggle "; name=value" into the header.
  if (session) cookies.push(`${SESSION_COOKIE}=${encodeURIComponent(session)}`);
  const device = event.cookies.get(DEVICE_COOKIE);
  if (device) cookies.push(`${DEVICE_COOKIE}=${encodeURIComponent(device)}`);
  const url = apiUrl();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-forwarded-for': event.getClientAddress() },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    return { ok: false, error: { code: 'API_UNREACHABLE', message: translate(event.locals.locale, 'error.apiUnreachable') } };
  }
  passRetryAfter(event, response);
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  const first = body.errors?.[0];
  if (first || !body.data) {
    return {
      ok: false,
      error: { code: first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', message: first?.message ?? translate(event.locals.locale, 'error.unexpected') },
    };
  }
  return { ok: true, data: body.data, response };
}

/**
 * The API answers 503 with Retry-After while its database is away (429 when rate-limited): the
 * portal's answer carries the same header, so the browser's offline outbox and any proxy wait
 * that long before trying again. Set once per request (SvelteKit refuses a header set twice).
 */
function passRetryAfter(event: RequestEvent, response: Response): void {
  const retryAfter = response.headers.get('retry-after');
  if (!retryAfter || response.ok || event.locals.retryAfter) return;
  event.locals.retryAfter = retryAfter;
  event.setHeaders({ 'retry-after': retryAfter });
}

/** For loads and actions: the data, or an error page with the API's status, code and message. */
export async function gql<T, V>(event: RequestEvent, document: TypedDocumentString<T, V>, ...variables: VariablesArg<V>): Promise<T> {
  const result = await execute(event, document, ...variables);
  if (!result.ok) throwApiError(result.error);
  return result.data;
}

export function throwApiError(apiError: ApiError): never {
  error(STATUS_BY_CODE[apiError.code] ?? 500, apiError);
}

/** A mutation's userErrors by input field (the last part of its path), for showing beside each field; `_form` for the rest. */
export function fieldErrors(userErrors: Refusals['userErrors']): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const e of userErrors) {
    const key = e.field?.at(-1) ?? '_form';
    errors[key] = errors[key] ? `${errors[key]} ${e.message}` : e.message;
  }
  return errors;
}
