import { gql } from '$lib/server/graphql';
import type { MarketStall } from '$lib/server/graphql-types';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const STALLS = /* GraphQL */ `query { marketStalls { id code zone position prime hasPower size active } }`;
const SAVE = /* GraphQL */ `mutation($input: SaveStallInput!) { saveStall(input: $input) { stall { code } userErrors { code field message } } }`;

/** A stall as the query above selects it. */
export type Stall = Pick<MarketStall, 'id' | 'code' | 'zone' | 'position' | 'prime' | 'hasPower' | 'size' | 'active'>;

export const load: PageServerLoad = async (event) => {
  await event.parent();
  // A fresh idempotency key per form shown: a double submit of the same form saves the stall once.
  return { ...(await gql<{ marketStalls: Stall[] }>(event, STALLS)), key: formKey() };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const r = await act<{ saveStall: { stall: { code: string } | null; userErrors: [] } }>(event, 'pasar', SAVE, {
      id: formText(form, 'id') || null,
      zone: formText(form, 'zone').toUpperCase(),
      position: Number(formText(form, 'position')) || 0,
      prime: form.get('prime') === 'on',
      hasPower: form.get('hasPower') === 'on',
      size: formText(form, 'size') || null,
      active: form.get('active') !== null ? form.get('active') === 'on' : true,
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { saved: r.data.saveStall.stall?.code } : r.failure;
  },
  toggle: async (event) => {
    const form = await event.request.formData();
    const r = await act<{ saveStall: { stall: { code: string } | null; userErrors: [] } }>(event, 'pasar', SAVE, {
      id: formText(form, 'id'),
      zone: formText(form, 'zone'),
      position: Number(formText(form, 'position')),
      ...(form.has('active') ? { active: formText(form, 'active') === 'true' } : {}),
      ...(form.has('prime') ? { prime: formText(form, 'prime') === 'true' } : {}),
    });
    return r.ok ? { saved: r.data.saveStall.stall?.code } : r.failure;
  },
};
