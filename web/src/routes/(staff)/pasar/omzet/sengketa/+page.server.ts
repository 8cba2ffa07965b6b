import { gql } from '$lib/server/graphql';
import { formText } from '$lib/server/market';
import { parseRupiah, turnoverAct } from '$lib/server/turnover';
import type { Actions, PageServerLoad } from './$types';

const QUEUE = /* GraphQL */ `
  query TurnoverDisputes {
    turnoverReports(status: DISPUTED, first: 100) {
      totalCount
      nodes { id amount transactions disputeComment disputedAt vendor { businessName code } marketDay { date } }
    }
  }
`;

export interface Dispute {
  id: string;
  amount: number;
  transactions: number | null;
  disputeComment: string;
  disputedAt: string;
  vendor: { businessName: string; code: string };
  marketDay: { date: string };
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { turnoverReports } = await gql<{ turnoverReports: { totalCount: number; nodes: Dispute[] } }>(event, QUEUE);
  return { disputes: turnoverReports.nodes, total: turnoverReports.totalCount };
};

const RESOLVE = /* GraphQL */ `mutation($input: ResolveTurnoverDisputeInput!) { resolveTurnoverDispute(input: $input) { report { vendor { businessName } } userErrors { code field message } } }`;

export const actions: Actions = {
  resolve: async (event) => {
    const form = await event.request.formData();
    const corrected = formText(form, 'correctedAmount');
    const r = await turnoverAct<{ resolveTurnoverDispute: { report: { vendor: { businessName: string } } | null; userErrors: [] } }>(
      event,
      'pasar',
      RESOLVE,
      { reportId: formText(form, 'reportId'), note: formText(form, 'note'), correctedAmount: corrected ? parseRupiah(corrected) : null },
      { vendorId: '', amount: corrected, transactions: '', key: '' },
    );
    return r.ok ? { resolved: r.data.resolveTurnoverDispute.report?.vendor.businessName ?? '' } : r.failure;
  },
};
