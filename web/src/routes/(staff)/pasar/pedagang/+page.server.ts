import { gql } from '$lib/server/graphql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const VENDORS = /* GraphQL */ `
  query StaffVendors($status: VendorStatus, $after: String) {
    vendors(first: 50, status: $status, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id code businessName ownerName phone category products status statusReason kelurahan { name } }
    }
  }
`;
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'];

export interface StaffVendor {
  id: string;
  code: string;
  businessName: string;
  ownerName: string;
  phone: string;
  category: string;
  products: string;
  status: string;
  statusReason: string | null;
  kelurahan: { name: string };
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const param = event.url.searchParams.get('status');
  const status = param === 'ALL' ? null : STATUSES.includes(param ?? '') ? param : 'PENDING';
  const { vendors } = await gql<{ vendors: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: StaffVendor[] } }>(event, VENDORS, {
    status,
    after: event.url.searchParams.get('after'),
  });
  return { vendors, status: status ?? 'ALL' };
};

const DECIDE = /* GraphQL */ `mutation($input: DecideVendorInput!) { decideVendor(input: $input) { vendor { businessName status } userErrors { code field message } } }`;

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const r = await act<{ decideVendor: { vendor: { businessName: string; status: string } | null; userErrors: [] } }>(event, 'pasar', DECIDE, {
      vendorId: formText(form, 'vendorId'),
      decision: formText(form, 'decision'),
      reason: formText(form, 'reason') || null,
    });
    return r.ok ? { decided: r.data.decideVendor.vendor } : r.failure;
  },
};
