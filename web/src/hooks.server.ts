import type { Handle, HandleServerError } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, translate } from '$lib/i18n';
import { LANG_COOKIE } from '$lib/server/cookies';
import { loadSessionUser } from '$lib/server/session';

/** Once per request: the language, then the signed-in user (one `me` call, only with a session cookie). */
export const handle: Handle = async ({ event, resolve }) => {
  const chosen = event.cookies.get(LANG_COOKIE);
  event.locals.locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  const session = await loadSessionUser(event);
  event.locals.user = session.user;
  event.locals.sessionExpired = session.expired;
  // Without an explicit choice, a signed-in person sees their account's language.
  if (!isLocale(chosen) && isLocale(session.user?.locale)) event.locals.locale = session.user.locale;

  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale),
  });
};

/** Unexpected faults are logged here and shown without internals; a missing page gets a plain message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const locale = event.locals.locale ?? DEFAULT_LOCALE;
  if (status === 404) return { message: translate(locale, 'error.notFound'), code: 'NOT_FOUND' };
  if (status < 500) return { message };
  console.error(error);
  return { message: translate(locale, 'error.unexpected'), code: 'INTERNAL_SERVER_ERROR' };
};
