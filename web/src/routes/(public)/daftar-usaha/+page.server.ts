import { fail } from '@sveltejs/kit';
import { fieldErrors, gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { VendorCategory } from '$lib/server/gql/graphql';
import { formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const KELURAHAN = graphql(`query RegistrationKelurahan { registrationKelurahan { code name } }`);
const REGISTER = graphql(`
  mutation RegisterVendor($input: RegisterVendorInput!) {
    registerVendor(input: $input) { received userErrors { code field message } }
  }
`);

export const load: PageServerLoad = async (event) => {
  const { registrationKelurahan } = await gql(event, KELURAHAN);
  return { kelurahan: registrationKelurahan, key: formKey() };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      businessName: formText(form, 'businessName'),
      ownerName: formText(form, 'ownerName'),
      phone: formText(form, 'phone'),
      category: formText(form, 'category'),
      products: formText(form, 'products'),
      kelurahanCode: formText(form, 'kelurahanCode'),
      nib: formText(form, 'nib'),
      publicConsent: form.get('publicConsent') === 'on',
    };
    const input = { ...values, nib: values.nib || null, category: (values.category || 'KULINER') as VendorCategory, password: String(form.get('password') ?? ''), idempotencyKey: formText(form, 'key') || null };
    const { registerVendor } = await gql(event, REGISTER, { input });
    if (!registerVendor.received) return fail(400, { values, errors: fieldErrors(registerVendor.userErrors) });
    // The same answer for a new and an already registered number: no vendor number to the public.
    return { received: true };
  },
};
