import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { VendorDecision, VendorStatus } from '$lib/server/gql/graphql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const VENDORS = graphql(`
  query StaffVendors($status: VendorStatus, $after: String) {
    vendors(first: 50, status: $status, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id code businessName ownerName phone category products status statusReason accountId kelurahan { name } }
    }
  }
`);
const STATUSES: VendorStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'];

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const param = event.url.searchParams.get('status');
  const status = param === 'ALL' ? null : (STATUSES.find((s) => s === param) ?? 'PENDING');
  const { vendors } = await gql(event, VENDORS, {
    status,
    after: event.url.searchParams.get('after'),
  });
  return { vendors, status: status ?? 'ALL' };
};

const DECIDE = graphql(`mutation DecideVendor($input: DecideVendorInput!) { decideVendor(input: $input) { vendor { businessName status } userErrors { code field message } } }`);

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', DECIDE, {
      vendorId: formText(form, 'vendorId'),
      decision: formText(form, 'decision') as VendorDecision,
      reason: formText(form, 'reason') || null,
    });
    return r.ok ? { decided: r.data.decideVendor.vendor } : r.failure;
  },
};
