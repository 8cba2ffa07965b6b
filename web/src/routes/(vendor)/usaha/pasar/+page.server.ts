import { gql } from '$lib/server/graphql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const DAYS = /* GraphQL */ `
  query VendorMarketDays {
    myVendor { businessName status statusReason publicConsent }
    marketDays {
      id date status bookingOpen bookingOpensAt bookingClosesAt cancelDeadline cancelReason
      myBooking { id status explanation waitlistPosition stall { code } }
    }
  }
`;

export interface VendorDay {
  id: string;
  date: string;
  status: string;
  bookingOpen: boolean;
  bookingOpensAt: string;
  bookingClosesAt: string;
  cancelDeadline: string;
  cancelReason: string | null;
  myBooking: { id: string; status: string; explanation: string | null; waitlistPosition: number | null; stall: { code: string } | null } | null;
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql<{ myVendor: { businessName: string; status: string; statusReason: string | null; publicConsent: boolean } | null; marketDays: VendorDay[] }>(event, DAYS);
  return { ...data, key: formKey() };
};

const REQUEST = /* GraphQL */ `mutation($input: RequestStallInput!) { requestStall(input: $input) { booking { id } userErrors { code field message } } }`;
const CANCEL = /* GraphQL */ `mutation($input: BookingRefInput!) { cancelBooking(input: $input) { booking { id } userErrors { code field message } } }`;

const CONSENT = /* GraphQL */ `mutation($input: UpdateMyBusinessInput!) { updateMyBusiness(input: $input) { vendor { publicConsent } userErrors { code field message } } }`;

export const actions: Actions = {
  consent: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', CONSENT, { publicConsent: form.get('publicConsent') === 'on' });
    return r.ok ? { done: 'consent' as const } : r.failure;
  },
  request: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', REQUEST, {
      marketDayId: formText(form, 'marketDayId'),
      zonePreference: formText(form, 'zone') || null,
      idempotencyKey: formText(form, 'key') || null,
    });
    return r.ok ? { done: 'requested' as const } : r.failure;
  },
  cancel: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', CANCEL, { bookingId: formText(form, 'bookingId') });
    return r.ok ? { done: 'cancelled' as const } : r.failure;
  },
};
