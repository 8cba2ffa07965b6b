import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const DAYS = graphql(`query MarketDays($from: LocalDate) { marketDays(from: $from) { id date status bookingOpen bookingOpensAt bookingClosesAt cancelReason } }`);
const GENERATE = graphql(`mutation GenerateMarketDays($input: GenerateMarketDaysInput!) { generateMarketDays(input: $input) { created { id } userErrors { code field message } } }`);

/** Today in Kupang (WITA), for the default period shown. */
function witaToday(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, DAYS, {
    from: witaToday(-28),
  });
  return { ...data, today: witaToday(), defaultFrom: witaToday(), defaultTo: witaToday(56), key: formKey() };
};

export const actions: Actions = {
  generate: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', GENERATE, {
      from: formText(form, 'from'),
      to: formText(form, 'to'),
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { created: r.data.generateMarketDays.created.length } : r.failure;
  },
};
