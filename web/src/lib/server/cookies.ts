import type { RequestEvent } from '@sveltejs/kit';

export const SESSION_COOKIE = 'kp_session';
export const LANG_COOKIE = 'kp_lang';
/** Set by the API at a successful sign-in: this phone has signed in to the account before (sign-in throttling). */
export const DEVICE_COOKIE = 'kp_device';

/**
 * Attributes shared by the portal's cookies. Secure follows the request's scheme: a Secure
 * cookie sent over plain http (a local run) would be dropped by the browser, even to delete it.
 */
export function cookieOptions(event: RequestEvent) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' } as const;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The language cookie (a year): the choice holds on this phone, signed in or not. */
export function setLanguageCookie(event: RequestEvent, locale: string): void {
  event.cookies.set(LANG_COOKIE, locale, { ...cookieOptions(event), maxAge: ONE_YEAR_SECONDS });
}
