import { gql } from '$lib/server/graphql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const MINE = /* GraphQL */ `
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
`;

export interface MyDay {
  id: string;
  amount: number;
  transactions: number | null;
  status: string;
  version: number;
  correctionReason: string | null;
  disputeComment: string | null;
  resolutionNote: string | null;
  marketDay: { date: string };
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { myTurnover } = await gql<{
    myTurnover: {
      from: string;
      to: string;
      total: number;
      awaitingAnswer: number;
      months: { month: string; amount: number; marketDays: number }[];
      days: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: MyDay[] };
    };
  }>(event, MINE, { after: event.url.searchParams.get('after') || null });
  return myTurnover;
};

const CONFIRM = /* GraphQL */ `mutation($input: TurnoverReportRefInput!) { confirmTurnover(input: $input) { report { id } userErrors { code field message } } }`;
const DISPUTE = /* GraphQL */ `mutation($input: DisputeTurnoverInput!) { disputeTurnover(input: $input) { report { id } userErrors { code field message } } }`;

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
