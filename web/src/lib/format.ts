import type { Locale } from '$lib/i18n';

/** Kupang keeps WITA (UTC+8, no daylight saving); dates and times are always shown in it. */
export const TIME_ZONE = 'Asia/Makassar';

// en-ID is English with Indonesian conventions: "Rp 1.200.000", "10.00".
const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-ID' };

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Full amount in whole rupiah: "Rp 1.200.000" (a no-break space keeps "Rp" with the number). */
export function formatRupiah(amount: number, locale: Locale = 'id'): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(amount);
}

/**
 * Short amount for totals: "Rp 1,2 miliar", "Rp 350 juta". Intl's compact currency style only
 * gives abbreviations ("Rp 1,2 M"), so the long compact number gets the "Rp" prefix instead;
 * one decimal keeps "1,2 miliar" from rounding to "1 miliar".
 */
export function formatRupiahCompact(amount: number, locale: Locale = 'id'): string {
  const number = new Intl.NumberFormat(INTL_LOCALE[locale], { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(
    Math.abs(amount),
  );
  return `${amount < 0 ? '-' : ''}Rp\u00a0${number}`;
}

/** A LocalDate ("2025-06-21") is a day in WITA; anything else is an instant shown in WITA. */
function toInstant(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(LOCAL_DATE.test(value) ? `${value}T12:00:00+08:00` : value);
}

/** "Sabtu, 21 Juni 2025". */
export function formatDate(value: string | Date, locale: Locale = 'id'): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(
    toInstant(value),
  );
}

/** A certificate's verification code as printed and read aloud: "ABCD-EFGH-JKLM". */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** "10.00 WITA". */
export function formatTime(value: string | Date, locale: Locale = 'id'): string {
  const time = new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(
    toInstant(value),
  );
  return `${time} WITA`;
}

/** "7 Des 2026": a day in lists and facts, where the weekday is not needed. */
export function formatShortDate(value: string | Date, locale: Locale = 'id'): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(toInstant(value));
}

/** "Des 2026" for a month written 2026-12 (the API's months are WITA calendar months). */
export function formatMonth(month: string, locale: Locale = 'id'): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
