import { fail } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const PARTNERS = graphql(`
  query AdminPartners {
    partners { id name sector contactName contactEmail contactPhone }
  }
`);

const CREATE_PARTNER = graphql(`
  mutation AdminCreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) { partner { name } userErrors { field message } }
  }
`);

const UPDATE_CONTACT = graphql(`
  mutation AdminUpdatePartnerContact($input: UpdatePartnerContactInput!) {
    updatePartnerContact(input: $input) { partner { name } userErrors { field message } }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  return { ...(await gql(event, PARTNERS)), key: formKey() };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const values = { name: formText(form, 'name'), sector: formText(form, 'sector') };
    const result = await act(event, 'admin', CREATE_PARTNER, { ...values, sector: values.sector || null, idempotencyKey: formText(form, 'idempotencyKey') || null });
    if (!result.ok) return fail(400, { errors: result.failure.data.errors, values });
    return { created: result.data.createPartner.partner?.name ?? '' };
  },
  contact: async (event) => {
    const form = await event.request.formData();
    const partnerId = formText(form, 'partnerId');
    const values = { sector: formText(form, 'sector'), contactName: formText(form, 'contactName'), contactEmail: formText(form, 'contactEmail'), contactPhone: formText(form, 'contactPhone') };
    const result = await act(event, 'admin', UPDATE_CONTACT, { partnerId, ...values });
    if (!result.ok) return fail(400, { errors: result.failure.data.errors, partnerId, contact: values });
    return { saved: result.data.updatePartnerContact.partner?.name ?? '' };
  },
};
