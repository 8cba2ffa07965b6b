import type { RequestEvent } from '@sveltejs/kit';
import { graphql } from '$lib/server/gql';
import { act, formText } from '$lib/server/market';

const REQUEST = graphql(`mutation RequestStall($input: RequestStallInput!) { requestStall(input: $input) { booking { id } userErrors { code field message } } }`);

/**
 * The vendor's stall request from a form (her home or the stall page): the day, an optional zone
 * and the form's idempotency key, so a retried post on weak signal is one request.
 */
export async function requestStallFromForm(event: RequestEvent) {
  const form = await event.request.formData();
  const r = await act(event, 'usaha', REQUEST, {
    marketDayId: formText(form, 'marketDayId'),
    zonePreference: formText(form, 'zone') || null,
    idempotencyKey: formText(form, 'key') || null,
  });
  return r.ok ? { done: 'requested' as const } : r.failure;
}
