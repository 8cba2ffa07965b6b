import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { formText } from '$lib/server/market';
import { parseRupiah, turnoverAct } from '$lib/server/turnover';
import type { Actions, PageServerLoad } from './$types';

const QUEUE = graphql(`
  query TurnoverDisputes {
    turnoverReports(status: DISPUTED, first: 100) {
      totalCount
      nodes { id amount transactions disputeComment disputedAt vendor { businessName code } marketDay { date } }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { turnoverReports } = await gql(event, QUEUE);
  return { disputes: turnoverReports.nodes, total: turnoverReports.totalCount };
};

const RESOLVE = graphql(`mutation ResolveTurnoverDispute($input: ResolveTurnoverDisputeInput!) { resolveTurnoverDispute(input: $input) { report { vendor { businessName } } userErrors { code field message } } }`);

export const actions: Actions = {
  resolve: async (event) => {
    const form = await event.request.formData();
    const corrected = formText(form, 'correctedAmount');
    const r = await turnoverAct(
      event,
      'pasar',
      RESOLVE,
      { reportId: formText(form, 'reportId'), note: formText(form, 'note'), correctedAmount: corrected ? parseRupiah(corrected) : null },
      { vendorId: '', amount: corrected, transactions: '', key: '' },
    );
    return r.ok ? { resolved: r.data.resolveTurnoverDispute.report?.vendor.businessName ?? '' } : r.failure;
  },
};
