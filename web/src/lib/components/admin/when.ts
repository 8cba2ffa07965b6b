import { formatTime, TIME_ZONE } from '$lib/format';
import type { Locale } from '$lib/i18n';

const INTL: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** "7 Des 2026" in WITA: short enough for a list on a phone, never an ISO date. */
export function shortDate(value: string | Date, locale: Locale = 'id'): string {
  return new Intl.DateTimeFormat(INTL[locale], { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(value));
}

/** "7 Des 2026, 10.00 WITA". */
export function shortDateTime(value: string | Date, locale: Locale = 'id'): string {
  return `${shortDate(value, locale)}, ${formatTime(value, locale)}`;
}
