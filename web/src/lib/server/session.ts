import type { RequestEvent } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, translate, type Locale } from '$lib/i18n';
import { cookieOptions, DEVICE_COOKIE, LANG_COOKIE, SESSION_COOKIE, setLanguageCookie } from './cookies';
import { execute, gql, throwApiError } from './graphql';
import { graphql } from './gql';
import type { SessionUserQuery, SignInMutation } from './gql/graphql';

/** The signed-in user as every page needs it. */
export type SessionUser = SessionUserQuery['me'];

const ME = graphql(`
  query SessionUser {
    me { id fullName role locale mustChangePassword }
  }
`);

/**
 * The user behind the session cookie, or null. A session the API no longer accepts
 * (expired, revoked, account disabled) clears the cookie and is reported as expired.
 */
export async function loadSessionUser(event: RequestEvent): Promise<{ user: SessionUser | null; expired: boolean }> {
  if (!event.cookies.get(SESSION_COOKIE)) return { user: null, expired: false };
  const result = await execute(event, ME);
  if (result.ok) return { user: result.data.me, expired: false };
  if (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED') {
    event.cookies.delete(SESSION_COOKIE, cookieOptions(event));
    return { user: null, expired: true };
  }
  throwApiError(result.error);
}

const SIGN_IN = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user { id fullName role locale mustChangePassword }
      userErrors { code field message }
    }
  }
`);

/**
 * Signs in through the API and hands the browser the session and device cookies the API issued,
 * set again on the portal's own response (the browser only ever talks to the portal). The device
 * cookie lets this phone in while someone elsewhere keeps failing on the account.
 */
export async function signIn(event: RequestEvent, login: string, password: string): Promise<SignInMutation['signIn']> {
  const result = await execute(event, SIGN_IN, { input: { login, password } });
  if (!result.ok) throwApiError(result.error);
  const payload = result.data.signIn;
  if (payload.user) {
    const issued = cookieFrom(result.response, SESSION_COOKIE);
    if (!issued) throwApiError({ code: 'INTERNAL_SERVER_ERROR', message: translate(event.locals.locale, 'error.unexpected') });
    event.cookies.set(SESSION_COOKIE, issued.value, { ...cookieOptions(event), maxAge: issued.maxAge });
    const device = cookieFrom(result.response, DEVICE_COOKIE);
    if (device) event.cookies.set(DEVICE_COOKIE, device.value, { ...cookieOptions(event), maxAge: device.maxAge });
    // The account's own language, whatever the phone showed before: on a shared phone the
    // previous person's choice must not carry over (nor be written onto this account).
    if (isLocale(payload.user.locale)) {
      setLanguageCookie(event, payload.user.locale);
      event.locals.locale = payload.user.locale;
    }
  }
  return payload;
}

const SET_MY_LOCALE = graphql(`
  mutation SetMyLocale($input: SetMyLocaleInput!) {
    setMyLocale(input: $input) {
      userErrors { code message }
    }
  }
`);

/**
 * Keeps a signed-in person's language choice on the account. The choice already holds on this
 * phone (cookie), so a failure here is not worth an error page: the next choice tries again.
 */
export async function rememberLocale(event: RequestEvent, locale: Locale): Promise<void> {
  await execute(event, SET_MY_LOCALE, { input: { locale } });
}

const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut { signedOut }
  }
`);

/**
 * Ends the session on the API and drops the cookie, even when the API call fails. The language
 * goes back to the default: the next person on this phone starts in Bahasa Indonesia.
 */
export async function signOut(event: RequestEvent): Promise<void> {
  try {
    await gql(event, SIGN_OUT);
  } finally {
    event.cookies.delete(SESSION_COOKIE, cookieOptions(event));
    event.cookies.delete(LANG_COOKIE, cookieOptions(event));
    event.locals.locale = DEFAULT_LOCALE;
  }
}

function cookieFrom(response: Response, name: string): { value: string; maxAge?: number } | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const value = pair.startsWith(`${name}=`) ? pair.slice(name.length + 1) : '';
    if (!value) continue;
    const maxAge = attributes.find((a) => /^max-age=\d+$/i.test(a));
    return { value, maxAge: maxAge ? Number(maxAge.split('=')[1]) : undefined };
  }
  return undefined;
}
