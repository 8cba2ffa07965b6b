import { isHttpError, json, type Handle, type HandleServerError, type RequestEvent } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, translate } from '$lib/i18n';
import { LANG_COOKIE } from '$lib/server/cookies';
import { loadSessionUser } from '$lib/server/session';

/** Once per request: the language, then the signed-in user (one `me` call, only with a session cookie). */
export const handle: Handle = async ({ event, resolve }) => {
  const chosen = event.cookies.get(LANG_COOKIE);
  event.locals.locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  let session: Awaited<ReturnType<typeof loadSessionUser>>;
  try {
    session = await loadSessionUser(event);
  } catch (e) {
    if (isHttpError(e) && event.locals.retryAfter && isFormAction(event)) return tryLater(e.status, e.body, event.locals.retryAfter);
    throw e;
  }
  event.locals.user = session.user;
  event.locals.sessionExpired = session.expired;
  // Without an explicit choice, a signed-in person sees their account's language.
  if (!isLocale(chosen) && isLocale(session.user?.locale)) event.locals.locale = session.user.locale;

  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale),
  });
};

const isFormAction = (event: RequestEvent) => event.request.method === 'POST' && event.request.headers.get('x-sveltekit-action') === 'true';

/**
 * A form action the API cannot serve yet (its database is away), answered as SvelteKit answers a
 * failed action, with the API's Retry-After: the offline outbox keeps the entry and sends it again
 * after that pause. (A failure in this hook skips the headers `setHeaders` would add.)
 */
function tryLater(status: number, error: App.Error, retryAfter: string): Response {
  return json({ type: 'error', error }, { status, headers: { 'retry-after': retryAfter, 'cache-control': 'no-store' } });
}

/** Unexpected faults are logged here and shown without internals; a missing page gets a plain message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const locale = event.locals.locale ?? DEFAULT_LOCALE;
  if (status === 404) return { message: translate(locale, 'error.notFound'), code: 'NOT_FOUND' };
  if (status < 500) return { message };
  console.error(error);
  return { message: translate(locale, 'error.unexpected'), code: 'INTERNAL_SERVER_ERROR' };
};
