import { gql } from '$lib/server/graphql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const DAYS = /* GraphQL */ `query($from: LocalDate) { marketDays(from: $from) { id date status bookingClosesAt cancelReason } }`;
const GENERATE = /* GraphQL */ `mutation($input: GenerateMarketDaysInput!) { generateMarketDays(input: $input) { created { id } userErrors { code field message } } }`;

/** Today in Kupang (WITA), for the default period shown. */
function witaToday(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql<{ marketDays: { id: string; date: string; status: string; bookingClosesAt: string; cancelReason: string | null }[] }>(event, DAYS, {
    from: witaToday(-28),
  });
  return { ...data, defaultFrom: witaToday(), defaultTo: witaToday(56), key: formKey() };
};

export const actions: Actions = {
  generate: async (event) => {
    const form = await event.request.formData();
    const r = await act<{ generateMarketDays: { created: { id: string }[]; userErrors: [] } }>(event, 'pasar', GENERATE, {
      from: formText(form, 'from'),
      to: formText(form, 'to'),
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { created: r.data.generateMarketDays.created.length } : r.failure;
  },
};
