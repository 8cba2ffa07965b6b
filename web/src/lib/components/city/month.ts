import type { Locale } from '$lib/i18n';

const INTL: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** "Juni 2025" / "Jun 2025" for a month "2025-06" (or a year and a month number), as people read it. */
export function formatMonth(month: string | { year: number; month: number }, locale: Locale = 'id', style: 'long' | 'short' = 'long'): string {
  const [y, m] = typeof month === 'string' ? month.split('-').map(Number) : [month.year, month.month];
  return new Intl.DateTimeFormat(INTL[locale], { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** The name of a month number alone: "Juni" / "June". */
export function monthName(month: number, locale: Locale = 'id'): string {
  return new Intl.DateTimeFormat(INTL[locale], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, month - 1, 15)));
}
