import { addDays, witaInstant } from '../../platform/wita-clock';

/**
 * The default schedule of a market day: requests from eight days before (Friday 08.00 WITA for a
 * Saturday), the window closes two days before at 20.00, cancellation until the day before at
 * 12.00, check-in until 16.00 on the day (the market runs late afternoon into the evening).
 */
export function defaultWindow(date: string) {
  return {
    bookingOpensAt: witaInstant(addDays(date, -8), '08:00'),
    bookingClosesAt: witaInstant(addDays(date, -2), '20:00'),
    cancelDeadline: witaInstant(addDays(date, -1), '12:00'),
    checkInCutoff: witaInstant(date, '16:00'),
  };
}
