import type { Locale } from '$lib/i18n';

interface MonthTotal {
  /** First day of the month, YYYY-MM-01. */
  periodStart: string;
  amount: number;
  marketDays: number;
}

/**
 * Like with like: a month's average turnover per market day against the month before's, as
 * "+12,5" / "-3". Whole months compared as totals ("Desember −77 %" after one weekend against a
 * whole November) count market days that have not been held yet. Null when there is nothing to
 * compare with (no month just before, or no market day in either).
 */
export function perDayChange(row: MonthTotal, before: MonthTotal | undefined, locale: Locale = 'id'): string | null {
  if (!before || !row.marketDays || !before.marketDays || !before.amount) return null;
  const previousMonth = new Date(`${row.periodStart}T00:00:00Z`);
  previousMonth.setUTCMonth(previousMonth.getUTCMonth() - 1);
  if (before.periodStart !== previousMonth.toISOString().slice(0, 10)) return null;
  const percent = Math.round((row.amount / row.marketDays / (before.amount / before.marketDays) - 1) * 1000) / 10;
  return `${percent > 0 ? '+' : ''}${percent.toLocaleString(locale === 'en' ? 'en-ID' : 'id-ID')}`;
}
