import type { Locale } from '$lib/i18n';
import type { Messages } from '$lib/i18n/messages';
import type { SessionUser } from '$lib/server/session';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API's error code, e.g. FORBIDDEN, when the error came from the API. */
      code?: string;
    }
    interface Locals {
      locale: Locale;
      user: SessionUser | null;
      /** The browser sent a session the API no longer accepts. */
      sessionExpired: boolean;
      /** The API asked to be tried again later (Retry-After, seconds), e.g. while its database is away. */
      retryAfter?: string;
    }
    interface PageData {
      locale: Locale;
      user: SessionUser | null;
      /** The page's messages in its language (set by the root +layout.ts, after the server loads). */
      messages?: Messages;
    }
  }
}

export {};
