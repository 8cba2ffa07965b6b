import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const BOARD = graphql(`
  query DayBoard($id: ID!) {
    marketDayBoard(marketDayId: $id) {
      marketDay { id date status capacity bookingOpen bookingOpensAt bookingClosesAt cancelDeadline checkInCutoff cancelReason }
      counts { stalls requested confirmed checkedIn noShows waitlisted }
      stalls { stall { code zone prime } booking { id status explanation vendor { businessName category } } }
      waitlist { id waitlistPosition explanation vendor { businessName } }
      requests { id requestedAt vendor { businessName } }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  return (await gql(event, BOARD, { id: event.params.id })).marketDayBoard;
};

/** A wall-clock time typed in Kupang ("2026-12-10T20:00") as an instant. */
const witaInput = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(`${value}:00+08:00`).toISOString() : null);

export const actions: Actions = {
  schedule: async (event) => {
    const form = await event.request.formData();
    const capacity = formText(form, 'capacity');
    const r = await act(event, 'pasar', graphql(`mutation UpdateMarketDay($input: UpdateMarketDayInput!) { updateMarketDay(input: $input) { userErrors { code field message } } }`), {
      marketDayId: event.params.id,
      capacity: capacity ? Number(capacity) : null,
      bookingClosesAt: witaInput(formText(form, 'bookingClosesAt')),
      cancelDeadline: witaInput(formText(form, 'cancelDeadline')),
      checkInCutoff: witaInput(formText(form, 'checkInCutoff')),
    });
    return r.ok ? { scheduled: true } : r.failure;
  },
  checkIn: async (event) => {
    const form = await event.request.formData();
    const r = await act(
      event,
      'pasar',
      graphql(`mutation CheckInBooking($input: CheckInBookingInput!) { checkInBooking(input: $input) { booking { vendor { businessName } } userErrors { code field message } } }`),
      { bookingId: formText(form, 'bookingId'), idempotencyKey: formText(form, 'key') || null },
    );
    return r.ok ? { checkedIn: r.data.checkInBooking.booking?.vendor.businessName } : r.failure;
  },
  close: async (event) => {
    const r = await act(event, 'pasar', graphql(`mutation CloseBookingWindow($input: MarketDayRefInput!) { closeBookingWindow(input: $input) { userErrors { code field message } } }`), {
      marketDayId: event.params.id,
    });
    return r.ok ? { allocated: true } : r.failure;
  },
  noShows: async (event) => {
    const r = await act(
      event,
      'pasar',
      graphql(`mutation MarkNoShows($input: MarketDayRefInput!) { markNoShows(input: $input) { marked userErrors { code field message } } }`),
      { marketDayId: event.params.id },
    );
    return r.ok ? { marked: r.data.markNoShows.marked } : r.failure;
  },
  cancel: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', graphql(`mutation CancelMarketDay($input: CancelMarketDayInput!) { cancelMarketDay(input: $input) { userErrors { code field message } } }`), {
      marketDayId: event.params.id,
      reason: formText(form, 'reason'),
    });
    return r.ok ? { cancelled: true } : r.failure;
  },
};
