import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const STALLS = graphql(`query MarketStalls { marketStalls { id code zone position prime hasPower size active } }`);
const SAVE = graphql(`mutation SaveStall($input: SaveStallInput!) { saveStall(input: $input) { stall { code } userErrors { code field message } } }`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  // A fresh idempotency key per form shown: a double submit of the same form saves the stall once.
  return { ...(await gql(event, STALLS)), key: formKey() };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', SAVE, {
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
    const r = await act(event, 'pasar', SAVE, {
      id: formText(form, 'id'),
      zone: formText(form, 'zone'),
      position: Number(formText(form, 'position')),
      ...(form.has('active') ? { active: formText(form, 'active') === 'true' } : {}),
      ...(form.has('prime') ? { prime: formText(form, 'prime') === 'true' } : {}),
    });
    return r.ok ? { saved: r.data.saveStall.stall?.code } : r.failure;
  },
};
