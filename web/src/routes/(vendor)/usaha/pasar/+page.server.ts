import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { bookingCodeText, qrSvgPath } from '$lib/server/booking-code';
import { act, formKey, formText } from '$lib/server/market';
import { requestStallFromForm } from '$lib/server/stall-request';
import type { Actions, PageServerLoad } from './$types';

const DAYS = graphql(`
  query VendorMarketDays {
    myVendor { businessName status statusReason publicConsent }
    marketDays {
      id date status bookingOpen bookingOpensAt bookingClosesAt cancelDeadline cancelReason
      myBooking { id status explanation waitlistPosition stall { code } }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, DAYS);
  // A confirmed stall gets its check-in code (the booking number only) to show at the gate.
  const codes = Object.fromEntries(
    data.marketDays.flatMap((d) => (d.myBooking?.status === 'CONFIRMED' ? [[d.myBooking.id, { text: bookingCodeText(d.myBooking.id), ...qrSvgPath(bookingCodeText(d.myBooking.id)) }]] : [])),
  );
  return { ...data, key: formKey(), codes };
};

const CANCEL = graphql(`mutation CancelBooking($input: BookingRefInput!) { cancelBooking(input: $input) { booking { id } userErrors { code field message } } }`);

const CONSENT = graphql(`mutation UpdateMyBusiness($input: UpdateMyBusinessInput!) { updateMyBusiness(input: $input) { vendor { publicConsent } userErrors { code field message } } }`);

export const actions: Actions = {
  consent: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', CONSENT, { publicConsent: form.get('publicConsent') === 'on' });
    return r.ok ? { done: 'consent' as const } : r.failure;
  },
  request: requestStallFromForm,
  cancel: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', CANCEL, { bookingId: formText(form, 'bookingId') });
    return r.ok ? { done: 'cancelled' as const } : r.failure;
  },
};
