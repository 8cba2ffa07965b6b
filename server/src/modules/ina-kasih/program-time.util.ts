import { cityClock, witaDate } from '../../platform/wita-clock';

/** A month written YYYY-MM. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The platform clock (tests and demos move it; see platform/wita-clock.ts) as a date in Kupang. */
export const todayWita = (): string => witaDate(cityClock.now());

/** The current month in Kupang (WITA), YYYY-MM. */
export const currentMonthWita = (): string => todayWita().slice(0, 7);

/** 'YYYY-MM' → first day 'YYYY-MM-01' (the `date` the database keeps), or undefined when malformed. */
export function monthStart(month: string | undefined): string | undefined {
  const m = MONTH_PATTERN.exec(month?.trim() ?? '');
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) return undefined;
  return `${m[1]}-${m[2]}-01`;
}

/** A `date` of the database (string or Date) → 'YYYY-MM'. */
export function monthOf(value: string | Date): string {
  return (value instanceof Date ? value.toISOString() : value).slice(0, 7);
}
