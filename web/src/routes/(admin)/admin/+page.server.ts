import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { AREA_ROLES, ROLES } from '$lib/roles';
import { fieldErrors, gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { CreateUserInput, Role } from '$lib/server/gql/graphql';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const ADMIN_HOME = graphql(`
  query AdminHome {
    users(first: 20) {
      nodes { id fullName role email phone active }
      totalCount
    }
    partners { id name }
    kecamatan: regions(level: KECAMATAN) {
      code
      name
      children { code name }
    }
  }
`);

const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user { fullName }
      userErrors { field message }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  return gql(event, ADMIN_HOME);
};

export const actions: Actions = {
  default: async (event) => {
    // Actions do not run layout loads, so the role is checked here too.
    requireRole(event.locals, event.url, AREA_ROLES.admin);
    const form = await event.request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const values = {
      fullName: text('fullName'),
      email: text('email'),
      phone: text('phone'),
      role: text('role'),
      partnerId: text('partnerId'),
      kelurahanCodes: form.getAll('kelurahanCodes').map(String),
    };
    if (!ROLES.includes(values.role as Role)) {
      return fail(400, { values, errors: { role: translate(event.locals.locale, 'form.required') } as Record<string, string> });
    }
    const input: CreateUserInput = {
      fullName: values.fullName,
      email: values.email || null,
      phone: values.phone || null,
      role: values.role as Role,
      password: String(form.get('password') ?? ''),
      partnerId: values.partnerId || null,
      kelurahanCodes: values.kelurahanCodes.length ? values.kelurahanCodes : null,
    };
    const { createUser } = await gql(event, CREATE_USER, {
      input,
    });
    if (!createUser.user) return fail(400, { values, errors: fieldErrors(createUser.userErrors) });
    return { created: createUser.user.fullName };
  },
};
