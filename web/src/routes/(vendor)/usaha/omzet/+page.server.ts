import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const MINE = graphql(`
  query MyTurnover($after: String) {
    myTurnover {
      from to total awaitingAnswer
      months { month amount marketDays }
      days(first: 30, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id amount transactions status version correctionReason disputeComment resolutionNote marketDay { date } }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { myTurnover } = await gql(event, MINE, { after: event.url.searchParams.get('after') || null });
  return myTurnover;
};

const CONFIRM = graphql(`mutation ConfirmTurnover($input: TurnoverReportRefInput!) { confirmTurnover(input: $input) { report { id } userErrors { code field message } } }`);
const DISPUTE = graphql(`mutation DisputeTurnover($input: DisputeTurnoverInput!) { disputeTurnover(input: $input) { report { id } userErrors { code field message } } }`);

export const actions: Actions = {
  confirm: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', CONFIRM, { reportId: formText(form, 'reportId') });
    return r.ok ? { done: 'confirmed' as const } : r.failure;
  },
  dispute: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', DISPUTE, { reportId: formText(form, 'reportId'), comment: formText(form, 'comment') });
    return r.ok ? { done: 'disputed' as const } : r.failure;
  },
};
