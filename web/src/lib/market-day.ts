import type { MessageKey } from '$lib/i18n';

interface DayTimes {
  status: 'OPEN' | 'ALLOCATED' | 'CANCELLED';
  /** The API's answer on its own clock, when the document asked for it. */
  bookingOpen?: boolean;
  bookingOpensAt: string;
  bookingClosesAt: string;
}

/**
 * One wording of a market day's state for staff and vendors alike: an OPEN day is "not open
 * yet" before its booking window, "taking requests" inside it, and "closed, stalls not yet
 * shared out" after it until the allocation runs.
 */
export function dayStatusKey(day: DayTimes, now = Date.now()): MessageKey {
  if (day.status !== 'OPEN') return `market.day.${day.status}`;
  const open = day.bookingOpen ?? (now >= Date.parse(day.bookingOpensAt) && now < Date.parse(day.bookingClosesAt));
  if (open) return 'market.day.OPEN';
  return now < Date.parse(day.bookingOpensAt) ? 'market.day.NOT_YET_OPEN' : 'market.day.CLOSED';
}
