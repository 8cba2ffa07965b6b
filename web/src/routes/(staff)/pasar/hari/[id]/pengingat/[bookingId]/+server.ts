import { error, redirect } from '@sveltejs/kit';
import { formatDate, formatTime } from '$lib/format';
import { translate } from '$lib/i18n';
import { AREA_ROLES } from '$lib/roles';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { requireRole } from '$lib/server/guard';
import { whatsappLink } from '$lib/share/whatsapp';
import type { RequestHandler } from './$types';

const BOARD = graphql(`
  query ReminderBooking($id: ID!) {
    marketDayBoard(marketDayId: $id) {
      marketDay { date checkInCutoff }
      stalls { stall { code } booking { id status vendor { code } } }
    }
  }
`);

/** The phone through the vendor list, so every reminder (a read of her number) is in the audit trail. */
const VENDOR_PHONE = graphql(`
  query ReminderPhone($code: String!) {
    vendors(first: 1, search: $code) { nodes { code ownerName phone } }
  }
`);

/**
 * A staff reminder to one booked vendor: opens WhatsApp to her number with the text filled in.
 * The board itself never carries phone numbers; this link fetches hers when it is used.
 */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, AREA_ROLES.pasar);
  const locale = event.locals.locale;
  const { marketDayBoard: board } = await gql(event, BOARD, { id: event.params.id });
  const place = board.stalls.find((s) => s.booking?.id === event.params.bookingId);
  if (!place?.booking) error(404, { code: 'NOT_FOUND', message: translate(locale, 'error.notFound') });
  const { vendors } = await gql(event, VENDOR_PHONE, { code: place.booking.vendor.code });
  const vendor = vendors.nodes.find((v) => v.code === place.booking!.vendor.code);
  if (!vendor) error(404, { code: 'NOT_FOUND', message: translate(locale, 'error.notFound') });
  const text = translate(locale, 'offline.share.reminder', {
    name: vendor.ownerName,
    stall: place.stall.code,
    date: formatDate(board.marketDay.date, locale),
    cutoff: formatTime(board.marketDay.checkInCutoff, locale),
  });
  let link: string;
  try {
    link = whatsappLink(text, vendor.phone);
  } catch {
    error(400, { code: 'BAD_USER_INPUT', message: translate(locale, 'offline.share.noPhone', { name: vendor.ownerName }) });
  }
  redirect(303, link);
};
