/** Kupang time: Asia/Makassar (WITA) is UTC+8 all year, without daylight saving. */
const WITA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The city's clock (WITA): every program reads it. Tests move it (e.g. to 23:30 UTC on a Friday, which is already
 * Saturday morning in Kupang); outside production MARKET_CLOCK=<ISO instant> starts the server
 * at that moment (browser tests and demos of a market day on a weekday). Production never moves it.
 */
function startOffset(): number {
  const at = process.env.NODE_ENV === 'production' ? undefined : process.env.MARKET_CLOCK;
  const ms = at ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? 0 : ms - Date.now();
}

export const cityClock = {
  offsetMs: startOffset(),
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  },
  /** Makes `now()` return `at` (moving forward with real time from there). */
  setNow(at: Date | undefined): void {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  },
};

/** The calendar date in Kupang (YYYY-MM-DD) at an instant. */
export function witaDate(at: Date): string {
  return new Date(at.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a wall-clock time in Kupang, e.g. witaInstant('2026-12-05', '16:00'). */
export function witaInstant(date: string, time: string): Date {
  return new Date(new Date(`${date}T${time}:00Z`).getTime() - WITA_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/** Saturdays and Sundays from `from` to `to`, inclusive. */
export function weekendDates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWeekend(d)) out.push(d);
  return out;
}

const DAY_NAMES = { id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'], en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] };
const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "Sabtu, 21 Juni 2025". */
export function longDate(date: string, locale: 'id' | 'en' = 'id'): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${DAY_NAMES[locale][weekday(date)]}, ${d} ${MONTHS[locale][m - 1]} ${y}`;
}
