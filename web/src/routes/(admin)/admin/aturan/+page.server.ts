import { fail } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const RULES = graphql(`
  query AdminEntitlementRules {
    programs {
      id
      name
      currentRule { effectiveMonth packsPerWoman padsPerPack }
      rules { id effectiveMonth packsPerWoman padsPerPack note createdAt }
    }
  }
`);

const SET_RULE = graphql(`
  mutation AdminSetEntitlementRule($input: SetEntitlementRuleInput!) {
    setEntitlementRule(input: $input) { rule { effectiveMonth packsPerWoman } userErrors { field message } }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  return { ...(await gql(event, RULES)), key: formKey() };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      programId: formText(form, 'programId'),
      effectiveMonth: formText(form, 'effectiveMonth'),
      packsPerWoman: formText(form, 'packsPerWoman'),
      padsPerPack: formText(form, 'padsPerPack'),
      note: formText(form, 'note'),
    };
    const whole = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : -1); // the API refuses what is not a sensible count
    const result = await act(event, 'admin', SET_RULE, {
      programId: values.programId,
      effectiveMonth: values.effectiveMonth,
      packsPerWoman: whole(values.packsPerWoman),
      padsPerPack: whole(values.padsPerPack),
      note: values.note || null,
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    if (!result.ok) return fail(400, { errors: result.failure.data.errors, values });
    const rule = result.data.setEntitlementRule.rule;
    return { saved: { packs: rule?.packsPerWoman ?? 0, month: rule?.effectiveMonth ?? '' } };
  },
};
