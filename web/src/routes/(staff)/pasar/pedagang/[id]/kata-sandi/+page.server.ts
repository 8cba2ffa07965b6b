import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const VENDOR = graphql(`
  query ResetVendorAccount($id: ID!) {
    mentoredVendor(vendorId: $id) { id code businessName ownerName accountId }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { mentoredVendor } = await gql(event, VENDOR, { id: event.params.id });
  if (!mentoredVendor) error(404, 'NOT_FOUND');
  return { vendor: mentoredVendor };
};

const RESET = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) { temporaryPassword userErrors { code field message } }
  }
`);

export const actions: Actions = {
  /** The temporary password goes back in this one answer only (never stored in clear, never shown again). */
  default: async (event) => {
    const { mentoredVendor } = await gql(event, VENDOR, { id: event.params.id });
    if (!mentoredVendor?.accountId) error(404, 'NOT_FOUND');
    const r = await act(event, 'pasar', RESET, { userId: mentoredVendor.accountId });
    return r.ok ? { temporaryPassword: r.data.resetPassword.temporaryPassword } : r.failure;
  },
};
