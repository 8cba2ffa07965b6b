import type { Locale } from '$lib/i18n';

/** "Oktober 2026" for a month written 2026-10. */
export function monthLabel(month: string, locale: Locale = 'id'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-ID' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** "87,5%"; an empty plan reads as 0. */
export function percent(part: number, whole: number, locale: Locale = 'id'): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-ID' : 'id-ID', { style: 'percent', maximumFractionDigits: 1 }).format(whole ? part / whole : 0);
}
