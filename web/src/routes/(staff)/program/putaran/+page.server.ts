import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import { isCityWide } from '$lib/server/round';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const ROUNDS = graphql(`
  query Rounds($after: String) {
    programs { id name currentRule { packsPerWoman padsPerPack } }
    distributionRounds(first: 24, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ...RoundHead } }
    me { ...CityWide }
  }
`);
const OPEN = graphql(`mutation OpenRound($input: OpenRoundInput!) { openRound(input: $input) { round { id } userErrors { code field message } } }`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, ROUNDS, { after: event.url.searchParams.get('after') });
  const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  return { ...data, thisMonth, key: formKey(), cityWide: isCityWide(data.me) };
};

export const actions: Actions = {
  open: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'program', OPEN, {
      programId: formText(form, 'programId'),
      month: formText(form, 'month'),
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    if (!r.ok) return r.failure;
    redirect(303, `/program/putaran/${r.data.openRound.round!.id}`);
  },
};
