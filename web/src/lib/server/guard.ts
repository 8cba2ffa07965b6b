import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { ROLE_HOME } from '$lib/roles';
import type { Role } from './gql/graphql';
import type { SessionUser } from './session';

/**
 * The signed-in user when their role may open this area. Signed out: off to the sign-in page,
 * which brings them back here. Wrong role: a 403 page.
 */
export function requireRole(locals: App.Locals, url: URL, roles: readonly Role[]): SessionUser {
  const { user } = locals;
  if (!user) {
    const query = new URLSearchParams({ next: url.pathname + url.search });
    if (locals.sessionExpired) query.set('sesi', 'berakhir');
    redirect(303, `/masuk?${query}`);
  }
  if (!roles.includes(user.role)) error(403, { code: 'FORBIDDEN', message: translate(locals.locale, 'error.forbidden') });
  // After a reset to a temporary password, choosing her own comes before anything else (the API insists too).
  if (user.mustChangePassword && url.pathname !== CHANGE_PASSWORD) redirect(303, CHANGE_PASSWORD);
  return user;
}

/** Where a person signed in with a temporary password chooses her own. */
export const CHANGE_PASSWORD = '/akun/kata-sandi';

const SAME_SITE = 'http://portal.invalid';

/**
 * A path on this site to continue to, or undefined for anything that could leave it. Parsed the
 * way a browser would, so "//host", "/\\host" and tab tricks are caught.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  try {
    const url = new URL(value, SAME_SITE);
    return url.origin === SAME_SITE ? url.pathname + url.search + url.hash : undefined;
  } catch {
    return undefined;
  }
}

/** After signing in: back to where the person was going, else their role's home. */
export function homeAfterSignIn(role: Role, url: URL, mustChangePassword = false): string {
  if (mustChangePassword) return CHANGE_PASSWORD;
  const next = safeNext(url.searchParams.get('next'));
  return next && !next.startsWith('/masuk') && !next.startsWith('/keluar') ? next : ROLE_HOME[role];
}
